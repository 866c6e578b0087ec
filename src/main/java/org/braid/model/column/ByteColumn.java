package org.braid.model.column;

import java.util.Arrays;

/**
 * A column of bytes indexed by row, growing in chunks ({@link ChunkLayout}). Rows never set read as
 * the column's {@code absent} value, and a chunk is allocated only when a row in it is set to
 * something else, so a column that is mostly absent (checksums on a connection that uses none)
 * costs nothing.
 */
public final class ByteColumn {
    private final byte absent;
    private byte[][] chunks = new byte[0][];

    public ByteColumn(byte absent) {
        this.absent = absent;
    }

    /** Allocates whole chunks for the rows below {@code rows} now, so that setting them allocates nothing. */
    public void reserve(int rows) {
        for (int row = 0; row < rows; row += ChunkLayout.CHUNK) {
            int c = ChunkLayout.chunk(row);
            byte[] chunk = c < chunks.length ? chunks[c] : null;
            if (chunk == null || chunk.length < ChunkLayout.CHUNK) {
                resize(c, chunk, ChunkLayout.CHUNK);
            }
        }
    }

    public byte get(int row) {
        int c = ChunkLayout.chunk(row);
        if (c >= chunks.length) {
            return absent;
        }
        byte[] chunk = chunks[c];
        int at = row & ChunkLayout.MASK;
        return chunk == null || at >= chunk.length ? absent : chunk[at];
    }

    public void set(int row, byte value) {
        int c = ChunkLayout.chunk(row);
        int at = row & ChunkLayout.MASK;
        byte[] chunk = c < chunks.length ? chunks[c] : null;
        if (chunk == null || at >= chunk.length) {
            if (value == absent) {
                return;
            }
            chunk = resize(c, chunk, ChunkLayout.lengthFor(c, row, chunk == null ? 0 : chunk.length));
        }
        chunk[at] = value;
    }

    /** Replaces chunk {@code c} by one of {@code length} rows holding what {@code old} held. */
    private byte[] resize(int c, byte[] old, int length) {
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, ChunkLayout.tableLengthFor(c, chunks.length));
        }
        byte[] chunk = old == null ? new byte[length] : Arrays.copyOf(old, length);
        if (absent != 0) {
            Arrays.fill(chunk, old == null ? 0 : old.length, length, absent);
        }
        chunks[c] = chunk;
        return chunk;
    }
}
