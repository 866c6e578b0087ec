package org.braid.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braid.model.EventType;
import org.braid.model.MptcpEvent;
import org.braid.model.ReceiveWindow;
import org.braid.model.SubflowWindow;
import org.braid.model.WindowDisagreement;
import org.braid.model.WindowLimit;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;

/**
 * The shared receive window of one data direction of a connection during the pass: the edge the
 * receiver advertised, what the sender sent against it, zero-window and window-limited periods.
 * Edges and DSNs are absolute 64-bit values; ordinary packets change primitives only.
 */
final class WindowDirection {
    /** Events of one kind listed per direction; the counts go on. */
    static final int LISTED_EVENTS = 5;
    static final int LISTED_ZERO_WINDOW_EVENTS = 20;
    /** A segment size to compare with before the sender sent any. */
    static final int DEFAULT_SEGMENT = 536;

    long advertisements;
    boolean edgeKnown;
    long maxEdge;
    long belowMaxEdge;
    long shrinks;
    /** Some advertiser's scale is unknown: its edges may be too low to judge segments against. */
    boolean unknownScale;

    boolean sentKnown;
    long highestSent;
    boolean ackKnown;
    long highestAck;
    /** The largest segment payload sent in this direction: the MSS as the trace shows it. */
    int segment;
    long beyondPackets;
    long beyondBytes;
    int beyondEvents;

    long zeroPackets;
    long zeroPeriods;
    long zeroNanos;
    final List<WindowPeriod> zeroWindows = new ArrayList<>();
    boolean zeroOpen;
    int zeroFlow;
    long zeroStartNanos;
    long zeroStartPacket;
    /** Position of the open period's event in the connection's events, or -1 when not listed. */
    int zeroEvent = -1;
    String zeroDetail;

    boolean limited;
    long limitedSince;
    long limitedNanos;
    long limitedSincePacket;
    long limitedEdge;
    long limitedAck;
    long limitedEdgePacket;
    /** The flows that sent during the open window-limited period: a few ints, checked on every segment. */
    private int[] limitedFlows = new int[4];
    private int limitedFlowCount;
    final List<WindowLimit> limits = new ArrayList<>();
    /** The advertisement of the largest edge. */
    long maxEdgePacket;

    long disagreements;
    int disagreementEvents;
    final List<WindowDisagreement> disagreementList = new ArrayList<>();

    int segmentOrDefault() {
        return segment > 0 ? segment : DEFAULT_SEGMENT;
    }

    /**
     * Returns the bytes of a segment beyond the largest edge, 0 when inside or unknown. A single
     * byte right at the edge is a zero-window probe, which RFC 9293 lets a sender put there (Linux
     * probes with the last acknowledged byte instead).
     */
    long bytesBeyondEdge(long start, long end) {
        if (!edgeKnown || unknownScale || end <= maxEdge || (start == maxEdge && end == start + 1)) {
            return 0;
        }
        return end - Math.max(start, maxEdge);
    }

    void sent(long end, int length, long nanos, long packet, int flow) {
        if (!sentKnown || end > highestSent) {
            highestSent = end;
            sentKnown = true;
        }
        segment = Math.max(segment, length);
        updateLimited(nanos, packet);
        if (limited) {
            noteLimitedFlow(flow);
        }
    }

    /**
     * Takes an advertised edge into the maximum. Returns the edge's retreat below the maximum seen
     * before it (0 when it is the new maximum).
     */
    long advertise(long dataAck, long edge, long packet) {
        advertisements++;
        if (!ackKnown || dataAck > highestAck) {
            highestAck = dataAck;
            ackKnown = true;
        }
        if (!edgeKnown || edge > maxEdge) {
            maxEdge = edge;
            maxEdgePacket = packet;
            edgeKnown = true;
            return 0;
        }
        return maxEdge - edge;
    }

    /**
     * Window-limited while the highest DSN sent reaches the largest edge to within one segment:
     * data in flight (highest sent - DATA_ACK) then fills the usable window (edge - DATA_ACK).
     */
    void updateLimited(long nanos, long packet) {
        if (!edgeKnown || !sentKnown || unknownScale) {
            return;
        }
        boolean now = highestSent + segmentOrDefault() >= maxEdge;
        if (now == limited) {
            return;
        }
        if (limited) {
            limitedNanos += nanos - limitedSince;
            closeLimit(nanos, packet);
        } else {
            limitedSince = nanos;
            limitedSincePacket = packet;
            limitedEdge = maxEdge;
            limitedAck = highestAck;
            limitedEdgePacket = maxEdgePacket;
            limitedFlowCount = 0;
        }
        limited = now;
    }

    private void noteLimitedFlow(int flow) {
        for (int i = 0; i < limitedFlowCount; i++) {
            if (limitedFlows[i] == flow) {
                return;
            }
        }
        if (limitedFlowCount == limitedFlows.length) {
            limitedFlows = Arrays.copyOf(limitedFlows, limitedFlowCount * 2);
        }
        limitedFlows[limitedFlowCount++] = flow;
    }

    private List<Integer> limitedFlows() {
        List<Integer> flows = new ArrayList<>(limitedFlowCount);
        for (int i = 0; i < limitedFlowCount; i++) {
            flows.add(limitedFlows[i]);
        }
        return flows;
    }

