package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.PathObservations;
import org.braid.model.ChecksumFailure;
import org.braid.model.ConnectionEndReason;
import org.braid.model.EventType;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;

/** Data-level head-of-line blocking, and connections that stop making progress. */
final class DataLevelRules {
    /** A connection still open with no data for this long before the trace ends has stalled. */
    static final long STALL_NANOS = 1_000_000_000L;
    /** DATA_ACK stalls this close to each other are one blocking period. */
    static final long MERGE_NANOS = 200_000_000L;

    private DataLevelRules() {}

    static void apply(ExpertContext x) {
        for (Stall s : merge(x, x.observations.stalls())) {
            headOfLine(x, s);
        }
        for (MptcpConnection c : x.result.connections()) {
            stalledAfterFail(x, c);
            stalledInZeroWindow(x, c, c.window().client(), 0);
            stalledInZeroWindow(x, c, c.window().server(), 1);
        }
    }

    /** Stalls of one direction and holder that follow each other (the DATA_ACK crept on between them) as one. */
    private static List<Stall> merge(ExpertContext x, List<PathObservations.DataAckStall> stalls) {
        List<Stall> merged = new ArrayList<>();
        for (PathObservations.DataAckStall s : stalls) {
            if (inZeroWindow(x.connection(s.connection()), s)) {
                continue; // a closed window, not a missing DSN, held the DATA_ACK
            }
            Stall open = null;
            for (Stall m : merged) {
                if (m.connection == s.connection() && m.side == s.side() && m.holder == s.holderFlow()
                        && s.startNanos() - m.endNanos <= MERGE_NANOS && s.startNanos() >= m.endNanos) {
                    open = m;
                }
            }
            if (open == null) {
                merged.add(new Stall(s));
            } else {
                open.add(s);
            }
        }
        return merged;
    }

    private static boolean inZeroWindow(MptcpConnection c, PathObservations.DataAckStall s) {
        WindowStats w = s.side() == 0 ? c.window().client() : c.window().server();
        for (WindowPeriod p : w.zeroWindows()) {
            if (p.startNanos() <= s.endNanos() && s.startNanos() <= p.endNanos()) {
                return true;
            }
        }
        return false;
    }

    private static void headOfLine(ExpertContext x, Stall s) {
        MptcpConnection c = x.connection(s.connection);
        String holder = s.holder < 0 ? "an unknown subflow" : ExpertContext.subflow(c, s.holder);
        String held = s.count == 1 ? "held still for " + Words.seconds(s.heldNanos)
                : "held still for " + Words.seconds(s.heldNanos) + " in " + s.count + " stalls";
        String summary = "DATA_ACK for the " + Words.side(s.side) + "'s data " + held + " ("
                + Words.period(s.startNanos, s.endNanos, x.originNanos) + ") while " + Words.bytes(s.bytesAbove)
                + " above it were sent on other subflows; the missing data was sent on " + holder
                + (s.resolved ? "" : "; it never moved on before the end of the trace");
        x.add(FindingKind.HEAD_OF_LINE_BLOCKING, FindingSeverity.WARNING, s.connection, s.holder < 0 ? null : s.holder,
                s.startNanos, s.endNanos, summary, s.packets.stream().mapToLong(Long::longValue).toArray());
    }

    private static final class Stall {
        final int connection;
        final int side;
        final int holder;
        final long startNanos;
        long endNanos;
        long heldNanos;
        long bytesAbove;
        int count;
        boolean resolved;
        final List<Long> packets = new ArrayList<>();

        Stall(PathObservations.DataAckStall s) {
            connection = s.connection();
            side = s.side();
            holder = s.holderFlow();
            startNanos = s.startNanos();
            add(s);
        }

        void add(PathObservations.DataAckStall s) {
            endNanos = s.endNanos();
            heldNanos += s.endNanos() - s.startNanos();
            bytesAbove += s.bytesAbove();
            count++;
            resolved = s.resolved();
            packets.add(s.startPacket());
            packets.add(s.firstAbovePacket());
            packets.add(s.endPacket());
        }
    }

    /** MP_FAIL, no fallback, and no data from then to the end of the trace while the connection stayed open. */
    private static void stalledAfterFail(ExpertContext x, MptcpConnection c) {
        if (!open(c)) {
            return;
        }
        for (ChecksumFailure failure : c.mappings().failures()) {
            if (failure.mpFailPacket() == null || failure.resetPacket() != null) {
                continue;
            }
            var lastMpFail = lastEvent(c, EventType.MP_FAIL);
            long[] lastDataNanos = x.observations.lastDataNanos();
            long lastData = c.index() < lastDataNanos.length ? lastDataNanos[c.index()] : 0;
            long from = Math.max(lastData, lastMpFail == null ? 0 : lastMpFail.timeNanos());
            if (c.endNanos() - from < STALL_NANOS) {
                return;
            }
            x.add(FindingKind.STALLED_CONNECTION, FindingSeverity.ERROR, c.index(), null, from, c.endNanos(),
                    "no data after MP_FAIL (packet " + failure.mpFailPacket() + ") for "
                            + Words.seconds(c.endNanos() - from) + " to the end of the trace"
                            + (c.lifecycle().fallback() == null ? ": neither a fallback to TCP nor a reset followed"
                                    : ", though the connection fell back to TCP"),
                    failure.mpFailPacket(), lastMpFail == null ? 0 : lastMpFail.packet());
            return;
        }
    }

    private static void stalledInZeroWindow(ExpertContext x, MptcpConnection c, WindowStats w, int side) {
        for (WindowPeriod p : w.zeroWindows()) {
            if (!p.reopened() && p.durationNanos() >= STALL_NANOS) {
                x.add(FindingKind.STALLED_CONNECTION, FindingSeverity.ERROR, c.index(), p.flow(), p.startNanos(),
                        p.endNanos(), "the shared window for the " + Words.side(side) + "'s data closed at packet "
                                + p.startPacket() + " and stayed closed for " + Words.seconds(p.durationNanos())
                                + " to the end of the trace",
                        p.startPacket());
            }
        }
    }

    private static boolean open(MptcpConnection c) {
        ConnectionEndReason reason = c.lifecycle().end().reason();
        return reason == ConnectionEndReason.OPEN || reason == ConnectionEndReason.HALF_CLOSED;
    }

    private static org.braid.model.MptcpEvent lastEvent(MptcpConnection c, EventType type) {
        org.braid.model.MptcpEvent last = null;
        for (org.braid.model.MptcpEvent e : c.events()) {
            if (e.type() == type) {
                last = e;
            }
        }
        return last;
    }
}
