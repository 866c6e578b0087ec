package org.braid.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a trace file, choosing the reader from its magic number. Gzip files are recognized by
 * their own magic number, whatever their name, and read through a decompressed temporary copy.
 */
public final class TraceReader {
    private static final int MAGIC_BYTES = 4;

    private TraceReader() {}

    /**
     * Opens a pcap, pcapng or gzip-compressed trace.
     *
     * @throws TraceFormatException when the file is not a trace at all (empty, too short, unknown magic)
     */
    public static PacketSource open(Path path) throws IOException {
        return open(path, MappedWindow.DEFAULT_WINDOW);
    }

    /** As {@link #open(Path)}, mapping at most {@code windowSize} bytes at a time; tests use tiny windows. */
    static PacketSource open(Path path, int windowSize) throws IOException {
        TraceFile file = TraceFile.open(path, windowSize);
        try {
            return readerFor(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static PacketSource readerFor(TraceFile file) throws IOException {
        String name = file.name();
        long size = file.size();
        if (size < MAGIC_BYTES) {
            String why = size == 0 ? "empty file" : "file of " + size + " bytes is too short to be a trace";
            if (file.compressed()) {
                why = "gzip file decompresses to " + size + " bytes"
                        + file.openWarnings().stream().map(w -> "; " + w.message()).reduce("", String::concat);
            }
            throw new TraceFormatException(name, 0, why + ", not a pcap or pcapng trace");
        }
        int at = file.window().map(0, MAGIC_BYTES); // map first: it may replace the window's buffer
        int magic = file.window().bigEndian().getInt(at);
        if (PcapReader.isPcapMagic(magic)) {
            return new PcapReader(file);
        }
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(file);
        }
        throw new TraceFormatException(name, 0, String.format(Locale.ROOT, "not a pcap or pcapng trace (magic 0x%08x)", magic));
    }
}
