package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.FallbackReason;

/**
 * One connection's mappings, checksum failures, fallback, closing and ADD_ADDR HMAC checks during
 * the pass (fed by {@link ChecksumVerifier}, {@link LifecycleTracker} and {@link AddAddrVerifier}).
 * Side 0 is the connection's client. Packet numbers are 1-based; 0 means not seen.
 */
final class ConnectionHistory {
    final MappingLog mappings = new MappingLog();
    final List<ChecksumFailureLink> failures = new ArrayList<>();
    /** Per side: a mapping was seen, and its DSNs have known upper 32 bits (64-bit DSN or key). */
    final boolean[] mappingSeen = new boolean[2];
    final boolean[] dsnAnchored = new boolean[2];

    /** The MP_FAIL that asked for the fallback (packet 0: none), and the flow it came on. */
    long fallbackRequestPacket;
    long fallbackRequestNanos;
    int fallbackRequestFlow = Flow.NONE;
    /** The completed fallback: its reason, null while there is none. */
    FallbackReason fallbackReason;
    long fallbackNanos;
    long fallbackPacket;
    int fallbackFlow = Flow.NONE;

    long fastclosePacket;
    long fastcloseNanos;
    /** Per side: the DSN of its DATA_FIN, where it was first sent, and the DATA_ACK that covered it. */
    final long[] dataFinDsn = new long[2];
    final long[] dataFinPacket = new long[2];
    final long[] dataFinNanos = new long[2];
    final long[] dataFinAckPacket = new long[2];
    final long[] dataFinAckNanos = new long[2];

    int addAddrHmacVerified;
    int addAddrHmacFailed;
    int addAddrHmacLeftmost;
}
