package org.braid.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of a trace as the readers see them: a memory map over a file ({@link MappedWindow}) or
 * a buffer sliding forward over a stream that cannot seek ({@link StreamWindow}). Readers ask how
 * many bytes are there before they map a range, and only ever move forward.
 */
interface ByteWindow {
    /** Bytes available from {@code position}, counting at most {@code wanted}: fewer only at the end. */
    long available(long position, long wanted) throws IOException;

    /**
     * Makes {@code [position, position + length)} addressable and returns the index of
     * {@code position} in the views. The caller has checked with {@link #available} that the range
     * exists. Take the views after this call: it may replace them.
     */
    int map(long position, int length) throws IOException;

    /** The current window in network byte order; frames point into it. */
    ByteBuffer bigEndian();

    /** The same bytes, for headers written by little-endian machines. */
    ByteBuffer littleEndian();

    /** The current window in the given byte order. */
    default ByteBuffer view(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? bigEndian() : littleEndian();
    }

    /** Size of the whole input in bytes; -1 while unknown (a stream). */
    long size();
}
