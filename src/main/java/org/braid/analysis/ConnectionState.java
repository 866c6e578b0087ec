package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.MptcpEvent;

/**
 * Mutable state of one MPTCP connection during the pass. Side 0 is the connection's client (the
 * sender of the MP_CAPABLE SYN), side 1 its server; data direction d carries data sent by side d.
 */
final class ConnectionState {
    final int index;
    int version = Flow.NONE;
    boolean handshake;
    Boolean checksum;
    final long[] key = new long[2];
    final boolean[] keyKnown = new boolean[2];
    final long[] token = new long[2];
    final boolean[] tokenKnown = new boolean[2];
    final long[] idsn = new long[2];
    long startNanos;
    long endNanos;
    int hmacVerified;
    int hmacFailed;
    final List<Flow> subflows = new ArrayList<>();
    final List<MptcpEvent> events = new ArrayList<>();

    /** The last 64-bit DSN sent per data direction, and the last DATA_ACK sent per data direction. */
    final long[] lastDsn = new long[2];
    final boolean[] lastDsnKnown = new boolean[2];
    final long[] lastDataAck = new long[2];
    final boolean[] lastDataAckKnown = new boolean[2];
    /** The base of relative DSNs per data direction: the IDSN, or the first DSN seen without a key. */
    final long[] dsnBase = new long[2];
    final boolean[] dsnBaseKnown = new boolean[2];
    boolean baseFromFirstDsn;
    final boolean[] dataFinSeen = new boolean[2];
    /** Unique data-level bytes and reinjections (DataTracker). */
    final ConnectionAccounting data = new ConnectionAccounting();
    /** The shared receive window per data direction (see {@link WindowTracker}). */
    final WindowDirection[] window = {new WindowDirection(), new WindowDirection()};
    /** Mappings, checksum verdicts, fallback and closing (the checksum and lifecycle observers). */
    final ConnectionHistory history = new ConnectionHistory();

    ConnectionState(int index, long startNanos) {
        this.index = index;
        this.startNanos = startNanos;
        this.endNanos = startNanos;
    }

    /**
     * Records side {@code side}'s key and what follows from it. Returns false when a different key
     * was already known for that side (the first one is kept).
     */
    boolean setKey(int side, long value) {
        if (keyKnown[side]) {
            return key[side] == value;
        }
        key[side] = value;
        keyKnown[side] = true;
        int hashVersion = version == Flow.NONE ? 1 : version;
        token[side] = MptcpCrypto.token(hashVersion, value);
        tokenKnown[side] = true;
        idsn[side] = MptcpCrypto.idsn(hashVersion, value);
        if (!dsnBaseKnown[side]) {
            dsnBase[side] = idsn[side];
            dsnBaseKnown[side] = true;
        }
        return true;
    }

    void setToken(int side, long value) {
        if (!tokenKnown[side]) {
            token[side] = value;
            tokenKnown[side] = true;
        }
    }

    boolean bothKeys() {
        return keyKnown[0] && keyKnown[1];
    }

    void event(String type, long nanos, long packet, int flow, String detail) {
        events.add(new MptcpEvent(type, nanos, packet, flow, detail));
    }
}
