package org.braid.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.decode.IpText;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.model.BackupChange;
import org.braid.model.PathMetrics;
import org.braid.model.PathSamples;

/**
 * Path measurements of MPTCP subflows in the streaming pass: RTT samples from data/ACK pairs and
 * handshakes (Karn's rule: a retransmission voids the timing of what it repeats), bytes in flight
 * per subflow direction, and the periods the expert findings rest on (silences, DATA_ACK stalls,
 * retransmissions, backup use, address announcements). State lives in one {@link PathState} object
 * per subflow and per connection; ordinary packets allocate nothing (the sample columns grow a
 * chunk at a time, and the results share them). The analyzer calls it after its other observers, outside their shared method, so the
 * JIT keeps inlining those as before.
 */
final class PathTracker implements PacketObserver {
    /** Segments timed per subflow direction at once; older ones are dropped from the timing (a power of two). */
    static final int TIMED_SEGMENTS = 256;
    /** The shortest silence of a subflow reported. */
    static final long SILENCE_NANOS = 500_000_000L;
    /** The shortest DATA_ACK stall reported. */
    static final long STALL_NANOS = 200_000_000L;
    /** A subflow that answered within this time is up. */
    static final long UP_NANOS = 1_000_000_000L;
    /** Cut packets listed per connection as evidence (all are counted). */
    static final int MAX_CUT_EVIDENCE = 1000;

    private final PacketColumns columns;

    private PathState.Subflow[] subflows = new PathState.Subflow[16];
    private PathState.Connection[] connectionStates = new PathState.Connection[8];

    // Narrow sample tables, shared with the results.
    private final PathSamples rtt;
    /**
     * Bytes in flight, with the flow index times two plus the data side as the flow: about one
     * sample a packet, drawn by the window's charts alone, so a whole-trace result does not keep them.
     */
    private final PathSamples flight;

    private final List<PathObservations.Silence> silences = new ArrayList<>();
    private final RetransmissionLog retransmissions = new RetransmissionLog();
    private final List<PathObservations.DataAckStall> stalls = new ArrayList<>();
    private final List<PathObservations.Announcement> announcements = new ArrayList<>();
    private final List<PathObservations.IcmpError> icmpErrors = new ArrayList<>();

    /**
     * A tracker whose sample columns start with room for {@code expectedPackets} (about one
     * in-flight change a packet, an RTT sample every other one at most), as the analyzer's own
     * columns do.
     */
    PathTracker(PacketColumns columns, int expectedPackets) {
        this.columns = columns;
        rtt = new PathSamples(expectedPackets / 2);
        flight = new PathSamples(columns.keepsPacketDetail() ? expectedPackets : 0);
    }

    /** An ICMP error about a segment of a subflow (found by the analyzer from the segment it quotes). */
    void onIcmpError(PathObservations.IcmpError error) {
        icmpErrors.add(error);
    }

