package org.braid.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.ZipException;

/**
 * A window sliding forward over a stream that cannot seek: a pipe, a FIFO, standard input, a
 * device, or gzip data decompressed on the fly. It buffers only what the reader has asked for and
 * not yet passed. A refill copies the unread bytes into a new buffer instead of moving them, so a
 * frame handed out earlier keeps pointing at valid bytes, as with {@link MappedWindow}.
 */
final class StreamWindow implements ByteWindow {
    /** Bytes read from the stream at a time (a pipe's buffer); a refill never allocates less. */
    static final int CHUNK = 1 << 16;
    /**
     * A range larger than this (a skipped pcapng block of a made-up length) is counted, not kept:
     * only its last {@link #TAIL} bytes stay in memory, which is all a reader maps of it.
     */
    private static final long MAX_KEPT = Limits.MAX_READ_BLOCK + (long) CHUNK;
    private static final int TAIL = 4;

    private final InputStream in;
    private final String name;
    private final List<TraceWarning> warnings;
    private ByteBuffer bigEndian = ByteBuffer.allocate(0);
    private ByteBuffer littleEndian = bigEndian.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    /** Stream offset of index 0 of the buffer, and of the first byte not yet read. */
    private long start;
    private long end;
    private boolean finished;

    /**
     * @param warnings where a damaged gzip stream is reported (the reader's warning list), since
     *                 the damage is found only while reading
     */
    StreamWindow(InputStream in, String name, List<TraceWarning> warnings) {
        this.in = in;
        this.name = name;
        this.warnings = warnings;
    }

    @Override
    public long available(long position, long wanted) throws IOException {
        checkForward(position);
        long target = position + wanted;
        long keepFrom = wanted > MAX_KEPT ? target - TAIL : position;
        fill(target, keepFrom);
        return Math.max(0, Math.min(wanted, end - position));
    }

    @Override
    public int map(long position, int length) throws IOException {
        checkForward(position);
        fill(position + length, position);
        if (end < position + length) {
            throw new EOFException(name + ": stream ended inside a record the reader was told was there");
        }
        return (int) (position - start);
    }

    private void checkForward(long position) {
        if (position < start) {
            throw new IllegalStateException("a stream cannot go back from " + start + " to " + position);
        }
    }

    /** Reads until the buffer reaches {@code target} or the stream ends, dropping bytes before {@code keepFrom}. */
    private void fill(long target, long keepFrom) throws IOException {
        while (end < target && !finished) {
            int used = (int) (end - start);
            if (used == bigEndian.capacity()) {
                grow(target, keepFrom);
                used = (int) (end - start);
            }
            int n = read(bigEndian.array(), used, bigEndian.capacity() - used);
            if (n < 0) {
                finished = true;
            } else {
                end += n;
            }
        }
    }

    private void grow(long target, long keepFrom) {
        long from = Math.max(start, Math.min(keepFrom, end));
        int kept = (int) (end - from);
        int room = (int) Math.max(CHUNK, Math.min(target - end, MAX_KEPT));
        ByteBuffer next = ByteBuffer.allocate(kept + room);
        System.arraycopy(bigEndian.array(), (int) (from - start), next.array(), 0, kept);
        bigEndian = next;
        littleEndian = next.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        start = from;
    }

    /** One read; a damaged or truncated gzip stream ends the input with a warning, as for a file. */
    private int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (EOFException | ZipException e) {
            warnings.add(new TraceWarning(name, 0, end, "gzip stream " + (e instanceof EOFException
                    ? "truncated" : "damaged") + " after " + end + " decompressed bytes (" + e.getMessage() + ")"));
            return -1;
        }
    }

    @Override public ByteBuffer bigEndian() { return bigEndian; }

    @Override public ByteBuffer littleEndian() { return littleEndian; }

    /** Unknown until the end is reached: a stream does not say how long it is. */
    @Override public long size() { return finished ? end : -1; }
}
