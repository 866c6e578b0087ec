package org.braid.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.io.Frame;
import org.braid.model.EventType;
import org.braid.model.Grouping;
import org.braid.model.RoleBasis;

/**
 * The MPTCP connections of the pass and how flows are put into them: by the MP_CAPABLE handshake,
 * by the token an MP_JOIN carries, or, when the capture holds neither (it started later), by the
 * data-sequence space the flow's DSS options share with a connection.
 *
 * <p>Inference needs the same endpoints (an address or a port in common with one of the
 * connection's subflows) and a connection active in the last {@link #INFERENCE_IDLE_NANOS}, and
 * rests on 64-bit values only: a DSN or DATA_ACK of the flow within
 * {@link #INFERENCE_RANGE} of one the connection sent or acknowledged. Two connections' spaces
 * start at random 64-bit IDSNs, so two unrelated connections fall that close with a chance of about
 * 2^-31; 4-byte values, whose upper half is a guess, never group.
 *
 * <p>A connection created from a join whose token matches nothing in the trace, or from options
 * without a 64-bit value, is provisional: its first 64-bit DSS value may show that it is another
 * connection's, and it is then merged into that one. Connection numbers stay dense: the per-packet
 * column goes through {@link PacketColumns}' renumbering.
 */
final class ConnectionRegistry {
    /** How close two 64-bit data sequence values must be to belong to one space: 4 GiB. */
    static final long INFERENCE_RANGE = 1L << 32;
    /** How long after a connection's last packet a flow may still be inferred to belong to it. */
    static final long INFERENCE_IDLE_NANOS = 300_000_000_000L;

    private final List<ConnectionState> connections = new ArrayList<>();
    /** Token to connection, for MP_JOIN: tokens from keys, and tokens of joins that matched none. */
    private final Map<Long, ConnectionState> byToken = new HashMap<>();
    private final PacketColumns columns;

    ConnectionRegistry(PacketColumns columns) {
        this.columns = columns;
    }

    ConnectionState get(int index) {
        return connections.get(index);
    }

    /** Every connection created, merged ones included (they have no subflows left). */
    List<ConnectionState> all() {
        return connections;
    }

    ConnectionState byToken(long token) {
        return byToken.get(token);
    }

    void registerToken(long token, ConnectionState connection) {
        byToken.putIfAbsent(token, connection);
    }

    ConnectionState newConnection(Flow flow, Grouping grouping) {
        ConnectionState connection = new ConnectionState(connections.size(), flow.startNanos);
        connection.groupedBy(grouping, null);
        connections.add(connection);
        columns.connectionAdded(connection.index);
        attach(flow, connection, grouping);
        return connection;
    }

    /** Puts the flow into the connection, and its earlier packets into the connection's column. */
    void attach(Flow flow, ConnectionState connection, Grouping grouping) {
        flow.connection = connection.index;
        flow.grouping = grouping;
        connection.subflows.add(flow);
        for (int i = flow.firstPacketIndex; i < columns.size(); i++) {
            if (columns.flowOfPacket(i) == flow.index) {
                columns.setConnection(i, connection.index);
            }
        }
    }

    /**
     * The flow's connection; for a flow that has none, the connection its DSS values place it in,
     * or a new one. The new one is provisional when the packet shows no 64-bit value to test later
     * flows against.
     */
    ConnectionState ensureConnection(Flow flow, DecodedPacket packet, int direction, Frame frame) {
        if (flow.connection != Flow.NONE) {
            return connections.get(flow.connection);
        }
        Match match = match(flow, packet, direction, null, frame.timestampNanos());
        if (match != null) {
            flow.clientIsConnectionClient = match.sameOrientation;
            attach(flow, match.connection, Grouping.INFERRED);
            match.connection.groupedBy(Grouping.INFERRED, "flow " + flow.index + ": " + match.evidence);
            match.connection.event(EventType.INFERRED_SUBFLOW, frame.timestampNanos(), frame.packetNumber(), flow.index,
                    "subflow without a handshake in the trace, grouped by its data sequence space: "
                            + match.evidence);
            return match.connection;
        }
        ConnectionState connection = newConnection(flow, Grouping.INFERRED);
        connection.groupedBy(Grouping.INFERRED, "flow " + flow.index + ": MPTCP options without a handshake");
        connection.provisional = !hasWideValue(packet);
        connection.event(EventType.INCOMPLETE, frame.timestampNanos(), frame.packetNumber(), flow.index,
                "MPTCP options on a subflow whose handshake is not in the trace");
        return connection;
    }

