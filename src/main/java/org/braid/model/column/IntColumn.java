package org.braid.model.column;

import java.util.Arrays;

/**
 * A column of ints indexed by row, growing in chunks ({@link ChunkLayout}). Rows never set read as
 * the column's {@code absent} value, and a chunk is allocated only when a row in it is set to
 * something else, so a column that is mostly absent (checksums on a connection that uses none)
 * costs nothing.
 */
public final class IntColumn {
    private final int absent;
    private int[][] chunks = new int[0][];

    public IntColumn(int absent) {
        this.absent = absent;
    }

    /** Allocates whole chunks for the rows below {@code rows} now, so that setting them allocates nothing. */
    public void reserve(int rows) {
        for (int row = 0; row < rows; row += ChunkLayout.CHUNK) {
            int c = ChunkLayout.chunk(row);
            int[] chunk = c < chunks.length ? chunks[c] : null;
            if (chunk == null || chunk.length < ChunkLayout.CHUNK) {
                resize(c, chunk, ChunkLayout.CHUNK);
            }
        }
    }

    public int get(int row) {
        int c = ChunkLayout.chunk(row);
        if (c >= chunks.length) {
            return absent;
        }
        int[] chunk = chunks[c];
        int at = row & ChunkLayout.MASK;
        return chunk == null || at >= chunk.length ? absent : chunk[at];
    }

    public void set(int row, int value) {
        int c = ChunkLayout.chunk(row);
        int at = row & ChunkLayout.MASK;
        int[] chunk = c < chunks.length ? chunks[c] : null;
        if (chunk == null || at >= chunk.length) {
            if (value == absent) {
                return;
            }
            chunk = resize(c, chunk, ChunkLayout.lengthFor(c, row, chunk == null ? 0 : chunk.length));
        }
        chunk[at] = value;
    }

    /** Replaces chunk {@code c} by one of {@code length} rows holding what {@code old} held. */
    private int[] resize(int c, int[] old, int length) {
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, ChunkLayout.tableLengthFor(c, chunks.length));
        }
        int[] chunk = old == null ? new int[length] : Arrays.copyOf(old, length);
        if (absent != 0) {
            Arrays.fill(chunk, old == null ? 0 : old.length, length, absent);
        }
        chunks[c] = chunk;
        return chunk;
    }
}