    /** Lists the period that ends, when long enough to matter. */
    private void closeLimit(long nanos, long packet) {
        if (nanos - limitedSince >= WindowStats.REPORTED_LIMIT_NANOS && limits.size() < WindowStats.LISTED_PERIODS) {
            limits.add(new WindowLimit(limitedSince, limitedSincePacket, nanos, packet, limitedEdge, limitedAck,
                    limitedEdgePacket, limitedFlows()));
        }
    }

    void openZeroWindow(ConnectionState connection, int flow, long nanos, long packet, String detail) {
        zeroOpen = true;
        zeroFlow = flow;
        zeroStartNanos = nanos;
        zeroStartPacket = packet;
        zeroEvent = -1;
        zeroDetail = detail;
        if (zeroPeriods < LISTED_ZERO_WINDOW_EVENTS) {
            zeroEvent = connection.events.size();
            connection.event(EventType.ZERO_WINDOW, nanos, packet, flow, detail + ", not reopened by the end of the trace");
        }
        zeroPeriods++;
    }

    /** Ends the open period and, when listed, completes its event in place so events stay in time order. */
    void closeZeroWindow(ConnectionState connection, long nanos, long packet) {
        zeroOpen = false;
        zeroNanos += nanos - zeroStartNanos;
        if (zeroWindows.size() < WindowStats.LISTED_PERIODS) {
            zeroWindows.add(new WindowPeriod(zeroFlow, zeroStartNanos, zeroStartPacket, nanos, packet));
        }
        if (zeroEvent >= 0) {
            MptcpEvent open = connection.events.get(zeroEvent);
            connection.events.set(zeroEvent, new MptcpEvent(open.type(), open.timeNanos(), open.packet(), open.flow(),
                    zeroDetail + String.format(java.util.Locale.ROOT, ", reopened after %.6f s at packet %d", (nanos - zeroStartNanos) / 1e9,
                            packet)));
        }
    }

    /** The connection's window statistics, both directions. */
    static ReceiveWindow receiveWindow(ConnectionState connection) {
        return new ReceiveWindow(connection.window[0].stats(connection, 0, connection.endNanos),
                connection.window[1].stats(connection, 1, connection.endNanos));
    }

    /** The immutable statistics, with open periods closed at {@code endNanos} (the connection's last packet). */
    WindowStats stats(ConnectionState connection, int side, long endNanos) {
        long base = connection.side(side).dsnBase;
        // Lost packets could have moved the edge: with capture loss, a segment beyond it proves nothing.
        boolean checked = !unknownScale && connection.data.captureLostBytes == 0;
        List<WindowPeriod> periods = new ArrayList<>(zeroWindows);
        long zero = zeroNanos;
        if (zeroOpen) {
            zero += endNanos - zeroStartNanos;
            if (periods.size() < WindowStats.LISTED_PERIODS) {
                periods.add(new WindowPeriod(zeroFlow, zeroStartNanos, zeroStartPacket, endNanos, null));
            }
        }
        List<WindowLimit> limitPeriods = new ArrayList<>();
        if (!unknownScale) {
            for (WindowLimit l : limits) {
                limitPeriods.add(relative(l, base));
            }
            if (limited && endNanos - limitedSince >= WindowStats.REPORTED_LIMIT_NANOS
                    && limitPeriods.size() < WindowStats.LISTED_PERIODS) {
                limitPeriods.add(relative(new WindowLimit(limitedSince, limitedSincePacket, endNanos, null,
                        limitedEdge, limitedAck, limitedEdgePacket, limitedFlows()), base));
            }
        }
        List<WindowDisagreement> disagreementsRelative = new ArrayList<>();
        for (WindowDisagreement d : disagreementList) {
            disagreementsRelative.add(new WindowDisagreement(d.flow(), d.packet(), d.nanos(), d.rightEdge() - base,
                    d.otherFlow(), d.otherPacket(), d.otherNanos(), d.otherEdge() - base));
        }
        List<SubflowWindow> subflows = new ArrayList<>();
        for (Flow flow : connection.subflows) {
            int direction = advertisingDirection(flow, side);
            long count = flow.window.advertisements[direction];
            subflows.add(new SubflowWindow(flow.index, scaleKnown(flow) ? flow.windowShift(direction) : null, count,
                    flow.window.unscaled[direction], count > 0 ? flow.window.edge[direction] - base : null));
        }
        return new WindowStats(sentKnown ? highestSent - base : null, ackKnown ? highestAck - base : null,
                advertisements, edgeKnown ? maxEdge - base : null, belowMaxEdge, shrinks,
                checked, checked ? beyondPackets : 0, checked ? beyondBytes : 0, zeroPackets, zeroPeriods, zero, periods,
                unknownScale ? null : limitedNanos + (limited ? endNanos - limitedSince : 0), disagreements, subflows,
                limitPeriods, disagreementsRelative);
    }

    private static WindowLimit relative(WindowLimit l, long base) {
        return new WindowLimit(l.startNanos(), l.startPacket(), l.endNanos(), l.endPacket(), l.rightEdge() - base,
                l.dataAck() - base, l.edgePacket(), l.flows());
    }

    /** The flow direction in which the receiver of data direction {@code side} sends its advertisements. */
    static int advertisingDirection(Flow flow, int side) {
        int receiver = 1 - side;
        return flow.clientIsConnectionClient ? receiver : 1 - receiver;
    }

    /** Both SYNs are in the trace, so the shift (0 when not negotiated) is known. */
    static boolean scaleKnown(Flow flow) {
        return flow.sawSyn && flow.sawSynAck;
    }
}
