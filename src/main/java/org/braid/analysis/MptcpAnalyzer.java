package org.braid.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.expert.ExpertAnalysis;
import org.braid.decode.DecodedPacket;
import org.braid.decode.IcmpHeader;
import org.braid.decode.IpText;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.decode.ProtocolNumbers;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.model.AnalysisResult;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.RoleBasis;
import org.braid.model.TcpConnection;

/**
 * The streaming MPTCP analysis: feed it every packet through {@link #onPacket} (a file pass or a
 * live capture), then call {@link #result()}. It keeps the flow table and hands each packet to its
 * parts in a fixed order: the {@link HandshakeTracker} (connections, keys, joins), the
 * {@link DssMapper} (DSNs and mappings), then the observers of the placed packet.
 *
 * <p>Ordinary packets cost one primitive hash lookup and some arithmetic; objects are allocated
 * only for new flows, handshakes and events.
 */
public final class MptcpAnalyzer implements PacketPass.Listener {

    private final FlowTable table = new FlowTable();
    private final List<Flow> flows = new ArrayList<>();
    private final PacketColumns columns;
    private final AnalysisWarnings warnings;
    private final FlowBudget budget = FlowBudget.forThisHeap();
    private final PacketContext context = new PacketContext();
    private final ConnectionRegistry registry;
    private final CaptureDamage damage = new CaptureDamage();
    // Direct fields rather than a list: each call site stays monomorphic and inlined.
    private final DssMapper dss;
    private final HandshakeTracker handshakes;
    // The observers fed every packet of a connection, in this order (the lifecycle reads what the
    // checksum verifier marked).
    private final DataTracker data;
    private final WindowTracker window;
    private final ChecksumVerifier checksums;
    private final LifecycleTracker lifecycle;
    private final AddAddrVerifier addAddr;
    private final PathTracker paths;
    private long packets;

    public MptcpAnalyzer() {
        this(1024, "trace");
    }

    /** An analyzer whose per-packet columns and path samples start with room for {@code expectedPackets}. */
    public MptcpAnalyzer(int expectedPackets) {
        this(expectedPackets, "trace");
    }

    /**
     * An analyzer whose per-packet columns and path samples start with room for
     * {@code expectedPackets}, and whose warnings name {@code file}.
     */
    public MptcpAnalyzer(int expectedPackets, String file) {
        this(new PacketColumns(expectedPackets), expectedPackets, file);
    }

    /** An analyzer for the result alone: its columns keep no per-packet DSNs (see {@link PacketColumns}). */
    static MptcpAnalyzer forResultOnly(String file) {
        return new MptcpAnalyzer(new PacketColumns(1024, false), 1024, file);
    }

    private MptcpAnalyzer(PacketColumns columns, int expectedPackets, String file) {
        this.columns = columns;
        warnings = new AnalysisWarnings(file);
        registry = new ConnectionRegistry(columns);
        dss = new DssMapper(registry, columns, context);
        handshakes = new HandshakeTracker(registry, dss, warnings);
        data = new DataTracker(columns);
        window = new WindowTracker(columns);
        checksums = new ChecksumVerifier(columns);
        lifecycle = new LifecycleTracker(columns);
        addAddr = new AddAddrVerifier(columns, warnings);
        paths = new PathTracker(columns, expectedPackets);
    }

    /**
     * Whether a mapped trace is read on a second thread ({@link ReadAheadPass}) when there is one;
     * on unless {@code -Dbraid.readAhead=false}. {@code braid bench --analyze} measures both.
     */
    public static final boolean READ_AHEAD = !"false".equals(System.getProperty("braid.readAhead"));

    /** Opens, reads and closes a trace file: the one call for analysing a file. */
    public static AnalysisResult analyze(Path trace) throws IOException {
        return analyze(trace, READ_AHEAD);
    }

    /** As {@link #analyze(Path)}, reading ahead on a second thread or all on the caller's. */
    public static AnalysisResult analyze(Path trace, boolean readAhead) throws IOException {
        try (PacketSource source = TraceReader.open(trace)) {
            return analyze(source, readAhead);
        }
    }

    /** Reads a whole trace and returns what it holds, reader warnings included. */
    public static AnalysisResult analyze(PacketSource source) throws IOException {
        return analyze(source, READ_AHEAD);
    }

    /** As {@link #analyze(PacketSource)}; without {@code readAhead}, all on the caller's thread. */
    public static AnalysisResult analyze(PacketSource source, boolean readAhead) throws IOException {
        return analyze(forResultOnly(source.name()), source, readAhead);
    }

    /**
     * As {@link #analyze(PacketSource)}, on one thread, keeping what the window keeps: the
     * per-packet detail and the in-flight samples its charts draw, in the result's path metrics.
     */
    public static AnalysisResult analyzeWithPacketDetail(PacketSource source) throws IOException {
        return analyze(new MptcpAnalyzer(1024, source.name()), source, false);
    }

