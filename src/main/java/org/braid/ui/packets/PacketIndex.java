package org.braid.ui.packets;

import java.io.IOException;
import java.util.Arrays;
import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;
import org.braid.io.FrameReader;

/**
 * What the packet list keeps of each packet after the load pass: primitive columns (about 30
 * bytes a packet) from which a row's fixed columns are shown and its frame re-read on demand.
 * Packet {@code i} (0-based) is packet number {@code i + 1}. Filled by one thread, then read-only.
 */
public final class PacketIndex {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] fileOffsets = new long[INITIAL_CAPACITY];
    private long[] timestamps = new long[INITIAL_CAPACITY];
    private int[] capturedLengths = new int[INITIAL_CAPACITY];
    private int[] originalLengths = new int[INITIAL_CAPACITY];
    private short[] linkTypes = new short[INITIAL_CAPACITY];
    private short[] interfaceIds = new short[INITIAL_CAPACITY];
    private byte[] colors = new byte[INITIAL_CAPACITY];
    private int size;

    /** Appends the packet just read; it must be packet number {@code size() + 1}. */
    public void add(Frame frame, DecodedPacket packet) {
        if (frame.packetNumber() != size + 1L) {
            throw new IllegalStateException("packet " + frame.packetNumber() + " added as number " + (size + 1));
        }
        if (size == fileOffsets.length) {
            grow();
        }
        fileOffsets[size] = frame.fileOffset();
        timestamps[size] = frame.timestampNanos();
        capturedLengths[size] = frame.capturedLength();
        originalLengths[size] = frame.originalLength();
        // Link types and interface ids fit 16 bits (pcapng stores link types in 16 bits; ids this large do not occur).
        linkTypes[size] = (short) frame.linkType();
        interfaceIds[size] = (short) frame.interfaceId();
        colors[size] = (byte) PacketColoring.classify(packet).ordinal();
        size++;
    }

    private void grow() {
        int capacity = Math.max(INITIAL_CAPACITY, size * 2);
        fileOffsets = Arrays.copyOf(fileOffsets, capacity);
        timestamps = Arrays.copyOf(timestamps, capacity);
        capturedLengths = Arrays.copyOf(capturedLengths, capacity);
        originalLengths = Arrays.copyOf(originalLengths, capacity);
        linkTypes = Arrays.copyOf(linkTypes, capacity);
        interfaceIds = Arrays.copyOf(interfaceIds, capacity);
        colors = Arrays.copyOf(colors, capacity);
    }

    public int size() { return size; }
    public long packetNumber(int i) { return check(i) + 1L; }
    public long fileOffset(int i) { return fileOffsets[check(i)]; }
    public long timestampNanos(int i) { return timestamps[check(i)]; }
    public int capturedLength(int i) { return capturedLengths[check(i)]; }
    /** Length on the wire, the list's Length column. */
    public int originalLength(int i) { return originalLengths[check(i)]; }
    public int linkType(int i) { return linkTypes[check(i)] & 0xffff; }
    public PacketColor color(int i) { return PacketColor.ofOrdinal(colors[check(i)]); }

    /** Nanoseconds since the first packet, the list's Time column; 0 for an empty index. */
    public long relativeNanos(int i) {
        return timestamps[check(i)] - timestamps[0];
    }

    /** Bytes held by the columns, for the memory budget (about 30 per packet at full capacity). */
    public long columnBytes() {
        return (long) fileOffsets.length * (8 + 8 + 4 + 4 + 2 + 2 + 1);
    }

    /** Points {@code frame} at packet {@code i}'s bytes; false when the file no longer holds it. */
    public boolean read(FrameReader reader, int i, Frame frame) throws IOException {
        check(i);
        return reader.read(fileOffsets[i], capturedLengths[i], originalLengths[i], linkTypes[i] & 0xffff,
                interfaceIds[i] & 0xffff, timestamps[i], i + 1L, frame);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("packet index " + i + " of " + size);
        }
        return i;
    }
}
