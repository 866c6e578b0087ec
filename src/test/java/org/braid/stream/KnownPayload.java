package org.braid.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The pseudorandom payload of the follow-* traces, as sample-traces/payload.py makes it: SHA-256
 * in counter mode, block k = SHA-256("braid-payload" + seed + k, both 8 bytes big-endian).
 */
public final class KnownPayload {
    private static final byte[] PREFIX = "braid-payload".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 32;

    private KnownPayload() {}

    /** The first {@code length} bytes of the stream of {@code seed}. */
    public static byte[] bytes(long seed, int length) {
        MessageDigest sha = sha256();
        byte[] out = new byte[length];
        ByteBuffer input = ByteBuffer.allocate(PREFIX.length + 16);
        for (int block = 0; block * BLOCK < length; block++) {
            input.clear();
            input.put(PREFIX).putLong(seed).putLong(block);
            byte[] digest = sha.digest(input.array());
            System.arraycopy(digest, 0, out, block * BLOCK, Math.min(BLOCK, length - block * BLOCK));
        }
        return out;
    }

    /** The SHA-256, in hex, of the first {@code length} bytes of the stream of {@code seed}. */
    public static String sha256(long seed, int length) {
        return sha256(bytes(seed, length));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
