package org.braid.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One captured frame, as a reusable flyweight: readers overwrite it on every {@code next} call,
 * so a scan allocates nothing per packet. Copy out whatever must outlive the next call.
 *
 * <p>The bytes live in {@link #buffer()} from {@link #offset()} for {@link #capturedLength()}
 * bytes; the buffer is always in network (big-endian) order and must be read with absolute gets.
 */
public final class Frame {
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private int offset;
    private int capturedLength;
    private int originalLength;
    private int linkType;
    private int interfaceId;
    private long timestampNanos;
    private long packetNumber;
    private long fileOffset;

    /** Points this frame at new data; called by readers and by live capture. */
    public void set(ByteBuffer buffer, int offset, int capturedLength, int originalLength,
                    int linkType, int interfaceId, long timestampNanos, long packetNumber, long fileOffset) {
        assert buffer.order() == ByteOrder.BIG_ENDIAN;
        this.buffer = buffer;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.timestampNanos = timestampNanos;
        this.packetNumber = packetNumber;
        this.fileOffset = fileOffset;
    }

    /** Big-endian buffer holding the frame; read it with absolute gets from {@link #offset()}. */
    public ByteBuffer buffer() { return buffer; }
    /** Index of the first captured byte in {@link #buffer()}. */
    public int offset() { return offset; }
    public int capturedLength() { return capturedLength; }
    /** Length on the wire; larger than {@link #capturedLength()} when the snaplen cut the frame. */
    public int originalLength() { return originalLength; }
    /** The LINKTYPE_ value of the interface this frame came from. */
    public int linkType() { return linkType; }
    public int interfaceId() { return interfaceId; }
    /** Nanoseconds since the Unix epoch. */
    public long timestampNanos() { return timestampNanos; }
    /** 1-based position of the frame in the trace. */
    public long packetNumber() { return packetNumber; }
    /** Offset of the frame's record (or block) header in the (decompressed) file. */
    public long fileOffset() { return fileOffset; }

    /** Copies the captured bytes out, for code off the hot path (detail panes, tests). */
    public byte[] copyBytes() {
        byte[] out = new byte[capturedLength];
        buffer.get(offset, out, 0, capturedLength);
        return out;
    }
}
