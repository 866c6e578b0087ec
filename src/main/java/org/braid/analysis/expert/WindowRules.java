package org.braid.analysis.expert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.braid.analysis.LongList;
import org.braid.analysis.PacketColumns;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.WindowDisagreement;
import org.braid.model.WindowLimit;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;

/**
 * Zero shared windows, data sent beyond the shared window's right edge, senders held at the edge,
 * and subflows that disagree on where it is.
 */
final class WindowRules {
    private WindowRules() {}

    static void apply(ExpertContext x) {
        for (MptcpConnection c : x.result.connections()) {
            zeroWindow(x, c, c.window().client(), 0);
            zeroWindow(x, c, c.window().server(), 1);
            beyond(x, c);
            for (int side = 0; side < 2; side++) {
                WindowStats w = side == 0 ? c.window().client() : c.window().server();
                if (w != null) {
                    limited(x, c, w, side);
                    disagreement(x, c, w, side);
                }
            }
        }
    }

    /** Window-limited periods of at least {@link WindowStats#REPORTED_LIMIT_NANOS}, as one finding per direction. */
    private static void limited(ExpertContext x, MptcpConnection c, WindowStats w, int side) {
        List<WindowLimit> periods = w.windowLimits();
        if (periods.isEmpty()) {
            return;
        }
        WindowLimit first = periods.get(0);
        WindowLimit last = periods.get(periods.size() - 1);
        long total = 0;
        LongList evidence = new LongList();
        Set<Integer> flows = new LinkedHashSet<>();
        for (WindowLimit p : periods) {
            total += p.durationNanos();
            flows.addAll(p.flows());
            evidence.add(p.startPacket());
            if (p.edgePacket() > 0) {
                evidence.add(p.edgePacket());
            }
            if (p.endPacket() != null) {
                evidence.add(p.endPacket());
            }
        }
        String summary = "the " + Words.side(side) + " was held at the shared receive window's right edge for "
                + Words.seconds(total) + " in " + Words.plural(periods.size(), "period") + ", the first "
                + Words.period(first.startNanos(), first.endNanos(), x.originNanos) + " at edge " + first.rightEdge()
                + " (DATA_ACK " + first.dataAck() + " + window " + Words.bytes(first.window()) + "), sending on "
                + names(c, flows) + (last.endPacket() == null ? "; still held at the end" : "");
        x.add(FindingKind.WINDOW_LIMITED, FindingSeverity.WARNING, c.index(), null, first.startNanos(), last.endNanos(),
                summary, evidence.toArray());
    }

    /** Advertisements whose right edge lay materially below another subflow's of about the same moment. */
    private static void disagreement(ExpertContext x, MptcpConnection c, WindowStats w, int side) {
        List<WindowDisagreement> found = w.disagreementList();
        if (found.isEmpty()) {
            return;
        }
        WindowDisagreement first = found.get(0);
        LongList evidence = new LongList();
        for (WindowDisagreement d : found) {
            evidence.add(d.otherPacket());
            evidence.add(d.packet());
        }
        String summary = "the " + Words.side(1 - side) + "'s subflows disagree on the right edge of the shared window"
                + " for the " + Words.side(side) + "'s data: " + Words.plural(w.disagreements(), "advertisement")
                + " below another subflow's by more than a segment and 10 % of the window; first at "
                + Words.at(first.nanos(), x.originNanos) + ", " + ExpertContext.subflow(c, first.flow()) + " edge "
                + first.rightEdge() + ", " + Words.bytes(first.difference()) + " below "
                + ExpertContext.subflow(c, first.otherFlow()) + "'s " + first.otherEdge() + " "
                + Words.seconds(first.nanos() - first.otherNanos()) + " before";
        x.add(FindingKind.WINDOW_DISAGREEMENT, FindingSeverity.WARNING, c.index(), first.flow(), first.nanos(),
                found.get(found.size() - 1).nanos(), summary, evidence.toArray());
    }

    private static String names(MptcpConnection c, Set<Integer> flows) {
        return String.join(" and ", flows.stream().map(f -> ExpertContext.subflow(c, f)).toList());
    }

    private static void zeroWindow(ExpertContext x, MptcpConnection c, WindowStats w, int side) {
        if (w == null || w.zeroWindowPeriods() == 0 || w.zeroWindows().isEmpty()) {
            return;
        }
        WindowPeriod first = w.zeroWindows().get(0);
        WindowPeriod last = w.zeroWindows().get(w.zeroWindows().size() - 1);
        // The periods' ends, and every zero-window advertisement of the connection within them.
        long[] flagged = x.flagged(PacketColumns.ZERO_WINDOW, c.index());
        long[] evidence = java.util.Arrays.copyOf(flagged, flagged.length + w.zeroWindows().size() * 2);
        int n = flagged.length;
        for (WindowPeriod p : w.zeroWindows()) {
            evidence[n++] = p.startPacket();
            evidence[n++] = p.endPacket() == null ? 0 : p.endPacket();
        }
        String summary = "the " + Words.side(1 - side) + " advertised a zero window for the " + Words.side(side)
                + "'s data: " + Words.plural(w.zeroWindowPeriods(), "period") + ", " + Words.seconds(w.zeroWindowNanos())
                + " in all, first at " + Words.at(first.startNanos(), x.originNanos)
                + (last.reopened() ? ", last reopened at " + Words.at(last.endNanos(), x.originNanos)
                        : ", still closed at the end");
        x.add(FindingKind.ZERO_WINDOW, FindingSeverity.WARNING, c.index(), null, first.startNanos(), last.endNanos(),
                summary, evidence);
    }

    private static void beyond(ExpertContext x, MptcpConnection c) {
        long packets = c.window().client().beyondWindowPackets() + c.window().server().beyondWindowPackets();
        if (packets == 0) {
            return;
        }
        long bytes = c.window().client().beyondWindowBytes() + c.window().server().beyondWindowBytes();
        long[] evidence = x.flagged(PacketColumns.BEYOND_WINDOW, c.index());
        x.add(FindingKind.BEYOND_WINDOW, FindingSeverity.WARNING, c.index(), null, c.startNanos(), c.endNanos(),
                Words.plural(packets, "segment") + " sent beyond the shared window's right edge, "
                        + Words.bytes(bytes) + " past it", evidence);
    }
}
