package org.braid.ui.packets;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.braid.io.Frame;

/**
 * The bytes of live-captured frames, which no file holds yet: appended back to back in chunks of
 * {@value #CHUNK_BYTES} bytes (a frame never straddles two), so the store grows without copying
 * and costs what was captured plus the unused tail of the last chunk. Filled by the capture thread;
 * read by others only below a size they learned under the capture's lock, so a reader never sees a
 * half-written frame. The chunk table is volatile because it is replaced while readers look at it.
 */
public final class LiveFrameStore {
    static final int CHUNK_BYTES = 4 << 20;

    private volatile ByteBuffer[] chunks = new ByteBuffer[8];
    private int chunkCount;
    private int used = CHUNK_BYTES; // no chunk yet: the first append opens one

    /**
     * Copies {@code frame}'s bytes in and returns where they lie, to hand to {@link #read}. A frame
     * longer than a chunk (snaplens above {@value #CHUNK_BYTES}) gets a chunk of its own size.
     */
    public long append(Frame frame) {
        int length = frame.capturedLength();
        if (CHUNK_BYTES - used < length) {
            openChunk(Math.max(CHUNK_BYTES, length));
        }
        int chunk = chunkCount - 1;
        ByteBuffer target = chunks[chunk];
        ByteBuffer source = frame.buffer();
        target.put(used, source, frame.offset(), length);
        long location = ((long) chunk << 32) | used;
        used += length;
        return location;
    }

    /** Points {@code frame} at the bytes stored at {@code location}, with the given metadata. */
    public void read(long location, int capturedLength, int originalLength, int linkType, int interfaceId,
                     long timestampNanos, long packetNumber, Frame frame) {
        int chunk = (int) (location >>> 32);
        int at = (int) location;
        ByteBuffer[] table = chunks;
        if (chunk < 0 || chunk >= table.length || table[chunk] == null || at < 0
                || capturedLength < 0 || table[chunk].capacity() - at < capturedLength) {
            throw new IndexOutOfBoundsException("no stored frame at " + Long.toHexString(location));
        }
        frame.set(table[chunk], at, capturedLength, originalLength, linkType, interfaceId, timestampNanos,
                packetNumber, -1);
    }

    /** Bytes held by the chunks, for the memory it costs. */
    public long storedBytes() {
        long total = 0;
        for (ByteBuffer chunk : chunks) {
            total += chunk == null ? 0 : chunk.capacity();
        }
        return total;
    }

    private void openChunk(int size) {
        ByteBuffer[] table = chunks;
        if (chunkCount == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        table[chunkCount] = ByteBuffer.allocate(size); // big-endian, as Frame requires
        chunks = table;
        chunkCount++;
        used = 0;
    }
}
