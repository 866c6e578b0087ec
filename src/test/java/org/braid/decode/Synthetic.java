package org.braid.decode;

import java.nio.ByteBuffer;

/** Decodes hand-made frames. */
final class Synthetic {
    private Synthetic() {}

    static DecodedPacket decode(int linkType, byte[] bytes) {
        return decode(linkType, bytes, bytes.length, bytes.length);
    }

    static DecodedPacket decode(int linkType, byte[] bytes, int captured, int original) {
        DecodedPacket packet = new DecodedPacket();
        new PacketDecoder().decode(ByteBuffer.wrap(bytes), 0, captured, original, linkType, packet);
        return packet;
    }

    static byte[] hex(String text) {
        String digits = text.replaceAll("[^0-9a-fA-F]", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
