package org.braid.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A sliding memory map over a file of any size. A single {@link java.nio.MappedByteBuffer} can
 * hold at most 2 GiB, so the file is mapped in windows, and a new window is mapped from the start
 * of a record whenever the record crosses the end of the current one. Remapping allocates, but
 * only once per window, never per packet.
 */
final class MappedWindow implements ByteWindow {
    /** Large enough that ordinary traces are mapped once; small enough to stay under 2 GiB. */
    static final int DEFAULT_WINDOW = 1 << 30;

    private final FileChannel channel;
    private final long size;
    private final int windowSize;
    private ByteBuffer bigEndian = ByteBuffer.allocate(0);
    private ByteBuffer littleEndian = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
    private long start;
    private long end;

    MappedWindow(FileChannel channel, int windowSize) throws IOException {
        if (windowSize <= 0) {
            throw new IllegalArgumentException("window size must be positive: " + windowSize);
        }
        this.channel = channel;
        this.size = channel.size();
        this.windowSize = windowSize;
    }

    @Override public long size() { return size; }

    @Override
    public long available(long position, long wanted) {
        return Math.max(0, Math.min(wanted, size - position));
    }

    /** Bytes from {@code position} to the end of the file. */
    long remaining(long position) { return size - position; }

    /**
     * Makes {@code [position, position + length)} addressable and returns the index of
     * {@code position} in {@link #bigEndian()} and {@link #littleEndian()}. The caller must have
     * checked that the range lies inside the file. Take the views after this call: it may
     * replace them.
     */
    @Override
    public int map(long position, int length) throws IOException {
        if (position < start || position + length > end) {
            long mapLength = Math.min(Math.max(windowSize, length), size - position);
            // Views, not copies: the big-endian one is handed to frames, the other reads headers.
            bigEndian = channel.map(FileChannel.MapMode.READ_ONLY, position, mapLength);
            littleEndian = bigEndian.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            start = position;
            end = position + mapLength;
        }
        return (int) (position - start);
    }

    @Override public ByteBuffer bigEndian() { return bigEndian; }

    @Override public ByteBuffer littleEndian() { return littleEndian; }
}
