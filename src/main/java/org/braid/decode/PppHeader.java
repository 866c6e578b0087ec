package org.braid.decode;

import java.nio.ByteBuffer;

/**
 * PPP's header (RFC 1661): the HDLC address and control bytes FF 03 unless both ends agreed to
 * drop them, then the protocol, one byte when protocol-field compression is on (a compressed
 * protocol number is odd, RFC 1661 6.5) or two. On a PPP link and inside L2TP alike.
 */
final class PppHeader {
    private PppHeader() {}

    /** The length of the PPP header at {@code at} (1 to 4 bytes), or -1 when the capture cut it. */
    static int length(ByteBuffer buf, int at, int end) {
        int pos = at;
        if (end - pos >= 2 && (buf.get(pos) & 0xff) == 0xff && (buf.get(pos + 1) & 0xff) == 0x03) {
            pos += 2;
        }
        if (end - pos < 1) {
            return -1;
        }
        int protocolLength = (buf.get(pos) & 0x01) != 0 ? 1 : 2;
        return end - pos < protocolLength ? -1 : pos + protocolLength - at;
    }

    /** The protocol of the PPP header of {@code length} bytes at {@code at}: its last one or two bytes. */
    static int protocol(ByteBuffer buf, int at, int length) {
        return length % 2 == 1 ? buf.get(at + length - 1) & 0xff : buf.getShort(at + length - 2) & 0xffff;
    }
}
