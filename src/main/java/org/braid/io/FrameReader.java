package org.braid.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Random access to the frames of a trace, for views that show one packet at a time: the load pass
 * records each frame's {@link Frame#fileOffset()} and metadata, and this re-points a frame at the
 * bytes of the record found there. Only the record's header length is read from the file (it
 * depends on the format and, for pcapng, on the block type), so the metadata is the caller's.
 *
 * <p>Reads are synchronized so a background filter and the UI can share one reader; a frame keeps
 * pointing at valid bytes after a later read, since a remap replaces the window without unmapping it.
 */
public final class FrameReader implements Closeable {
    private static final int PCAP_FILE_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int PCAPNG_PACKET_DATA = 28;
    private static final int PCAPNG_SIMPLE_PACKET_DATA = 12;
    private static final int ENHANCED_PACKET = 6;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int MAGIC_BYTES = 4;

    private final TraceFile file;
    private final boolean pcapng;

    private FrameReader(TraceFile file, boolean pcapng) {
        this.file = file;
        this.pcapng = pcapng;
    }

    /**
     * Opens {@code path} for random access (a gzip file is decompressed again into its own
     * temporary copy, deleted on close).
     *
     * @throws TraceFormatException when the file is not a pcap or pcapng trace
     */
    public static FrameReader open(Path path) throws IOException {
        TraceFile file = TraceFile.open(path, MappedWindow.DEFAULT_WINDOW);
        try {
            file.mapped(); // random access needs a file, not a stream
            if (file.size() < MAGIC_BYTES) {
                throw new TraceFormatException(file.name(), 0, "file of " + file.size() + " bytes is not a trace");
            }
            int at = file.mapped().map(0, MAGIC_BYTES);
            int magic = file.mapped().bigEndian().getInt(at);
            if (PcapReader.isPcapMagic(magic)) {
                return new FrameReader(file, false);
            }
            if (magic == PcapngReader.SECTION_HEADER) {
                return new FrameReader(file, true);
            }
            throw new TraceFormatException(file.name(), 0, String.format(Locale.ROOT, "not a pcap or pcapng trace (magic 0x%08x)", magic));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Points {@code frame} at the packet whose record (pcap) or block (pcapng) starts at
     * {@code fileOffset}, with the metadata the load pass recorded for it. Returns false, leaving
     * the frame untouched, when no packet record of that length lies there.
     */
    public synchronized boolean read(long fileOffset, int capturedLength, int originalLength, int linkType,
                                     int interfaceId, long timestampNanos, long packetNumber, Frame frame)
            throws IOException {
        MappedWindow window = file.mapped();
        if (fileOffset < (pcapng ? 0 : PCAP_FILE_HEADER) || capturedLength < 0
                || window.remaining(fileOffset) < MAGIC_BYTES) {
            return false;
        }
        int header = pcapng ? pcapngDataStart(window, fileOffset) : PCAP_RECORD_HEADER;
        if (header < 0 || window.remaining(fileOffset) < (long) header + capturedLength) {
            return false;
        }
        int at = window.map(fileOffset, header + capturedLength);
        ByteBuffer bytes = window.bigEndian();
        frame.set(bytes, at + header, capturedLength, originalLength, linkType, interfaceId, timestampNanos,
                packetNumber, fileOffset);
        return true;
    }

    /** Offset of the packet data in the block at {@code offset}, whatever the section's byte order; -1 if no packet block. */
    private static int pcapngDataStart(MappedWindow window, long offset) throws IOException {
        int at = window.map(offset, MAGIC_BYTES);
        int type = window.bigEndian().getInt(at);
        int swapped = Integer.reverseBytes(type);
        if (type == ENHANCED_PACKET || type == OBSOLETE_PACKET || swapped == ENHANCED_PACKET
                || swapped == OBSOLETE_PACKET) {
            return PCAPNG_PACKET_DATA;
        }
        return type == SIMPLE_PACKET || swapped == SIMPLE_PACKET ? PCAPNG_SIMPLE_PACKET_DATA : -1;
    }

    /** Name of the file, for messages. */
    public String name() { return file.name(); }

    @Override
    public void close() throws IOException { file.close(); }
}
