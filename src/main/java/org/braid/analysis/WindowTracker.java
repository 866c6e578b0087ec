package org.braid.analysis;

import org.braid.decode.DecodedPacket;
import org.braid.model.EventType;
import org.braid.model.WindowDisagreement;
import org.braid.model.WindowStats;

/**
 * The shared receive window (RFC 8684 3.3.4): every packet carrying a DATA_ACK advertises the
 * connection-level right edge DATA_ACK + (window &lt;&lt; scale) for the data flowing towards its
 * sender. Keeps the largest edge per direction (the one a sender may use), flags segments sent
 * beyond it and zero windows, times zero-window and window-limited periods, and counts subflows
 * whose advertisements disagree. State lives in {@link ConnectionState#window} and {@link Flow#window}.
 */
final class WindowTracker implements PacketObserver {
    /** How close in time two subflows' advertisements must be to compare them, when no RTT is known. */
    static final long DEFAULT_SAME_MOMENT_NANOS = 10_000_000L;
    /** Capture timestamps of different paths can be this far apart for one moment. */
    static final long MIN_SAME_MOMENT_NANOS = 1_000_000L;

    private final PacketColumns columns;

    WindowTracker(PacketColumns columns) {
        this.columns = columns;
    }

    @Override
    public void onPacket(PacketContext c) {
        int length = c.payloadLength();
        if (length > 0 && c.payloadDsn != PacketContext.UNKNOWN) {
            onData(c, c.connection.window[c.side], length);
        }
        int advertisedFor = 1 - c.side;
        // A reset's window says nothing about the receiver's buffer, and without a DSN base the
        // DATA_ACK cannot be related to the data.
        if (c.dataAck != PacketContext.UNKNOWN && !c.packet.hasTcpFlag(DecodedPacket.TCP_RST)
                && c.connection.side(advertisedFor).dsnBaseKnown) {
            onAdvertisement(c, c.connection.window[advertisedFor], advertisedFor);
        }
    }

    private void onData(PacketContext c, WindowDirection w, int length) {
        long start = c.payloadDsn;
        long end = start + length;
        long beyond = w.bytesBeyondEdge(start, end);
        if (beyond > 0) {
            columns.addFlags(c.packetIndex, PacketColumns.BEYOND_WINDOW);
            w.beyondPackets++;
            w.beyondBytes += beyond;
            if (w.beyondEvents < WindowDirection.LISTED_EVENTS) {
                w.beyondEvents++;
                long base = c.connection.side(c.side).dsnBase;
                c.connection.event(EventType.BEYOND_WINDOW, c.nanos, c.frame.packetNumber(), c.flow.index,
                        sender(c.side) + " data DSN " + (start - base) + "-" + (end - base) + " ends " + beyond
                                + " bytes beyond the right edge " + (w.maxEdge - base));
            }
        }
        w.sent(end, length, c.nanos, c.frame.packetNumber(), c.flow.index);
    }

    private void onAdvertisement(PacketContext c, WindowDirection w, int side) {
        Flow flow = c.flow;
        int direction = c.direction;
        boolean scaleKnown = WindowDirection.scaleKnown(flow);
        int shift = flow.windowShift(direction);
        long window = (long) c.packet.window() << shift;
        long edge = c.dataAck + window;
        ConnectionState connection = c.connection;
        columns.setWindowEdge(c.packetIndex, edge - connection.side(side).dsnBase);

        // A scaled window is rounded to its granularity, so an edge may step back by less than that.
        long granularity = 1L << shift;
        SubflowWindowState own = flow.window;
        if (!scaleKnown) {
            w.unknownScale = true;
            own.unscaled[direction]++;
        } else if (own.advertisements[direction] > 0 && own.edge[direction] - edge >= granularity) {
            w.shrinks++;
        }
        long retreat = w.advertise(c.dataAck, edge, c.frame.packetNumber());
        if (scaleKnown && retreat >= granularity) {
            w.belowMaxEdge++;
        }
        // Only an edge below the largest one can lie below another subflow's: most are the largest.
        if (scaleKnown && retreat > w.segmentOrDefault()) {
            checkDisagreement(c, w, side, edge, window);
        }
        own.edge[direction] = edge;
        own.window[direction] = window;
        own.nanos[direction] = c.nanos;
        own.packet[direction] = c.frame.packetNumber();
        own.advertisements[direction]++;

        if (window == 0) {
            columns.addFlags(c.packetIndex, PacketColumns.ZERO_WINDOW);
            w.zeroPackets++;
            if (!w.zeroOpen) {
                w.openZeroWindow(connection, flow.index, c.nanos, c.frame.packetNumber(),
                        receiver(side) + " advertised a zero window for the " + sender(side) + "'s data at DATA_ACK "
                                + (c.dataAck - connection.side(side).dsnBase));
            }
        } else if (w.zeroOpen) {
            w.closeZeroWindow(connection, c.nanos, c.frame.packetNumber());
        }
        w.updateLimited(c.nanos, c.frame.packetNumber());
    }

    /**
     * Compares the edge with the latest one of every other subflow of the direction advertised at
     * about the same moment (within the larger handshake RTT of the two): they should agree, since
     * the window is the connection's. Counts the advertisement once when it lies below another's by
     * more than a segment and more than 10 % of the larger window. Only a lower edge counts: a higher
     * one is the window growing, which the other subflow has not had the occasion to advertise yet.
     */
    private void checkDisagreement(PacketContext c, WindowDirection w, int side, long edge, long window) {
        for (int i = 0; i < c.connection.subflows.size(); i++) {
            Flow other = c.connection.subflows.get(i);
            int direction = WindowDirection.advertisingDirection(other, side);
            SubflowWindowState theirs = other.window;
            if (other == c.flow || theirs.advertisements[direction] == 0 || !WindowDirection.scaleKnown(other)
                    || c.nanos - theirs.nanos[direction] > sameMoment(c.flow, other)) {
                continue;
            }
            long difference = theirs.edge[direction] - edge;
            if (difference > w.segmentOrDefault() && difference * 10 > Math.max(window, theirs.window[direction])) {
                w.disagreements++;
                if (w.disagreementList.size() < WindowStats.LISTED_PERIODS) {
                    w.disagreementList.add(new WindowDisagreement(c.flow.index, c.frame.packetNumber(), c.nanos, edge,
                            other.index, theirs.packet[direction], theirs.nanos[direction], theirs.edge[direction]));
                }
                if (w.disagreementEvents < WindowDirection.LISTED_EVENTS) {
                    w.disagreementEvents++;
                    long base = c.connection.side(side).dsnBase;
                    c.connection.event(EventType.WINDOW_DISAGREEMENT, c.nanos, c.frame.packetNumber(), c.flow.index,
                            receiver(side) + " advertised right edge " + (edge - base) + " here, "
                                    + (theirs.edge[direction] - base) + " on flow " + other.index + String.format(java.util.Locale.ROOT,
                                            " %.6f s before", (c.nanos - theirs.nanos[direction]) / 1e9));
                }
                return;
            }
        }
    }

    private static long sameMoment(Flow a, Flow b) {
        long rtt = Math.max(a.handshakeRttNanos, b.handshakeRttNanos);
        return rtt < 0 ? DEFAULT_SAME_MOMENT_NANOS : Math.max(rtt, MIN_SAME_MOMENT_NANOS);
    }

    private static String sender(int side) {
        return side == 0 ? "client" : "server";
    }

    private static String receiver(int side) {
        return side == 0 ? "server" : "client";
    }
}
