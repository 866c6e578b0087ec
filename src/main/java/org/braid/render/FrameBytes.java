package org.braid.render;

import java.nio.ByteBuffer;
import org.braid.decode.IpText;
import org.braid.io.Frame;

/**
 * Reads the fields the decoder does not keep (MAC addresses, link-layer and tunnel headers) from
 * a frame by their offset in it; bytes past the captured end read as zero, so a cut frame shows
 * what it has.
 */
final class FrameBytes {
    private final ByteBuffer buf;
    private final int base;
    private final int captured;

    FrameBytes(Frame frame) {
        this.buf = frame.buffer();
        this.base = frame.offset();
        this.captured = frame.capturedLength();
    }

    int captured() {
        return captured;
    }

    int u8(int frameOffset) {
        return frameOffset >= 0 && frameOffset < captured ? buf.get(base + frameOffset) & 0xff : 0;
    }

    int u16(int frameOffset) {
        return (u8(frameOffset) << 8) | u8(frameOffset + 1);
    }

    long u32(int frameOffset) {
        return ((long) u16(frameOffset) << 16) | u16(frameOffset + 2);
    }

    /** A little-endian 32-bit field (Apple's PKTAP header is in the capturing host's order). */
    long u32le(int frameOffset) {
        return Long.reverseBytes(u32(frameOffset) << 32) & 0xffffffffL;
    }

    long u64(int frameOffset) {
        return (u32(frameOffset) << 32) | u32(frameOffset + 4);
    }

    String mac(int frameOffset, int length) {
        StringBuilder s = new StringBuilder(3 * length);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                s.append(':');
            }
            MptcpOptionText.hexByte(s, u8(frameOffset + i));
        }
        return s.toString();
    }

    /** {@code length} bytes as lower-case hex digits, no separators. */
    String hex(int frameOffset, int length) {
        StringBuilder s = new StringBuilder(2 * length);
        for (int i = 0; i < length; i++) {
            MptcpOptionText.hexByte(s, u8(frameOffset + i));
        }
        return s.toString();
    }

    String ipv4(int frameOffset) {
        return IpText.ipv4((int) u32(frameOffset));
    }

    String ipv6(int frameOffset) {
        return IpText.ipv6(u64(frameOffset), u64(frameOffset + 8));
    }
}