    /** As {@link #analyze(PacketSource, boolean)} reading ahead, the reader thread starting after {@code alone} packets. */
    static AnalysisResult analyzeReadingAheadAfter(PacketSource source, int alone) throws IOException {
        MptcpAnalyzer analyzer = forResultOnly(source.name());
        ReadAheadPass.run(source, analyzer, alone);
        analyzer.finish();
        return analyzer.result(source.warnings());
    }

    private static AnalysisResult analyze(MptcpAnalyzer analyzer, PacketSource source, boolean readAhead)
            throws IOException {
        if (readAhead) {
            ReadAheadPass.run(source, analyzer);
        } else {
            PacketPass.run(source, analyzer);
        }
        analyzer.finish();
        return analyzer.result(source.warnings());
    }

    @Override
    public void onPacket(Frame frame, DecodedPacket packet) {
        int packetIndex = columns.size();
        packets++;
        context.reset();
        if (packet.warningCount() > 0) {
            warnings.decodeWarnings(frame, packet);
        }
        damage.onPacket(frame, packet);
        if (!packet.hasTcp()) {
            columns.add(Flow.NONE, Flow.NONE, PacketColumns.NO_DSN);
            if (packet.hasIcmp() && packet.icmp().isError()) {
                icmpError(frame, packet);
            }
            return;
        }
        long srcHigh;
        long srcLow;
        long dstHigh;
        long dstLow;
        if (packet.ipVersion() == 4) {
            srcHigh = 0;
            srcLow = IpText.ipv4Mapped(packet.sourceIpv4()); // keyed as IPv4-mapped IPv6
            dstHigh = 0;
            dstLow = IpText.ipv4Mapped(packet.destinationIpv4());
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
            if (!budget.admits(flows.size(), frame, warnings)) {
                columns.add(Flow.NONE, Flow.NONE, PacketColumns.NO_DSN);
                return;
            }
            flow = newFlow(packet, syn, ack, srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort, packetIndex, now);
        } else if (flow.roles.compareTo(RoleBasis.MPTCP_OPTION) > 0 && flow.connection == Flow.NONE && !syn
                && !flow.isFromClient(srcHigh, srcLow, srcPort) && sentOnlyByClients(packet)) {
            flow.swapRoles(RoleBasis.MPTCP_OPTION); // the guess from ports or the first packet was wrong
        } else if (flow.roles.compareTo(RoleBasis.MPTCP_OPTION) > 0 && flow.connection == Flow.NONE && !syn
                && packet.mptcpOptionCount() > 0) {
            int guessed = flow.isFromClient(srcHigh, srcLow, srcPort) ? 0 : 1;
            Boolean same = registry.orientationFor(flow, packet, guessed, now);
            if (same != null && !same) {
                flow.swapRoles(RoleBasis.MPTCP_OPTION); // the connection it belongs to knows better
            } else if (same != null) {
                flow.roles = RoleBasis.MPTCP_OPTION;
            }
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
            ConnectionState connection = registry.get(flow.connection);
            connection.endNanos = now;
            dss.placePayload(flow, connection, packet, direction);
            int side = flow.dataDirection(direction);
            if (context.payloadDsn != PacketContext.UNKNOWN) {
                dsn = context.payloadDsn - connection.side(side).dsnBase;
            }
            columns.add(flow.index, flow.connection, dsn);
            if (side == 1) {
                columns.addFlags(packetIndex, PacketColumns.SERVER_DATA);
            }
            columns.setMappingPacket(packetIndex, context.mappingPacket);
            notifyObservers(frame, packet, packetIndex, now, flow, direction, connection);
            paths.onPacket(context); // after, not in notifyObservers: that method is at the JIT's inlining limit
        } else {
            columns.add(flow.index, flow.connection, dsn);
            // Not (yet) a subflow: its bytes have no DSN, which keeps a subflow's categories adding up.
            flow.data.unmappedBytes[direction] += packet.payloadWireLength();
        }
    }

    /**
     * An ICMP error quoting a TCP segment of a subflow: the path's own word on why the subflow
     * suffers (a router's fragmentation needed, an unreachable address). The quote's 4-tuple finds
     * the flow; the error itself stays outside it, as in Wireshark.
     */
    private void icmpError(Frame frame, DecodedPacket packet) {
        IcmpHeader m = packet.icmp();
        if (m.innerTransportOffset() < 0 || m.innerProtocol() != ProtocolNumbers.PROTOCOL_TCP) {
            return;
        }
        long srcHigh = m.innerSourceHigh();
        long srcLow = m.innerSourceLow();
        int flowIndex = table.get(srcHigh, srcLow, m.innerSourcePort(), m.innerDestinationHigh(),
                m.innerDestinationLow(), m.innerDestinationPort());
        Flow flow = flowIndex < 0 ? null : flows.get(flowIndex);
        if (flow == null || flow.connection == Flow.NONE) {
            return;
        }
        int direction = flow.isFromClient(srcHigh, srcLow, m.innerSourcePort()) ? 0 : 1;
        paths.onIcmpError(new PathObservations.IcmpError(flow.connection, flow.index, direction, frame.packetNumber(),
                frame.timestampNanos(), m.v6(), m.type(), m.code(), m.nextHopMtu(), packet.sourceAddress()));
    }

