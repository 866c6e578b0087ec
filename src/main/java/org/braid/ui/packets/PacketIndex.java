package org.braid.ui.packets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;
import org.braid.io.FrameReader;

/**
 * What the packet list keeps of each packet after the load pass: a fixed 29-byte record (file
 * offset, timestamp, captured and wire length, link type, interface, colour) from which a row's
 * fixed columns are shown and its frame re-read on demand. Records live in chunks of a few
 * hundred kilobytes, so the index grows without copying and stays at 29 bytes a packet (whole
 * arrays grown by doubling would cost up to twice that, and more as humongous heap objects).
 * Packet {@code i} (0-based) is packet number {@code i + 1}. Filled by one thread, then read-only;
 * a {@link #live()} index keeps the frames' bytes too (no file holds them) and is read while it
 * grows, below a size learned under the capture's lock, hence the volatile chunk table.
 */
public final class PacketIndex {
    static final int RECORD = 29;
    private static final int FILE_OFFSET = 0;
    private static final int TIMESTAMP = 8;
    private static final int CAPTURED = 16;
    private static final int ORIGINAL = 20;
    private static final int LINK_TYPE = 24;
    private static final int INTERFACE = 26;
    private static final int COLOR = 28;
    private static final int CHUNK_SHIFT = 13;
    private static final int CHUNK_PACKETS = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK_PACKETS - 1;

    private volatile ByteBuffer[] chunks = new ByteBuffer[16];
    private int size;
    private long firstTimestamp;
    /** The live frames' bytes; null for a file's index, whose frames are re-read from the file. */
    private final LiveFrameStore frames;
    /** True for a {@link #snapshot()}, which shares the records and must never be added to. */
    private final boolean frozen;
    /** The TCP flows' first sequence numbers, for relative numbers in Info; filled by the load pass. */
    private final TcpSequenceBases sequenceBases;

    /** An index of a file's packets. */
    public PacketIndex() {
        this((LiveFrameStore) null);
    }

    private PacketIndex(LiveFrameStore frames) {
        this.frames = frames;
        this.frozen = false;
        this.sequenceBases = new TcpSequenceBases();
    }

    private PacketIndex(PacketIndex growing) {
        this.frames = growing.frames;
        this.chunks = growing.chunks;
        this.size = growing.size;
        this.firstTimestamp = growing.firstTimestamp;
        this.frozen = true;
        this.sequenceBases = growing.sequenceBases.copy();
    }

    /**
     * A read-only view of the packets added so far, sharing their records and bytes (which are
     * never rewritten), so a live index can be shown while it grows. Take it where the adding
     * thread is paused (under the capture's lock); the view's size never changes.
     */
    public PacketIndex snapshot() {
        return new PacketIndex(this);
    }

    /** An index of live-captured packets, which also keeps their bytes. */
    public static PacketIndex live() {
        return new PacketIndex(new LiveFrameStore());
    }

    public boolean isLive() { return frames != null; }

    /** True when both are snapshots of the same live capture, so rows of one are valid in the later one. */
    public boolean sameCapture(PacketIndex other) {
        return frames != null && other != null && frames == other.frames;
    }

    /** Appends the packet just read; it must be packet number {@code size() + 1}. */
    public void add(Frame frame, DecodedPacket packet) {
        if (frozen) {
            throw new IllegalStateException("a snapshot of a packet index is read-only");
        }
        if (frame.packetNumber() != size + 1L) {
            throw new IllegalStateException("packet " + frame.packetNumber() + " added as number " + (size + 1));
        }
        int chunk = size >>> CHUNK_SHIFT;
        ByteBuffer[] table = chunks;
        if (chunk == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        if (table[chunk] == null) {
            table[chunk] = ByteBuffer.allocate(CHUNK_PACKETS * RECORD);
            chunks = table;
        }
        if (size == 0) {
            firstTimestamp = frame.timestampNanos();
        }
        ByteBuffer records = table[chunk];
        int at = (size & CHUNK_MASK) * RECORD;
        // A live packet's "file offset" is where its bytes lie in the store.
        records.putLong(at + FILE_OFFSET, frames == null ? frame.fileOffset() : frames.append(frame));
        records.putLong(at + TIMESTAMP, frame.timestampNanos());
        records.putInt(at + CAPTURED, frame.capturedLength());
        records.putInt(at + ORIGINAL, frame.originalLength());
        // Link types and interface ids fit 16 bits (pcapng stores link types in 16 bits; ids this large do not occur).
        records.putShort(at + LINK_TYPE, (short) frame.linkType());
        records.putShort(at + INTERFACE, (short) frame.interfaceId());
        records.put(at + COLOR, (byte) PacketColoring.classify(packet).ordinal());
        size++;
    }

    public int size() { return size; }
    public TcpSequenceBases sequenceBases() { return sequenceBases; }
    public long packetNumber(int i) { return check(i) + 1L; }
    public long fileOffset(int i) { return chunk(i).getLong(at(i) + FILE_OFFSET); }
    public long timestampNanos(int i) { return chunk(i).getLong(at(i) + TIMESTAMP); }
    public int capturedLength(int i) { return chunk(i).getInt(at(i) + CAPTURED); }
    /** Length on the wire, the list's Length column. */
    public int originalLength(int i) { return chunk(i).getInt(at(i) + ORIGINAL); }
    public int linkType(int i) { return chunk(i).getShort(at(i) + LINK_TYPE) & 0xffff; }
    public int interfaceId(int i) { return chunk(i).getShort(at(i) + INTERFACE) & 0xffff; }
    public PacketColor color(int i) { return PacketColor.ofOrdinal(chunk(i).get(at(i) + COLOR)); }

    /** Nanoseconds since the first packet, the list's Time column. */
    public long relativeNanos(int i) {
        return timestampNanos(i) - firstTimestamp;
    }

    /** Bytes held by the records: {@value #RECORD} a packet, rounded up to whole chunks. */
    public long columnBytes() {
        long chunkCount = ((long) size + CHUNK_PACKETS - 1) >>> CHUNK_SHIFT;
        return chunkCount * CHUNK_PACKETS * RECORD;
    }

    /** Bytes held for live frames; 0 for a file's index. */
    public long frameBytes() {
        return frames == null ? 0 : frames.storedBytes();
    }

    /**
     * Points {@code frame} at packet {@code i}'s bytes; false when the file no longer holds it. A
     * live index reads its own store and needs no reader (it may be null).
     */
    public boolean read(FrameReader reader, int i, Frame frame) throws IOException {
        if (frames != null) {
            frames.read(fileOffset(i), capturedLength(i), originalLength(i), linkType(i), interfaceId(i),
                    timestampNanos(i), i + 1L, frame);
            return true;
        }
        return reader.read(fileOffset(i), capturedLength(i), originalLength(i), linkType(i), interfaceId(i),
                timestampNanos(i), i + 1L, frame);
    }

    private ByteBuffer chunk(int i) {
        return chunks[check(i) >>> CHUNK_SHIFT];
    }

    private static int at(int i) {
        return (i & CHUNK_MASK) * RECORD;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("packet index " + i + " of " + size);
        }
        return i;
    }
}
