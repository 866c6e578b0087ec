package org.braid.analysis.expert;

import org.braid.analysis.PacketColumns;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;

/** Zero shared windows, and data sent beyond the shared window's right edge. */
final class WindowRules {
    private WindowRules() {}

    static void apply(ExpertContext x) {
        for (MptcpConnection c : x.result.connections()) {
            zeroWindow(x, c, c.window().client(), 0);
            zeroWindow(x, c, c.window().server(), 1);
            beyond(x, c);
        }
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