    /** MP_CAPABLE without SYN, and the MP_JOIN third ACK, come only from the subflow's client. */
    private static boolean sentOnlyByClients(DecodedPacket packet) {
        MptcpOption capable = packet.firstMptcpOption(MptcpSubtype.MP_CAPABLE);
        if (capable != null && !capable.malformed()) {
            return true;
        }
        MptcpOption join = packet.firstMptcpOption(MptcpSubtype.MP_JOIN);
        return join != null && !join.malformed() && join.joinStage() == MptcpOption.JoinStage.ACK;
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
        clearUncheckedBeyondWindow();
    }

    /** Beyond-window flags of connections whose capture lost packets: the lost ones could have moved the edge. */
    private void clearUncheckedBeyondWindow() {
        boolean any = false;
        for (ConnectionState connection : registry.live()) {
            any |= connection.data.captureLostBytes > 0;
        }
        if (!any) {
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            int flow = columns.flowOfPacket(i);
            if (flow >= 0 && columns.hasFlag(i, PacketColumns.BEYOND_WINDOW)
                    && registry.get(flows.get(flow).connection).data.captureLostBytes > 0) {
                columns.clearFlags(i, PacketColumns.BEYOND_WINDOW);
            }
        }
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
    public AnalysisResult result(List<TraceWarning> readerWarnings) {
        List<MptcpConnection> mptcp = new ArrayList<>();
        for (ConnectionState connection : registry.live()) {
            mptcp.add(ResultBuilder.connection(connection, columns.connectionNumber(connection.index)));
        }
        List<TcpConnection> tcp = new ArrayList<>();
        for (Flow flow : flows) {
            if (flow.connection == Flow.NONE) {
                tcp.add(ResultBuilder.tcpConnection(flow));
            }
        }
        List<org.braid.model.AnalysisWarning> all = warnings.all(readerWarnings);
        all.addAll(damage.warnings(warnings.file(), !registry.live().isEmpty()));
        all.addAll(CaptureLossWarnings.of(warnings.file(), registry.live(), columns));
        return ExpertAnalysis.complete(new AnalysisResult(packets, mptcp, tcp, all), columns, paths.observations());
    }

    private Flow newFlow(DecodedPacket packet, boolean syn, boolean ack, long srcHigh, long srcLow, int srcPort,
            long dstHigh, long dstLow, int dstPort, int packetIndex, long now) {
        RoleBasis basis;
        boolean senderIsClient;
        if (syn) {
            basis = RoleBasis.HANDSHAKE;
            senderIsClient = !ack; // the client sent the SYN; a SYN/ACK comes from the server
        } else if (sentOnlyByClients(packet)) {
            basis = RoleBasis.MPTCP_OPTION;
            senderIsClient = true;
        } else {
            int byPorts = ServerPort.compare(srcPort, dstPort);
            basis = byPorts == 0 ? RoleBasis.FIRST_PACKET : RoleBasis.PORTS;
            senderIsClient = byPorts >= 0;
        }
        Flow flow = senderIsClient
                ? new Flow(flows.size(), packet.ipVersion(), srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort,
                        packet.sourceAddress(), packet.destinationAddress(), packetIndex)
                : new Flow(flows.size(), packet.ipVersion(), dstHigh, dstLow, dstPort, srcHigh, srcLow, srcPort,
                        packet.destinationAddress(), packet.sourceAddress(), packetIndex);
        flow.roles = basis;
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
            flow.synPayload[0] = packet.payloadWireLength();
            flow.fastOpenData[0] = packet.payloadWireLength();
            flow.windowScale[0] = packet.windowScale();
        } else if (syn && ack && direction == 1 && !flow.sawSynAck) {
            flow.sawSynAck = true;
            flow.isn[1] = packet.sequenceNumber();
            flow.isnKnown[1] = true;
            flow.synPayload[1] = packet.payloadWireLength();
            flow.fastOpenData[1] = packet.payloadWireLength();
            flow.windowScale[1] = packet.windowScale();
            if (flow.sawSyn && packet.acknowledgmentNumber() == ((flow.isn[0] + 1) & 0xffffffffL)) {
                flow.fastOpenData[0] = 0; // the server acknowledged the SYN alone: its data was refused
            }
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
            case MP_CAPABLE -> handshakes.onCapable(flow, packet, option, direction, syn, ack, frame);
            case MP_JOIN -> handshakes.onJoin(flow, option, syn, ack, frame);
            case DSS -> dss.onDss(flow, packet, option, direction, frame);
            case ADD_ADDR, REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE, MP_TCPRST -> {
                ConnectionState connection = registry.ensureConnection(flow, packet, direction, frame);
                // An MP_FAIL's DSN is in the data space of the side that does not send it.
                ConnectionSide dataSender = connection.side(1 - flow.dataDirection(direction));
                connection.event(EventType.ofOption(option.subtype().name()), frame.timestampNanos(), frame.packetNumber(), flow.index,
                        OptionEvents.detail(option, dataSender));
            }
            default -> { }
        }
    }
}
