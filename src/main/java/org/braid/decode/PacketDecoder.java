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
        boolean inside = offset >= 0 && offset <= buffer.limit();
        int length = inside ? Math.max(0, Math.min(capturedLength, buffer.limit() - offset)) : 0;
        out.reset(offset, length, originalLength, linkType);
        if (!inside || length != capturedLength) {
            // Only a caller's mistake can cause this (readers hand out whole frames); decode what is there.
            out.warn(WarningKind.FRAME_OUTSIDE_BUFFER, 0, capturedLength);
            if (!inside) {
                return;
            }
        }
        int end = offset + length;
        long wire = (long) offset + Math.max(length, originalLength);
        int wireEnd = (int) Math.min(wire, Integer.MAX_VALUE);
        LinkDecoder.decode(buffer, offset, end, wireEnd, linkType, out);
    }
}