    /**
     * A provisional connection's first 64-bit DSS value: when it lies in another connection's
     * space, the flow moves there and this connection is merged away. Returns the flow's connection.
     */
    ConnectionState settleProvisional(ConnectionState connection, Flow flow, DecodedPacket packet, int direction,
            Frame frame) {
        if (!hasWideValue(packet)) {
            return connection;
        }
        connection.provisional = false;
        if (connection.subflows.size() != 1 || connection.handshake || connection.side(0).keyKnown
                || connection.side(1).keyKnown) {
            return connection;
        }
        Match match = match(flow, packet, direction, connection, frame.timestampNanos());
        if (match == null) {
            return connection;
        }
        ConnectionState into = match.connection;
        connection.subflows.clear();
        // Side s of the provisional connection is flow direction d; d is side s' of the other.
        boolean oldSame = flow.clientIsConnectionClient;
        flow.clientIsConnectionClient = match.sameOrientation;
        flow.connection = into.index;
        flow.grouping = flow.join ? Grouping.TOKEN : Grouping.INFERRED;
        into.subflows.add(flow);
        into.groupedBy(Grouping.INFERRED, "flow " + flow.index + ": " + match.evidence);
        for (int side = 0; side < 2; side++) {
            ConnectionSide from = connection.side(side);
            if (from.tokenKnown) {
                int flowDirection = oldSame ? side : 1 - side;
                int intoSide = match.sameOrientation ? flowDirection : 1 - flowDirection;
                into.side(intoSide).setToken(from.token);
                byToken.put(from.token, into);
            }
        }
        into.events.addAll(connection.events);
        into.events.sort((a, b) -> Long.compare(a.packet(), b.packet()));
        into.event(EventType.INFERRED_SUBFLOW, frame.timestampNanos(), frame.packetNumber(), flow.index,
                "subflow grouped by its data sequence space: " + match.evidence);
        into.startNanos = Math.min(into.startNanos, connection.startNanos);
        connection.mergedInto = into.index;
        columns.merge(connection.index, into.index);
        return into;
    }

    /**
     * For a flow not yet in a connection whose roles were only guessed: the connection its DSS
     * values place it in, if that connection's roles rest on stronger evidence; then whether the
     * flow's client is that connection's client (subflows are opened by the connection's client, as
     * Linux does). Null when nothing better is known.
     */
    Boolean orientationFor(Flow flow, DecodedPacket packet, int direction, long now) {
        Match match = match(flow, packet, direction, null, now);
        if (match == null || strongestRoles(match.connection).compareTo(flow.roles) >= 0) {
            return null;
        }
        return match.sameOrientation;
    }

    private static RoleBasis strongestRoles(ConnectionState c) {
        RoleBasis best = RoleBasis.FIRST_PACKET;
        for (Flow f : c.subflows) {
            if (f.roles.compareTo(best) < 0) {
                best = f.roles;
            }
        }
        return best;
    }

    /** The live connections, in order of creation. */
    List<ConnectionState> live() {
        List<ConnectionState> live = new ArrayList<>(connections.size());
        for (ConnectionState connection : connections) {
            if (connection.mergedInto == Flow.NONE) {
                live.add(connection);
            }
        }
        return live;
    }

    private static boolean hasWideValue(DecodedPacket packet) {
        MptcpOption dss = packet.firstMptcpOption(MptcpSubtype.DSS);
        return dss != null && !dss.malformed()
                && ((dss.hasDataSequenceNumber() && dss.dsnIs8Bytes()) || (dss.hasDataAck() && dss.dataAckIs8Bytes()));
    }

