package org.braid.decode;

import static org.braid.decode.Synthetic.concat;
import static org.braid.decode.Synthetic.hex;

import java.nio.ByteBuffer;

/** Builds synthetic TCP/IP frames for link types and options the public traces lack. */
final class FrameBuilder {
    static final int SOURCE_V4 = 0xc0000201;        // 192.0.2.1
    static final int DESTINATION_V4 = 0xc6336402;   // 198.51.100.2

    private FrameBuilder() {}

    /** A TCP header from 5201 to 443 with the given flags and options (padded with NOPs to 4 bytes). */
    static byte[] tcp(int flags, byte[] options, int payloadLength) {
        int optionLength = (options.length + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(20 + optionLength + payloadLength);
        b.putShort((short) 5201).putShort((short) 443).putInt(0xfedcba98).putInt(0x01020304);
        b.putShort((short) ((((20 + optionLength) / 4) << 12) | flags));
        b.putShort((short) 64240).putShort((short) 0x1234).putShort((short) 0);
        b.put(options);
        for (int i = options.length; i < optionLength; i++) {
            b.put((byte) 1);
        }
        for (int i = 0; i < payloadLength; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    static byte[] ipv4(int protocol, int flagsAndOffset, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 0x1c46);
        b.putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0);
        b.putInt(SOURCE_V4).putInt(DESTINATION_V4).put(payload);
        return b.array();
    }

    static byte[] ipv4Tcp(byte[] tcp) {
        return ipv4(6, 0x4000, tcp);
    }

    /** IPv6 from 2001:db8::1 to 2001:db8::2 with the given extension headers (already encoded) and first next header. */
    static byte[] ipv6(int nextHeader, byte[] afterHeader) {
        ByteBuffer b = ByteBuffer.allocate(40 + afterHeader.length);
        b.putInt(0x6000_0000 | 0x12345).putShort((short) afterHeader.length).put((byte) nextHeader).put((byte) 64);
        b.put(hex("20010db8 00000000 00000000 00000001"));
        b.put(hex("20010db8 00000000 00000000 00000002"));
        b.put(afterHeader);
        return b.array();
    }

    /** An 8-byte-unit extension header (hop-by-hop, routing, destination options) of {@code units} * 8 bytes. */
    static byte[] extension(int nextHeader, int units) {
        byte[] e = new byte[units * 8];
        e[0] = (byte) nextHeader;
        e[1] = (byte) (units - 1);
        if (units * 8 > 2) {
            e[2] = 1;           // PadN option filling the rest
            e[3] = (byte) (units * 8 - 4);
        }
        return e;
    }

    static byte[] fragmentHeader(int nextHeader, int offsetBytes, boolean more) {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.put((byte) nextHeader).put((byte) 0).putShort((short) (offsetBytes | (more ? 1 : 0))).putInt(0xabcdef01);
        return b.array();
    }

    static byte[] ethernet(int etherType, byte[] payload, int... vlanTags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags.length / 2 + payload.length);
        b.put(hex("02 00 00 00 00 02 02 00 00 00 00 01"));
        for (int i = 0; i < vlanTags.length; i += 2) {
            b.putShort((short) vlanTags[i]).putShort((short) vlanTags[i + 1]);
        }
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    static byte[] sll2(int protocol, byte[] payload) {
        return concat(ByteBuffer.allocate(20).putShort((short) protocol).putShort((short) 0).putInt(3)
                .putShort((short) 1).put((byte) 4).put((byte) 6).put(hex("020000000001 0000")).array(), payload);
    }

    /** A TCP option of kind 30 from its bytes after kind and length. */
    static byte[] mptcp(String body) {
        byte[] rest = hex(body);
        return concat(new byte[] {30, (byte) (rest.length + 2)}, rest);
    }
}
