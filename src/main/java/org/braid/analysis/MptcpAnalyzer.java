package org.braid.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.analysis.expert.ExpertAnalysis;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.TcpConnection;

/**
 * The streaming MPTCP analysis: feed it every packet through {@link #onPacket} (a file pass or a
 * live capture), then call {@link #result()}. Tracks TCP flows, groups them into MPTCP connections
 * by key and token, verifies MP_JOIN HMACs, expands DSNs and fills the per-packet columns.
 *
 * <p>Ordinary packets cost one primitive hash lookup and some arithmetic; objects are allocated
 * only for new flows, handshakes and events.
 */
public final class MptcpAnalyzer implements PacketPass.Listener {
    private static final long LOW_32 = 0xffffffffL;
    /** IPv4 addresses are keyed as IPv4-mapped IPv6 (::ffff:a.b.c.d). */
    private static final long IPV4_MAPPED = 0xffff00000000L;

    private final FlowTable table = new FlowTable();
    private final List<Flow> flows = new ArrayList<>();
    private final List<ConnectionState> connections = new ArrayList<>();
    /** Token to connection, for MP_JOIN: tokens from keys, and tokens of joins that matched none. */
    private final Map<Long, ConnectionState> byToken = new HashMap<>();
    private final PacketColumns columns;
    private final List<String> warnings = new ArrayList<>();
    private final JoinVerifier joins = new JoinVerifier();
    private final PacketContext context = new PacketContext();
    // The features fed every MPTCP packet, in this order (the lifecycle reads what the checksum
    // verifier marked). Direct fields rather than a list: each call site stays monomorphic and inlined.
    private final DataTracker data;
    private final WindowTracker window;
    private final ChecksumVerifier checksums;
    private final LifecycleTracker lifecycle;
    private final AddAddrVerifier addAddr;
    private final PathTracker paths;
    private long packets;

    public MptcpAnalyzer() {
        this(1024);
    }

    /** An analyzer whose per-packet columns start with room for {@code expectedPackets}. */
    public MptcpAnalyzer(int expectedPackets) {
        columns = new PacketColumns(expectedPackets);
        data = new DataTracker(columns);
        window = new WindowTracker(columns);
        checksums = new ChecksumVerifier(columns);
        lifecycle = new LifecycleTracker(columns);
        addAddr = new AddAddrVerifier(columns, warnings);
        paths = new PathTracker(columns, expectedPackets);
    }

    /** Opens, reads and closes a trace file: the one call for analysing a file. */
    public static AnalysisResult analyze(Path trace) throws IOException {
        try (PacketSource source = TraceReader.open(trace)) {
            return analyze(source);
        }
    }