    @Override
    public void onPacket(PacketContext c) {
        DecodedPacket packet = c.packet;
        Flow flow = c.flow;
        PathState.Connection connection = connection(c.connection);
        PathState.Subflow subflow = subflow(flow.index, c, connection);
        subflow.lastPacketNanos = c.nanos;
        if (c.frame.capturedLength() < c.frame.originalLength()) {
            cut(c, connection);
        }
        if (packet.mptcpOptionCount() > 1 || packet.mptcpOptionCount() == 1
                && packet.mptcpOption(0).subtype() != MptcpSubtype.DSS) {
            addresses(c);
        }
        if (c.dataAck != PacketContext.UNKNOWN) {
            dataAck(c, connection.directions[1 - c.side]); // a DATA_ACK acknowledges the other side's data
        }
        int payload = packet.payloadWireLength();
        if (payload > 0 && c.payloadDsn != PacketContext.UNKNOWN) {
            dataRange(c, connection.directions[c.side], payload);
        }
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST)) {
            return;
        }
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        boolean ackFlag = packet.hasTcpFlag(DecodedPacket.TCP_ACK);
        int sampledBefore = rtt.size();
        if (ackFlag) {
            acknowledged(c, subflow.spaces[1 - c.direction], connection, packet.acknowledgmentNumber());
        }
        if (syn && ackFlag && c.direction == 1 && !subflow.handshakeSampled) {
            subflow.handshakeSampled = true;
            if (rtt.size() == sampledBefore && flow.sawSyn && c.nanos >= flow.synNanos) {
                sample(c, c.nanos - flow.synNanos); // the SYN came before the flow was MPTCP
            }
        }
        if (payload > 0 && subflow.removal != null) {
            subflow.removal.sentAfter(payload, c.frame.packetNumber());
        }
        int length = payload + (syn ? 1 : 0) + (packet.hasTcpFlag(DecodedPacket.TCP_FIN) ? 1 : 0);
        if (length > 0) {
            sent(c, subflow, connection, packet.sequenceNumber(), length, payload);
        }
    }

    private void acknowledged(PacketContext c, PathState.Space space, PathState.Connection connection, long rawAck) {
        if (!space.started) {
            return;
        }
        long ack = unwrap(space.highest, rawAck);
        if (space.ackKnown && ack <= space.highestAck) {
            return;
        }
        if (ack > space.highest) {
            lost(c, connection, ack - space.highest);
            space.highest = ack; // what was acknowledged was sent, captured or not
        }
        space.ackKnown = true;
        space.highestAck = ack;
        space.ackAdvancedNanos = c.nanos;
        space.ackAdvancedPacket = c.frame.packetNumber();
        long[] ends = space.timedEnd;
        if (ends != null) {
            long lastNanos = -1;
            int head = space.timedHead;
            int size = space.timedSize;
            while (size > 0 && ends[head] <= ack) {
                lastNanos = space.timedNanos[head];
                head = (head + 1) & (TIMED_SEGMENTS - 1);
                size--;
            }
            space.timedHead = head;
            space.timedSize = size;
            if (lastNanos >= 0) {
                sample(c, c.nanos - lastNanos);
            }
        }
        flight(c, space, 1 - c.direction);
    }

    private void sent(PacketContext c, PathState.Subflow subflow, PathState.Connection connection, long rawSeq,
            int length, int payload) {
        PathState.Space space = subflow.spaces[c.direction];
        if (!space.started) {
            space.started = true;
            space.highest = rawSeq;
            space.ackKnown = true;
            space.highestAck = rawSeq; // nothing before the first segment seen is outstanding
            space.ackAdvancedNanos = c.nanos;
        }
        long start = unwrap(space.highest, rawSeq);
        long end = start + length;
        boolean fresh = start >= space.highest;
        if (!fresh) {
            forgetTimed(space, start); // Karn: what this repeats can no longer be timed
            if (payload > 0 && columns.hasFlag(c.packetIndex, PacketColumns.TCP_RETRANSMISSION)) {
                retransmissions.add(c.connection.index, c.flow.index, c.direction, c.frame.packetNumber(), c.nanos,
                        start, space.ackAdvancedNanos, space.ackAdvancedPacket);
            }
        } else {
            time(space, end, c.nanos);
        }
        if (end > space.highest) {
            space.highest = end;
            flight(c, space, c.direction);
            if (payload > 0 && fresh) {
                newData(c, subflow, connection, payload);
            }
        }
    }

    private void newData(PacketContext c, PathState.Subflow subflow, PathState.Connection connection, int payload) {
        long gap = c.nanos - subflow.lastNewDataNanos;
        long others = connection.bytes - subflow.connectionBytesAtLast;
        if (gap >= SILENCE_NANOS && others > 0) {
            silences.add(new PathObservations.Silence(c.connection.index, c.flow.index, subflow.lastNewDataNanos,
                    subflow.lastNewDataPacket, c.nanos, c.frame.packetNumber(), others, backup(c.flow), false));
        }
        connection.bytes += payload;
        connection.lastDataNanos = c.nanos;
        subflow.lastNewDataNanos = c.nanos;
        subflow.lastNewDataPacket = c.frame.packetNumber();
        subflow.connectionBytesAtLast = connection.bytes;
        if (backup(c.flow) && !columns.hasFlag(c.packetIndex, PacketColumns.REINJECTION)) {
            Flow primary = primaryUp(c);
            if (primary != null) {
                if (subflow.backupUse == null) {
                    subflow.backupUse = new BackupUseState(c.connection.index, primary.index, c.nanos);
                }
                subflow.backupUse.add(c.nanos, payload, c.frame.packetNumber());
            }
        }
    }

    /** A subflow of the connection, not backup, not ended, that sent a packet within {@link #UP_NANOS}. */
    private Flow primaryUp(PacketContext c) {
        List<Flow> all = c.connection.subflows;
        for (int i = 0; i < all.size(); i++) {
            Flow other = all.get(i);
            PathState.Subflow state = other.index < subflows.length ? subflows[other.index] : null;
            if (other != c.flow && state != null && !other.ended() && !backup(other)
                    && c.nanos - state.lastPacketNanos <= UP_NANOS) {
                return other;
            }
        }
        return null;
    }

    /** The subflow's backup flag now: its MP_JOIN's, or the last MP_PRIO's. */
    private static boolean backup(Flow flow) {
        List<BackupChange> changes = flow.history.backupChanges;
        return changes.isEmpty() ? flow.backup : changes.get(changes.size() - 1).backup();
    }

    private static void time(PathState.Space space, long end, long nanos) {
        if (space.timedEnd == null) {
            space.timedEnd = new long[TIMED_SEGMENTS];
            space.timedNanos = new long[TIMED_SEGMENTS];
        }
        if (space.timedSize == TIMED_SEGMENTS) {
            space.timedHead = (space.timedHead + 1) & (TIMED_SEGMENTS - 1);
            space.timedSize--;
        }
        int at = (space.timedHead + space.timedSize) & (TIMED_SEGMENTS - 1);
        space.timedEnd[at] = end;
        space.timedNanos[at] = nanos;
        space.timedSize++;
    }

    /** Drops the timed segments that end after {@code start} (the newest ones, at the tail). */
    private static void forgetTimed(PathState.Space space, long start) {
        long[] ends = space.timedEnd;
        while (space.timedSize > 0) {
            int last = (space.timedHead + space.timedSize - 1) & (TIMED_SEGMENTS - 1);
            if (ends[last] <= start) {
                return;
            }
            space.timedSize--;
        }
    }

    private void flight(PacketContext c, PathState.Space space, int direction) {
        long inFlight = Math.max(0, space.highest - space.highestAck);
        if (inFlight == space.lastFlight) {
            return;
        }
        space.lastFlight = inFlight;
        if (columns.keepsPacketDetail()) {
            flight.add(c.flow.index * 2 + c.flow.dataDirection(direction), c.frame.packetNumber(), c.nanos, inFlight);
        }
    }

    private void sample(PacketContext c, long value) {
        rtt.add(c.flow.index, c.frame.packetNumber(), c.nanos, value);
    }

    private void dataAck(PacketContext c, PathState.DataDirection d) {
        long value = c.dataAck;
        if (d.ackKnown && value <= d.dataAck) {
            return;
        }
        if (d.ackKnown) {
            closeStall(c.connection.index, 1 - c.side, d, c.nanos, c.frame.packetNumber(), true);
        }
        d.ackKnown = true;
        d.dataAck = value;
        d.ackNanos = c.nanos;
        d.ackPacket = c.frame.packetNumber();
        d.bytesAbove = 0;
        d.firstAbovePacket = 0;
        d.holderFlow = d.senders == null ? -1 : d.senders.senderOf(value);
    }

    private void closeStall(int k, int side, PathState.DataDirection d, long nanos, long packet, boolean resolved) {
        if (nanos - d.ackNanos >= STALL_NANOS && d.bytesAbove > 0) {
            stalls.add(new PathObservations.DataAckStall(k, side, d.holderFlow, d.ackNanos, d.ackPacket, nanos, packet,
                    d.bytesAbove, d.firstAbovePacket, resolved));
        }
    }

    /** Data-level bookkeeping of a payload packet: its DSN range, and bytes sent above a held DATA_ACK. */
    private static void dataRange(PacketContext c, PathState.DataDirection d, int payload) {
        if (d.senders == null) {
            d.senders = new DsnSenders();
        }
        long dsn = c.payloadDsn;
        d.senders.add(c.flow.index, dsn, dsn + payload);
        if (!d.ackKnown) {
            return;
        }
        if (d.holderFlow < 0 && dsn <= d.dataAck && d.dataAck < dsn + payload) {
            d.holderFlow = c.flow.index;
        } else if (dsn > d.dataAck && c.flow.index != d.holderFlow && d.holderFlow >= 0) {
            if (d.firstAbovePacket == 0) {
                d.firstAbovePacket = c.frame.packetNumber();
            }
            d.bytesAbove += payload;
        }
    }

    /** A packet cut short by the snap length: counted per connection, the first ones kept as evidence. */
    private static void cut(PacketContext c, PathState.Connection connection) {
        if (connection.cutPackets++ < MAX_CUT_EVIDENCE) {
            if (connection.cutEvidence == null) {
                connection.cutEvidence = new LongList();
            }
            connection.cutEvidence.add(c.frame.packetNumber());
        }
    }

    /** An ACK beyond every sequence number captured in its direction: the capture missed {@code bytes}. */
    private static void lost(PacketContext c, PathState.Connection connection, long bytes) {
        if (connection.lossEvidence == null) {
            connection.lossEvidence = new LongList();
        }
        connection.lostBytes += bytes;
        if (connection.lossEvidence.size() < MAX_CUT_EVIDENCE) {
            connection.lossEvidence.add(c.frame.packetNumber());
        }
    }

    private void addresses(PacketContext c) {
        DecodedPacket packet = c.packet;
        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (option.malformed()) {
                continue;
            }
            if (option.subtype() == MptcpSubtype.ADD_ADDR && !option.echo()) {
                String address = option.addressIpVersion() == 4 ? IpText.ipv4(option.address4())
                        : IpText.ipv6(option.address6High(), option.address6Low());
                announcements.add(new PathObservations.Announcement(c.connection.index, c.flow.index, c.side,
                        c.frame.packetNumber(), c.nanos, option.addressId(), address,
                        option.hasPort() ? option.port() : null));
            } else if (option.subtype() == MptcpSubtype.REMOVE_ADDR) {
                for (int r = 0; r < option.removedIdCount(); r++) {
                    removed(c, option.removedId(r));
                }
            }
        }
    }

    /** A subflow whose address (on the remover's side) has the removed id, with its data in flight. */
    private void removed(PacketContext c, int id) {
        for (Flow flow : c.connection.subflows) {
            boolean removerIsFlowClient = flow.dataDirection(0) == c.side;
            int flowId = removerIsFlowClient ? (flow.join ? flow.clientAddressId : 0)
                    : (flow.join ? flow.serverAddressId : 0);
            PathState.Subflow state = flow.index < subflows.length ? subflows[flow.index] : null;
            if (flowId != id || state == null) {
                continue;
            }
            if (state.removal == null) {
                long inFlight = state.spaces[0].lastFlight + state.spaces[1].lastFlight;
                state.removal = new RemovalState(c.connection.index, c.frame.packetNumber(), c.nanos, id, inFlight);
            }
        }
    }

    /** What was seen so far; trailing silences and unresolved stalls are closed at the end of each connection. */
    PathObservations observations() {
        List<PathObservations.Silence> allSilences = new ArrayList<>(silences);
        List<PathObservations.DataAckStall> allStalls = new ArrayList<>(stalls);
        List<PathObservations.BackupUse> uses = new ArrayList<>();
        List<PathObservations.Removal> allRemovals = new ArrayList<>();
        List<PathObservations.SnapCut> cuts = new ArrayList<>();
        List<PathObservations.CaptureLoss> losses = new ArrayList<>();
        long[] lastData = new long[connectionStates.length];
        for (PathState.Connection state : connectionStates) {
            if (state == null) {
                continue;
            }
            ConnectionState connection = state.model;
            int k = connection.index;
            lastData[k] = state.lastDataNanos;
            for (Flow flow : connection.subflows) {
                PathState.Subflow subflow = flow.index < subflows.length ? subflows[flow.index] : null;
                if (subflow == null) {
                    continue;
                }
                long end = flow.history.endPacket != 0 ? Math.min(flow.history.endNanos, state.lastDataNanos)
                        : state.lastDataNanos;
                long others = state.bytes - subflow.connectionBytesAtLast;
                if (end - subflow.lastNewDataNanos >= SILENCE_NANOS && others > 0) {
                    allSilences.add(new PathObservations.Silence(k, flow.index, subflow.lastNewDataNanos,
                            subflow.lastNewDataPacket, end, 0, others, backup(flow), true));
                }
                if (subflow.backupUse != null) {
                    uses.add(subflow.backupUse.toRecord(flow.index));
                }
                if (subflow.removal != null) {
                    allRemovals.add(subflow.removal.toRecord(flow.index));
                }
            }
            for (int side = 0; side < 2; side++) {
                PathState.DataDirection d = state.directions[side];
                if (d.ackKnown && connection.endNanos - d.ackNanos >= STALL_NANOS && d.bytesAbove > 0) {
                    allStalls.add(new PathObservations.DataAckStall(k, side, d.holderFlow, d.ackNanos, d.ackPacket,
                            connection.endNanos, 0, d.bytesAbove, d.firstAbovePacket, false));
                }
            }
            if (state.cutPackets > 0) {
                cuts.add(new PathObservations.SnapCut(k, state.cutPackets, state.cutEvidence.toArray()));
            }
            if (state.lostBytes > 0) {
                losses.add(new PathObservations.CaptureLoss(k, state.lostBytes, state.lossEvidence.toArray()));
            }
        }
        PathMetrics metrics = new PathMetrics(rtt, flight);
        return new PathObservations(metrics, allSilences, retransmissions.records(), allStalls, uses,
                List.copyOf(announcements), allRemovals, cuts, losses, List.copyOf(icmpErrors), lastData)
                .renumbered(columns::connectionNumber);
    }

    /** Unwraps a 32-bit sequence number to the 64-bit value nearest {@code reference}. */
    private static long unwrap(long reference, long raw) {
        return reference + (int) (raw - reference);
    }

    /** The subflow's state, made at its first packet (a join's silence counts from there). */
    private PathState.Subflow subflow(int f, PacketContext c, PathState.Connection connection) {
        if (f >= subflows.length) {
            subflows = Arrays.copyOf(subflows, Math.max(subflows.length * 2, f + 1));
        }
        PathState.Subflow state = subflows[f];
        if (state == null) {
            state = new PathState.Subflow();
            state.lastNewDataNanos = c.nanos;
            state.lastNewDataPacket = c.frame.packetNumber();
            state.connectionBytesAtLast = connection.bytes;
            subflows[f] = state;
        }
        return state;
    }

    private PathState.Connection connection(ConnectionState connection) {
        int k = connection.index;
        if (k >= connectionStates.length) {
            connectionStates = Arrays.copyOf(connectionStates, Math.max(connectionStates.length * 2, k + 1));
        }
        PathState.Connection state = connectionStates[k];
        if (state == null) {
            state = new PathState.Connection(connection);
            connectionStates[k] = state;
        }
        return state;
    }

    /** A REMOVE_ADDR that named a subflow's address, and what the subflow sent after it. */
    static final class RemovalState {
        final int connection;
        final long packet;
        final long nanos;
        final int addressId;
        final long inFlight;
        long bytesAfter;
        final LongList packetsAfter = new LongList();

        RemovalState(int connection, long packet, long nanos, int addressId, long inFlight) {
            this.connection = connection;
            this.packet = packet;
            this.nanos = nanos;
            this.addressId = addressId;
            this.inFlight = inFlight;
        }

        void sentAfter(int payload, long packetNumber) {
            bytesAfter += payload;
            packetsAfter.add(packetNumber);
        }

        PathObservations.Removal toRecord(int flow) {
            return new PathObservations.Removal(connection, flow, packet, nanos, addressId, inFlight, bytesAfter,
                    packetsAfter.toArray());
        }
    }

    /** New data a backup subflow sent while a primary was up. */
    static final class BackupUseState {
        final int connection;
        final int primary;
        final long firstNanos;
        long lastNanos;
        long bytes;
        final LongList packets = new LongList();

        BackupUseState(int connection, int primary, long firstNanos) {
            this.connection = connection;
            this.primary = primary;
            this.firstNanos = firstNanos;
        }

        void add(long nanos, int payload, long packet) {
            lastNanos = nanos;
            bytes += payload;
            packets.add(packet);
        }

        PathObservations.BackupUse toRecord(int flow) {
            return new PathObservations.BackupUse(connection, flow, primary, firstNanos, lastNanos, bytes,
                    packets.toArray());
        }
    }
}
