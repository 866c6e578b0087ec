package org.braid.analysis;

import org.braid.decode.MptcpOption;

/**
 * Checks MP_JOIN HMACs against the connection's keys (RFC 8684 3.2, RFC 6824 3.2). A is the host
 * that sent the join SYN, B the other: the SYN/ACK carries the leftmost 64 bits of
 * HMAC(Key-B || Key-A, R-B || R-A), the third ACK the leftmost 160 bits of HMAC(Key-A || Key-B, R-A || R-B).
 */
final class JoinVerifier {
    private final byte[] seen = new byte[20];

    /** True or false when both keys and both nonces are known, null when the HMAC cannot be checked. */
    Boolean verify(ConnectionState connection, Flow flow, MptcpOption option, boolean synAck) {
        int length = option.hmacLength();
        if (!connection.bothKeys() || connection.version == Flow.NONE || !flow.clientNonceSeen
                || !flow.serverNonceSeen || length == 0) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            seen[i] = (byte) option.hmacByte(i);
        }
        // The join's client is A; on the connection it is side 0 when it is the connection's client.
        int a = flow.clientIsConnectionClient ? 0 : 1;
        int b = 1 - a;
        long keyA = connection.side(a).key;
        long keyB = connection.side(b).key;
        byte[] expected = synAck
                ? MptcpCrypto.joinHmac(connection.version, keyB, keyA, flow.serverNonce, flow.clientNonce)
                : MptcpCrypto.joinHmac(connection.version, keyA, keyB, flow.clientNonce, flow.serverNonce);
        return MptcpCrypto.matches(expected, seen, length);
    }
}