    /** Reads a whole trace and returns what it holds, reader warnings included. */
    public static AnalysisResult analyze(PacketSource source) throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        PacketPass.run(source, analyzer);
        analyzer.finish();
        List<String> readerWarnings = source.warnings().stream().map(TraceWarning::toString).toList();
        return analyzer.result(readerWarnings);
    }

    @Override
    public void onPacket(Frame frame, DecodedPacket packet) {
        int packetIndex = columns.size();
        packets++;
        context.reset();
        if (!packet.hasTcp()) {
            columns.add(Flow.NONE, Flow.NONE, PacketColumns.NO_DSN);
            return;
        }
        long srcHigh;
        long srcLow;
        long dstHigh;
        long dstLow;
        if (packet.ipVersion() == 4) {
            srcHigh = 0;
            srcLow = IPV4_MAPPED | (packet.sourceIpv4() & LOW_32);
            dstHigh = 0;
            dstLow = IPV4_MAPPED | (packet.destinationIpv4() & LOW_32);
        } else {
            srcHigh = packet.sourceHigh();
            srcLow = packet.sourceLow();
            dstHigh = packet.destinationHigh();
            dstLow = packet.destinationLow();
        }
        int srcPort = packet.sourcePort();
        int dstPort = packet.destinationPort();
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        boolean ack = packet.hasTcpFlag(DecodedPacket.TCP_ACK);
        long now = frame.timestampNanos();

        int flowIndex = table.get(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort);
        Flow flow = flowIndex < 0 ? null : flows.get(flowIndex);
        if (flow != null && syn && !ack && flow.ended()
                && !(flow.isnKnown[0] && flow.isn[0] == packet.sequenceNumber())) {
            flow = null; // the 4-tuple is reused by a new connection
        }
        if (flow == null) {
            flow = newFlow(packet, syn && ack, srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort, packetIndex, now);
        }
        int direction = flow.isFromClient(srcHigh, srcLow, srcPort) ? 0 : 1;
        flow.packets++;
        flow.endNanos = now;
        flow.payloadBytes[direction] += packet.payloadWireLength();
        trackTcp(flow, packet, direction, syn, ack, now);

        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (!option.malformed()) {
                onOption(flow, packet, option, direction, syn, ack, frame);
            }
        }
        long dsn = PacketColumns.NO_DSN;
        if (flow.connection != Flow.NONE) {
            ConnectionState connection = connections.get(flow.connection);
            connection.endNanos = now;
            placePayload(flow, connection, packet, direction);
            if (context.payloadDsn != PacketContext.UNKNOWN) {
                dsn = context.payloadDsn - connection.dsnBase[flow.dataDirection(direction)];
            }
            columns.add(flow.index, flow.connection, dsn);
            columns.setMappingPacket(packetIndex, context.mappingPacket);
            notifyObservers(frame, packet, packetIndex, now, flow, direction, connection);
            paths.onPacket(context); // after, not in notifyObservers: that method is at the JIT's inlining limit
        } else {
            columns.add(flow.index, flow.connection, dsn);
        }
    }

    private void notifyObservers(Frame frame, DecodedPacket packet, int packetIndex, long now, Flow flow,
            int direction, ConnectionState connection) {
        context.frame = frame;
        context.packet = packet;
        context.packetIndex = packetIndex;
        context.nanos = now;
        context.flow = flow;
        context.direction = direction;
        context.connection = connection;
        context.side = flow.dataDirection(direction);
        data.onPacket(context);
        window.onPacket(context);
        checksums.onPacket(context);
        lifecycle.onPacket(context);
        addAddr.onPacket(context);
    }

    /**
     * The capture ended: what still waits for packets is settled (mappings missing bytes become
     * unverifiable and their packets are flagged). Before this, {@link #result()} counts them
     * unverifiable without flagging, so a live capture can take results and carry on.
     */
    public void finish() {
        checksums.finish();
    }

    /** The per-packet columns filled so far. */
    public PacketColumns columns() {
        return columns;
    }

    /** The results so far: call after the last packet (or at any time during a live capture). */
    public AnalysisResult result() {
        return result(List.of());
    }

    /** The results, with {@code readerWarnings} (damage in the trace) listed before the analysis's own. */
    public AnalysisResult result(List<String> readerWarnings) {
        List<MptcpConnection> mptcp = new ArrayList<>();
        for (ConnectionState connection : connections) {
            mptcp.add(ResultBuilder.connection(connection));
        }
        List<TcpConnection> tcp = new ArrayList<>();
        for (Flow flow : flows) {
            if (flow.connection == Flow.NONE) {
                tcp.add(ResultBuilder.tcpConnection(flow));
            }
        }
        List<String> all = new ArrayList<>(readerWarnings);
        all.addAll(warnings);
        return ExpertAnalysis.complete(new AnalysisResult(packets, mptcp, tcp, all), columns, paths.observations());
    }

    private Flow newFlow(DecodedPacket packet, boolean synAck, long srcHigh, long srcLow, int srcPort, long dstHigh,
            long dstLow, int dstPort, int packetIndex, long now) {
        // The client sent the SYN; a SYN/ACK comes from the server; without either, take the first sender.
        Flow flow = synAck
                ? new Flow(flows.size(), packet.ipVersion(), dstHigh, dstLow, dstPort, srcHigh, srcLow, srcPort,
                        packet.destinationAddress(), packet.sourceAddress(), packetIndex)
                : new Flow(flows.size(), packet.ipVersion(), srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort,
                        packet.sourceAddress(), packet.destinationAddress(), packetIndex);
        flow.startNanos = now;
        flows.add(flow);
        table.put(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort, flow.index);
        return flow;
    }

    private static void trackTcp(Flow flow, DecodedPacket packet, int direction, boolean syn, boolean ack, long now) {
        if (syn && !ack && direction == 0 && !flow.sawSyn) {
            flow.sawSyn = true;
            flow.synNanos = now;
            flow.isn[0] = packet.sequenceNumber();
            flow.isnKnown[0] = true;
            flow.windowScale[0] = packet.windowScale();
        } else if (syn && ack && direction == 1 && !flow.sawSynAck) {
            flow.sawSynAck = true;
            flow.isn[1] = packet.sequenceNumber();
            flow.isnKnown[1] = true;
            flow.windowScale[1] = packet.windowScale();
        } else if (!syn && ack && direction == 0 && flow.sawSyn && flow.sawSynAck && flow.handshakeRttNanos < 0) {
            flow.handshakeRttNanos = now - flow.synNanos;
        }
        if (packet.hasTcpFlag(DecodedPacket.TCP_FIN)) {
            flow.finSeen[direction] = true;
        }
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST)) {
            flow.reset = true;
        }
    }

    private void onOption(Flow flow, DecodedPacket packet, MptcpOption option, int direction, boolean syn,
            boolean ack, Frame frame) {
        switch (option.subtype()) {
            case MP_CAPABLE -> onCapable(flow, option, direction, syn, ack, frame);
            case MP_JOIN -> onJoin(flow, option, syn, ack, frame);
            case DSS -> onDss(flow, packet, option, direction, frame);
            case ADD_ADDR, REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE, MP_TCPRST -> {
                ConnectionState connection = ensureConnection(flow, frame);
                connection.event(option.subtype().name(), frame.timestampNanos(), frame.packetNumber(), flow.index,
                        OptionEvents.detail(option));
            }
            default -> { }
        }
    }

    private void onCapable(Flow flow, MptcpOption option, int direction, boolean syn, boolean ack, Frame frame) {
        if (syn && !ack) {
            flow.capableOnSyn = true;
            flow.checksumRequested |= option.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM);
            if (option.hasSenderKey() && !flow.synKeyKnown) {
                flow.synKey = option.senderKey();
                flow.synKeyKnown = true;
            }
            return;
        }
        if (syn) { // SYN/ACK
            flow.capableOnSynAck = true;
            if (flow.connection != Flow.NONE) {
                return; // a retransmitted SYN/ACK
            }
            ConnectionState connection = newConnection(flow);
            connection.version = option.version();
            connection.handshake = flow.capableOnSyn;
            if (flow.capableOnSyn) {
                connection.checksum = flow.checksumRequested || option.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM);
            }
            if (flow.synKeyKnown && connection.version == 0) {
                setKey(connection, 0, flow.synKey, flow, frame);
            }
            if (option.hasSenderKey()) {
                setKey(connection, 1, option.senderKey(), flow, frame);
            }
            connection.event("MP_CAPABLE", frame.timestampNanos(), frame.packetNumber(), flow.index,
                    (flow.capableOnSyn ? "handshake" : "SYN/ACK without its SYN in the trace") + ", version "
                            + connection.version + (connection.checksum == Boolean.TRUE ? ", checksums" : ""));
            return;
        }
        // Third ACK or first data packet: the sender's key, and in most layouts the receiver's too.
        ConnectionState connection = ensureConnection(flow, frame);
        if (connection.version == Flow.NONE) {
            connection.version = option.version();
        }
        int side = flow.dataDirection(direction);
        if (option.hasSenderKey()) {
            setKey(connection, side, option.senderKey(), flow, frame);
        }
        if (option.hasReceiverKey()) {
            setKey(connection, 1 - side, option.receiverKey(), flow, frame);
        }
        if (option.hasDataLevelLength() && option.dataLevelLength() > 0 && connection.keyKnown[side]) {
            // RFC 8684 3.1: data on the third ACK is mapped implicitly from IDSN + 1, subflow sequence 1.
            long dsn = connection.idsn[side] + 1;
            rememberDsn(connection, side, dsn);
            flow.mappings[direction].add(dsn, 1, option.dataLevelLength(), columns.size());
        }
    }

    private void onJoin(Flow flow, MptcpOption option, boolean syn, boolean ack, Frame frame) {
        switch (option.joinStage()) {
            case SYN -> {
                if (!syn || ack || flow.connection != Flow.NONE) {
                    return;
                }
                flow.join = true;
                flow.clientAddressId = option.addressId();
                flow.backup = option.backup();
                flow.clientNonce = option.senderNonce();
                flow.clientNonceSeen = true;
                ConnectionState connection = byToken.get(option.receiverToken());
                String detail;
                if (connection == null) {
                    connection = newConnection(flow);
                    connection.setToken(1, option.receiverToken());
                    byToken.put(option.receiverToken(), connection);
                    detail = "token " + hex8(option.receiverToken()) + " matches no MP_CAPABLE handshake in the trace";
                } else {
                    // The SYN carries the receiver's token: the server's when the connection's client joins.
                    flow.clientIsConnectionClient = !(connection.tokenKnown[0]
                            && connection.token[0] == option.receiverToken());
                    attach(flow, connection);
                    detail = "token " + hex8(option.receiverToken());
                }
                connection.event("MP_JOIN", frame.timestampNanos(), frame.packetNumber(), flow.index,
                        detail + ", address id " + option.addressId() + (option.backup() ? ", backup" : ""));
            }
            case SYN_ACK -> {
                flow.serverAddressId = option.addressId();
                flow.serverNonce = option.senderNonce();
                flow.serverNonceSeen = true;
                verifyJoin(flow, option, true, frame);
            }
            case ACK -> verifyJoin(flow, option, false, frame);
            default -> { }
        }
    }

    private void verifyJoin(Flow flow, MptcpOption option, boolean synAck, Frame frame) {
        if (flow.connection == Flow.NONE) {
            return;
        }
        ConnectionState connection = connections.get(flow.connection);
        Boolean verdict = joins.verify(connection, flow, option, synAck);
        if (verdict == null) {
            return;
        }
        if (verdict) {
            connection.hmacVerified++;
        } else {
            connection.hmacFailed++;
            String what = (synAck ? "MP_JOIN SYN/ACK" : "MP_JOIN third ACK") + " HMAC does not match the keys";
            connection.event("HMAC_MISMATCH", frame.timestampNanos(), frame.packetNumber(), flow.index, what);
            warnings.add("packet " + frame.packetNumber() + ": " + what + " of connection " + connection.index);
        }
    }

    private void onDss(Flow flow, DecodedPacket packet, MptcpOption option, int direction, Frame frame) {
        ConnectionState connection = ensureConnection(flow, frame);
        int side = flow.dataDirection(direction);
        if (option.hasDataAck()) {
            long dataAck = option.dataAck();
            if (!option.dataAckIs8Bytes()) {
                long reference = connection.lastDataAckKnown[side] ? connection.lastDataAck[side]
                        : connection.lastDsnKnown[1 - side] ? connection.lastDsn[1 - side]
                        : connection.keyKnown[1 - side] ? connection.idsn[1 - side] : dataAck;
                dataAck = DsnExpansion.expand(reference, dataAck);
            }
            connection.lastDataAck[side] = dataAck;
            connection.lastDataAckKnown[side] = true;
            context.dss = option;
            context.dataAck = dataAck;
        }
        if (!option.hasDataSequenceNumber()) {
            return;
        }
        long dsn = option.dataSequenceNumber();
        if (!option.dsnIs8Bytes()) {
            long reference = connection.lastDsnKnown[side] ? connection.lastDsn[side]
                    : connection.keyKnown[side] ? connection.idsn[side] : dsn;
            dsn = DsnExpansion.expand(reference, dsn);
        }
        rememberDsn(connection, side, dsn);
        context.dss = option;
        context.mappingDsn = dsn;
        if (option.dataFin() && !connection.dataFinSeen[side]) {
            connection.dataFinSeen[side] = true;
            connection.event("DATA_FIN", frame.timestampNanos(), frame.packetNumber(), flow.index,
                    side == 0 ? "from the client" : "from the server");
        }
        if (!option.hasDataLevelLength() || option.dataLevelLength() == 0) {
            return; // the infinite mapping: fallback, handled with the checksums later
        }
        flow.mappings[direction].add(dsn, option.subflowSequenceNumber(), option.dataLevelLength(), columns.size());
        if (!flow.isnKnown[direction] && packet.payloadWireLength() > 0) {
            // No SYN in the trace: assume this segment starts its mapping, as senders usually do.
            flow.isn[direction] = (packet.sequenceNumber() - option.subflowSequenceNumber()) & LOW_32;
            flow.isnKnown[direction] = true;
        }
    }

    private static void rememberDsn(ConnectionState connection, int side, long dsn) {
        connection.lastDsn[side] = dsn;
        connection.lastDsnKnown[side] = true;
        if (!connection.dsnBaseKnown[side]) {
            connection.dsnBase[side] = dsn;
            connection.dsnBaseKnown[side] = true;
            connection.baseFromFirstDsn = true;
        }
    }

    /**
     * The packet's relative subflow sequence number and the 64-bit DSN of its first payload byte,
     * from a recent mapping of its subflow direction, into the context.
     */
    private void placePayload(Flow flow, ConnectionState connection, DecodedPacket packet, int direction) {
        if (packet.payloadWireLength() == 0 || !flow.isnKnown[direction]) {
            return;
        }
        long relativeSeq = (packet.sequenceNumber() - flow.isn[direction]) & LOW_32;
        context.relativeSeq = relativeSeq;
        if (flow.mappings[direction].isEmpty() || !connection.dsnBaseKnown[flow.dataDirection(direction)]) {
            return;
        }
        int slot = flow.mappings[direction].find(relativeSeq);
        if (slot >= 0) {
            context.payloadDsn = flow.mappings[direction].dsnAt(slot, relativeSeq);
            context.mappingPacket = flow.mappings[direction].packetOf(slot);
        }
    }

    private void setKey(ConnectionState connection, int side, long key, Flow flow, Frame frame) {
        if (!connection.setKey(side, key)) {
            String what = (side == 0 ? "client" : "server") + " key changed from " + hex16(connection.key[side])
                    + " to " + hex16(key) + "; the first is kept";
            connection.event("KEY_CHANGE", frame.timestampNanos(), frame.packetNumber(), flow.index, what);
            warnings.add("packet " + frame.packetNumber() + ": " + what + " (connection " + connection.index + ")");
            return;
        }
        byToken.putIfAbsent(connection.token[side], connection);
    }

    private ConnectionState ensureConnection(Flow flow, Frame frame) {
        if (flow.connection != Flow.NONE) {
            return connections.get(flow.connection);
        }
        ConnectionState connection = newConnection(flow);
        connection.event("INCOMPLETE", frame.timestampNanos(), frame.packetNumber(), flow.index,
                "MPTCP options on a subflow whose handshake is not in the trace");
        return connection;
    }

    private ConnectionState newConnection(Flow flow) {
        ConnectionState connection = new ConnectionState(connections.size(), flow.startNanos);
        connections.add(connection);
        attach(flow, connection);
        return connection;
    }

    /** Puts the flow into the connection, and its earlier packets into the connection's column. */
    private void attach(Flow flow, ConnectionState connection) {
        flow.connection = connection.index;
        connection.subflows.add(flow);
        for (int i = flow.firstPacketIndex; i < columns.size(); i++) {
            if (columns.flowOfPacket(i) == flow.index) {
                columns.setConnection(i, connection.index);
            }
        }
    }

    static String hex8(long token) {
        return String.format("%08x", token & LOW_32);
    }

    static String hex16(long key) {
        return String.format("%016x", key);
    }
}
