package org.braid.model.column;

/**
 * How the columns of this package split rows into chunks: fixed chunks of {@link #CHUNK} rows, so
 * growing never copies more than one chunk, except the first, which starts small and doubles up to
 * a full chunk (a connection with three mappings should not cost a full chunk per column).
 */
final class ChunkLayout {
    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    static final int FIRST_CHUNK = 16;

    private ChunkLayout() {}

    static int chunk(int row) {
        if (row < 0) {
            throw new IndexOutOfBoundsException(row);
        }
        return row >>> SHIFT;
    }

    /** The length a chunk must have to hold {@code row}, given its current length. */
    static int lengthFor(int chunk, int row, int current) {
        if (chunk > 0) {
            return CHUNK;
        }
        int length = Math.max(FIRST_CHUNK, current);
        while (length <= (row & MASK)) {
            length *= 2;
        }
        return Math.min(CHUNK, length);
    }

    /** The length of the chunk table to hold chunk {@code chunk}, doubled so it is copied rarely. */
    static int tableLengthFor(int chunk, int current) {
        return Math.max(chunk + 1, Math.max(4, current * 2));
    }
}
