package org.braid.decode;

import java.nio.ByteBuffer;
import org.braid.io.Frame;

/**
 * Decodes a frame's link, IP, TCP and MPTCP layers into a reusable {@link DecodedPacket}.
 * It never throws on any bytes: whatever does not add up becomes a warning on the packet.
 * Well-formed packets are decoded without allocating.
 */
public final class PacketDecoder {
    public void decode(Frame frame, DecodedPacket out) {
        decode(frame.buffer(), frame.offset(), frame.capturedLength(), frame.originalLength(), frame.linkType(), out);
    }

    /** Decodes {@code capturedLength} bytes at {@code offset} in {@code buffer} (big-endian, absolute gets). */
    public void decode(ByteBuffer buffer, int offset, int capturedLength, int originalLength, int linkType,
                       DecodedPacket out) {
        int length = Math.max(0, Math.min(capturedLength, buffer.limit() - offset));
        out.reset(offset, length, originalLength, linkType);
        if (offset < 0 || offset > buffer.limit()) {
            out.warn(WarningKind.LINK_HEADER_TRUNCATED, 0, 0);
            return;
        }
        int end = offset + length;
        long wire = (long) offset + Math.max(length, originalLength);
        int wireEnd = (int) Math.min(wire, Integer.MAX_VALUE);
        LinkDecoder.decode(buffer, offset, end, wireEnd, linkType, out);
    }
}
