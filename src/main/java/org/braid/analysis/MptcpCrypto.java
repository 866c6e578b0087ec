package org.braid.analysis;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens, IDSNs and MP_JOIN HMACs (RFC 8684 3.1 and 3.2; RFC 6824 for version 0). Called at
 * handshakes only, so allocating here is fine.
 */
public final class MptcpCrypto {
    private MptcpCrypto() {}

    /** The token: the most significant 32 bits of the key's hash (SHA-1 for v0, SHA-256 for v1). */
    public static long token(int version, long key) {
        byte[] hash = hash(version, key);
        return ByteBuffer.wrap(hash).getInt(0) & 0xffffffffL;
    }

    /** The initial data sequence number: the least significant 64 bits of the key's hash. */
    public static long idsn(int version, long key) {
        byte[] hash = hash(version, key);
        return ByteBuffer.wrap(hash).getLong(hash.length - 8);
    }

    /**
     * The MP_JOIN HMAC with key {@code firstKey || secondKey} over {@code firstNonce || secondNonce}:
     * HMAC-SHA1 for v0, HMAC-SHA256 for v1. The SYN/ACK sends (Key-B, Key-A) over (R-B, R-A)
     * truncated to 64 bits; the third ACK sends (Key-A, Key-B) over (R-A, R-B), 160 bits. A is
     * the host that sent the join SYN.
     */
    public static byte[] joinHmac(int version, long firstKey, long secondKey, long firstNonce, long secondNonce) {
        byte[] key = ByteBuffer.allocate(16).putLong(firstKey).putLong(secondKey).array();
        byte[] message = ByteBuffer.allocate(8).putInt((int) firstNonce).putInt((int) secondNonce).array();
        String algorithm = version == 0 ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** True when the first {@code length} bytes of {@code expected} equal {@code seen}'s. */
    public static boolean matches(byte[] expected, byte[] seen, int length) {
        return length <= expected.length && length <= seen.length
                && Arrays.equals(expected, 0, length, seen, 0, length);
    }

    private static byte[] hash(int version, long key) {
        String algorithm = version == 0 ? "SHA-1" : "SHA-256";
        try {
            return MessageDigest.getInstance(algorithm).digest(ByteBuffer.allocate(8).putLong(key).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