    private record Match(ConnectionState connection, boolean sameOrientation, long distance, String evidence) {}

    /**
     * The connection (other than {@code except}) whose data-sequence space holds the packet's 64-bit
     * DSN or DATA_ACK, nearest first; null when none is within range.
     */
    private Match match(Flow flow, DecodedPacket packet, int direction, ConnectionState except, long now) {
        MptcpOption dss = packet.firstMptcpOption(MptcpSubtype.DSS);
        if (dss == null || dss.malformed()) {
            return null;
        }
        boolean wideDsn = dss.hasDataSequenceNumber() && dss.dsnIs8Bytes();
        boolean wideAck = dss.hasDataAck() && dss.dataAckIs8Bytes();
        if (!wideDsn && !wideAck) {
            return null;
        }
        Match best = null;
        for (ConnectionState c : connections) {
            // Its subflows may all have ended (reset): a new subflow can still carry its data.
            if (c == except || c.mergedInto != Flow.NONE || c.subflows.isEmpty()
                    || now - c.endNanos > INFERENCE_IDLE_NANOS || !sharesAnEndpoint(c, flow)) {
                continue;
            }
            for (int orientation = 0; orientation < 2; orientation++) {
                boolean same = orientation == 0;
                int side = same ? direction : 1 - direction;
                ConnectionSide sender = c.side(side);
                ConnectionSide receiver = c.side(1 - side);
                if (wideDsn) {
                    long dsn = dss.dataSequenceNumber();
                    best = nearer(best, c, same, dsn, sender.lastDsnKnown, sender.lastDsn, "DSN", "DSN");
                    best = nearer(best, c, same, dsn, receiver.lastDataAckSentKnown, receiver.lastDataAckSent,
                            "DSN", "DATA_ACK");
                    best = nearer(best, c, same, dsn, sender.keyKnown, sender.idsn, "DSN", "IDSN");
                }
                if (wideAck) {
                    long ack = dss.dataAck();
                    best = nearer(best, c, same, ack, receiver.lastDsnKnown, receiver.lastDsn, "DATA_ACK", "DSN");
                    best = nearer(best, c, same, ack, sender.lastDataAckSentKnown, sender.lastDataAckSent,
                            "DATA_ACK", "DATA_ACK");
                    best = nearer(best, c, same, ack, receiver.keyKnown, receiver.idsn, "DATA_ACK", "IDSN");
                }
            }
        }
        return best;
    }

    /**
     * The same endpoints: the flow shares an address or a port with one of the connection's
     * subflows (a join goes from another address to the server's port, or to another of its
     * addresses from the same host).
     */
    private static boolean sharesAnEndpoint(ConnectionState c, Flow flow) {
        for (Flow other : c.subflows) {
            if (sameAddress(other.clientHigh, other.clientLow, flow) || sameAddress(other.serverHigh, other.serverLow, flow)
                    || other.clientPort == flow.clientPort || other.clientPort == flow.serverPort
                    || other.serverPort == flow.clientPort || other.serverPort == flow.serverPort) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(long high, long low, Flow flow) {
        return (high == flow.clientHigh && low == flow.clientLow) || (high == flow.serverHigh && low == flow.serverLow);
    }

    private static Match nearer(Match best, ConnectionState c, boolean same, long value, boolean known, long theirs,
            String what, String theirWhat) {
        if (!known) {
            return best;
        }
        long distance = Math.abs(value - theirs);
        if (distance >= INFERENCE_RANGE || distance < 0 || (best != null && best.distance <= distance)) {
            return best;
        }
        String evidence = String.format(Locale.ROOT, "64-bit %s %s lies %d bytes from the %s %s of connection %d",
                what, Long.toUnsignedString(value), distance, theirWhat, Long.toUnsignedString(theirs), c.index);
        return new Match(c, same, distance, evidence);
    }
}
