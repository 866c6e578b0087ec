package org.braid.stream;

import java.util.NoSuchElementException;

/**
 * Walks one side of a stream in position order, producing its chunks and the holes between
 * them, one object at a time. {@link #order()} is the packet index an item sorts by when two
 * sides are interleaved: a chunk's own packet, a hole the packet of the chunk after it.
 */
final class SideItems {
    private final FollowedStream stream;
    private final SideStream side;
    private final StreamSide which;
    private boolean leadingDone;
    private int chunk;
    private long cursor;
    private StreamItem next;

    SideItems(FollowedStream stream, SideStream side, StreamSide which) {
        this.stream = stream;
        this.side = side;
        this.which = which;
        this.cursor = side.start;
        this.leadingDone = side.startKnown;
    }

    boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    StreamItem peek() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next;
    }

    StreamItem next() {
        StreamItem item = peek();
        next = null;
        return item;
    }

    /** The packet index the next item sorts by, for interleaving; {@link Long#MAX_VALUE} after the last chunk. */
    long order() {
        StreamItem item = peek();
        if (item instanceof StreamChunk c) {
            return c.packetNumber();
        }
        return chunk < side.chunkCount() ? stream.packetNumberOf(side, chunk) : Long.MAX_VALUE;
    }

    private StreamItem advance() {
        if (!leadingDone) {
            leadingDone = true;
            return new StreamHole(which, side.start, -1);
        }
        if (chunk < side.chunkCount()) {
            long start = side.chunkStart(chunk);
            if (start > cursor) {
                StreamHole hole = new StreamHole(which, cursor, start - cursor);
                cursor = start;
                return hole;
            }
            StreamChunk item = stream.chunk(side, which, chunk);
            chunk++;
            cursor = item.end();
            return item;
        }
        if (side.end > cursor) {
            StreamHole hole = new StreamHole(which, cursor, side.end - cursor);
            cursor = side.end;
            return hole;
        }
        return null;
    }
}
