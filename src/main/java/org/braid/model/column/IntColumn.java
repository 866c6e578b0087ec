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

    /** Receives a row and its value. */
    @FunctionalInterface
    public interface RowAction {
        void accept(int row, int value);
    }

    /**
     * Calls {@code action} with each row below {@code rows}, in order, whose value shares a bit with
     * {@code mask}; rows never set are skipped a chunk at a time. For scans over millions of rows,
     * where a {@link #get} per row costs more than the rows that match.
     */
    public void forEachMatching(int rows, int mask, RowAction action) {
        if ((absent & mask) != 0) {
            throw new IllegalArgumentException("the absent value matches the mask");
        }
        for (int c = 0; c < chunks.length && (long) c * ChunkLayout.CHUNK < rows; c++) {
            int[] chunk = chunks[c];
            if (chunk == null) {
                continue;
            }
            int base = c * ChunkLayout.CHUNK;
            int end = Math.min(chunk.length, rows - base);
            for (int at = 0; at < end; at++) {
                if ((chunk[at] & mask) != 0) {
                    action.accept(base + at, chunk[at]);
                }
            }
        }
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
