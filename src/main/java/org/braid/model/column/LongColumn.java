package org.braid.model.column;

import java.util.Arrays;

/**
 * A column of longs indexed by row, growing in chunks ({@link ChunkLayout}). Rows never set read as
 * the column's {@code absent} value, and a chunk is allocated only when a row in it is set to
 * something else, so a column that is mostly absent (checksums on a connection that uses none)
 * costs nothing.
 */
public final class LongColumn {
    private final long absent;
    private long[][] chunks = new long[0][];

    public LongColumn(long absent) {
        this.absent = absent;
    }

    public long get(int row) {
        int c = ChunkLayout.chunk(row);
        if (c >= chunks.length) {
            return absent;
        }
        long[] chunk = chunks[c];
        int at = row & ChunkLayout.MASK;
        return chunk == null || at >= chunk.length ? absent : chunk[at];
    }

    public void set(int row, long value) {
        int c = ChunkLayout.chunk(row);
        int at = row & ChunkLayout.MASK;
        long[] chunk = c < chunks.length ? chunks[c] : null;
        if (chunk == null || at >= chunk.length) {
            if (value == absent) {
                return;
            }
            chunk = grow(c, row, chunk);
        }
        chunk[at] = value;
    }

    private long[] grow(int c, int row, long[] old) {
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, ChunkLayout.tableLengthFor(c, chunks.length));
        }
        int length = ChunkLayout.lengthFor(c, row, old == null ? 0 : old.length);
        long[] chunk = old == null ? new long[length] : Arrays.copyOf(old, length);
        if (absent != 0) {
            Arrays.fill(chunk, old == null ? 0 : old.length, length, absent);
        }
        chunks[c] = chunk;
        return chunk;
    }
}
