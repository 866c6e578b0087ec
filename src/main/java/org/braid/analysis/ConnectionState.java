package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.EventType;
import org.braid.model.Grouping;
import org.braid.model.MptcpEvent;

/**
 * Mutable state of one MPTCP connection during the pass. Side 0 is the connection's client (the
 * sender of the MP_CAPABLE SYN, or the end inferred to be it), side 1 its server; data direction d
 * carries data sent by side d.
 */
final class ConnectionState {
    final int index;
    int version = Flow.NONE;
    boolean handshake;
    ChecksumUse checksum = ChecksumUse.UNKNOWN;
    final ConnectionSide[] sides = {new ConnectionSide(), new ConnectionSide()};
    long startNanos;
    long endNanos;
    int hmacVerified;
    int hmacFailed;
    final List<Flow> subflows = new ArrayList<>();
    final List<MptcpEvent> events = new ArrayList<>();
    /** How the subflows were put together: see {@link org.braid.model.ConnectionGrouping#grouping()}. */
    Grouping grouping = Grouping.HANDSHAKE;
    /** Created without the evidence to test other flows against; see {@link ConnectionRegistry}. */
    boolean provisional;
    /** The connection this one was merged into, or {@link Flow#NONE}. */
    int mergedInto = Flow.NONE;
    /** Why subflows were grouped without a handshake or token, in words. */
    final List<String> groupingEvidence = new ArrayList<>();

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

    ConnectionSide side(int side) {
        return sides[side];
    }

    /**
     * Records side {@code side}'s key and what follows from it. Returns false when a different key
     * was already known for that side (the first one is kept).
     */
    boolean setKey(int side, long value) {
        ConnectionSide s = sides[side];
        if (s.keyKnown) {
            return s.key == value;
        }
        s.key = value;
        s.keyKnown = true;
        int hashVersion = version == Flow.NONE ? 1 : version;
        s.token = MptcpCrypto.token(hashVersion, value);
        s.tokenKnown = true;
        s.idsn = MptcpCrypto.idsn(hashVersion, value);
        if (!s.dsnBaseKnown) {
            s.dsnBase = s.idsn;
            s.dsnBaseKnown = true;
        }
        return true;
    }

    boolean bothKeys() {
        return sides[0].keyKnown && sides[1].keyKnown;
    }

    /** True when relative DSNs of both sides count from the IDSN (none from a first DSN seen). */
    boolean relativeToIdsn() {
        return !sides[0].baseFromFirstDsn && !sides[1].baseFromFirstDsn;
    }

    /** Lowers the connection's grouping to {@code weaker} (handshake, then token, then inferred). */
    void groupedBy(Grouping weaker, String evidence) {
        if (weaker.ordinal() > grouping.ordinal()) {
            grouping = weaker;
        }
        if (evidence != null && groupingEvidence.size() < 16) {
            groupingEvidence.add(evidence);
        }
    }

    void event(EventType type, long nanos, long packet, int flow, String detail) {
        events.add(new MptcpEvent(type, nanos, packet, flow, detail));
    }
}
