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

/**
 * Path measurements of MPTCP subflows in the streaming pass: RTT samples from data/ACK pairs and
 * handshakes (Karn's rule: a retransmission voids the timing of what it repeats), bytes in flight
 * per subflow direction, and the periods the expert findings rest on (silences, DATA_ACK stalls,
 * retransmissions, backup use, address announcements). State lives in primitive arrays indexed by
 * flow and connection; ordinary packets allocate nothing (the sample columns grow by doubling).
 */
final class PathTracker implements PacketObserver {
    /** Segments timed per subflow direction at once; older ones are dropped from the timing. */
    static final int TIMED_SEGMENTS = 256;
    /** Data-level ranges remembered per connection direction, to find which subflow sent a DSN. */
    static final int DSN_RANGES = 512;
    /** The shortest silence of a subflow reported. */
    static final long SILENCE_NANOS = 500_000_000L;
    /** The shortest DATA_ACK stall reported. */
    static final long STALL_NANOS = 200_000_000L;
    /** A subflow that answered within this time is up. */
    static final long UP_NANOS = 1_000_000_000L;
    /** Cut packets listed per connection as evidence (all are counted). */
    static final int MAX_CUT_EVIDENCE = 1000;

    private final PacketColumns columns;

    // Per flow direction (index flow * 2 + direction): sequence space of the data sent that way.
    private boolean[] started = new boolean[0];
    private long[] highest = new long[0];
    private boolean[] ackKnown = new boolean[0];
    private long[] highestAck = new long[0];
    private long[] ackAdvancedNanos = new long[0];
    private long[] ackAdvancedPacket = new long[0];
    private long[] lastFlight = new long[0];
    private long[][] timedEnd = new long[0][];
    private long[][] timedNanos = new long[0][];
    private int[] timedHead = new int[0];
    private int[] timedSize = new int[0];
    // Per flow.
    private boolean[] seen = new boolean[0];
    private long[] lastNewDataNanos = new long[0];
    private long[] lastNewDataPacket = new long[0];
    private long[] connectionBytesAtLast = new long[0];
    private long[] lastPacketNanos = new long[0];
    private boolean[] handshakeSampled = new boolean[0];
    private BackupUseState[] backupUse = new BackupUseState[0];
    private RemovalState[] removal = new RemovalState[0];
    // Per connection.
    private long[] connectionBytes = new long[0];
    private long[] connectionLastData = new long[0];
    private long[] cutPackets = new long[0];
    private long[] lostBytes = new long[0];
    private LongList[] lossEvidence = new LongList[0];
    private LongList[] cutEvidence = new LongList[0];
    // Per connection direction (index connection * 2 + side): the DATA_ACK stall candidate.
    private boolean[] dataAckKnown = new boolean[0];
    private long[] dataAck = new long[0];
    private long[] dataAckNanos = new long[0];
    private long[] dataAckPacket = new long[0];
    private int[] holderFlow = new int[0];
    private long[] bytesAbove = new long[0];
    private long[] firstAbovePacket = new long[0];
    private long[][] rangeStart = new long[0][];
    private long[][] rangeEnd = new long[0][];
    private int[][] rangeFlow = new int[0][];
    private int[] rangeHead = new int[0];
    private int[] rangeSize = new int[0];

    // Sample columns.
    private int rttSize;
    private int[] rttFlow = new int[256];
    private long[] rttPacket = new long[256];
    private long[] rttNanos = new long[256];
    private long[] rtt = new long[256];
    private int flightSize;
    private int[] flightFlow = new int[1024];
    private byte[] flightSide = new byte[1024];
    private long[] flightPacket = new long[1024];
    private long[] flightNanos = new long[1024];
    private long[] flightBytes = new long[1024];

    private final List<PathObservations.Silence> silences = new ArrayList<>();
    private final List<PathObservations.Retransmission> retransmissions = new ArrayList<>();
    private final List<PathObservations.DataAckStall> stalls = new ArrayList<>();
    private final List<PathObservations.Announcement> announcements = new ArrayList<>();
    private final List<ConnectionState> connections = new ArrayList<>();

    PathTracker(PacketColumns columns) {
        this.columns = columns;
    }

    @Override
    public void onPacket(PacketContext c) {
        DecodedPacket packet = c.packet;
        Flow flow = c.flow;
        int f = flow.index;
        ensureFlow(f);
        ensureConnection(c.connection);
        if (!seen[f]) {
            seen[f] = true;
            lastNewDataNanos[f] = c.nanos;
            lastNewDataPacket[f] = c.frame.packetNumber();
            connectionBytesAtLast[f] = connectionBytes[c.connection.index];
        }
        lastPacketNanos[f] = c.nanos;
        if (c.frame.capturedLength() < c.frame.originalLength()) {
            cut(c);
        }
        if (packet.mptcpOptionCount() > 0) {
            addresses(c);
        }
        if (c.dataAck != PacketContext.UNKNOWN) {
            dataAck(c);
        }
        dataRange(c);
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST)) {
            return;
        }
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        boolean ackFlag = packet.hasTcpFlag(DecodedPacket.TCP_ACK);
        int sampledBefore = rttSize;
        if (ackFlag) {
            acknowledged(c, f * 2 + 1 - c.direction, packet.acknowledgmentNumber());
        }
        if (syn && ackFlag && c.direction == 1 && !handshakeSampled[f]) {
            handshakeSampled[f] = true;
            if (rttSize == sampledBefore && flow.sawSyn && c.nanos >= flow.synNanos) {
                sample(f, c, c.nanos - flow.synNanos); // the SYN came before the flow was MPTCP
            }
        }
        int payload = packet.payloadWireLength();
        if (payload > 0 && removal[f] != null) {
            removal[f].sentAfter(payload, c.frame.packetNumber());
        }
        int length = payload + (syn ? 1 : 0) + (packet.hasTcpFlag(DecodedPacket.TCP_FIN) ? 1 : 0);
        if (length > 0) {
            sent(c, f * 2 + c.direction, packet.sequenceNumber(), length, payload);
        }
    }

    private void acknowledged(PacketContext c, int space, long rawAck) {
        if (!started[space]) {
            return;
        }
        long ack = unwrap(highest[space], rawAck);
        if (ackKnown[space] && ack <= highestAck[space]) {
            return;
        }
        if (ack > highest[space]) {
            lost(c, ack - highest[space]);
            highest[space] = ack; // what was acknowledged was sent, captured or not
        }
        ackKnown[space] = true;
        highestAck[space] = ack;
        ackAdvancedNanos[space] = c.nanos;
        ackAdvancedPacket[space] = c.frame.packetNumber();
        long[] ends = timedEnd[space];
        if (ends != null) {
            long lastNanos = -1;
            while (timedSize[space] > 0 && ends[timedHead[space]] <= ack) {
                lastNanos = timedNanos[space][timedHead[space]];
                timedHead[space] = (timedHead[space] + 1) % TIMED_SEGMENTS;
                timedSize[space]--;
            }
            if (lastNanos >= 0) {
                sample(c.flow.index, c, c.nanos - lastNanos);
            }
        }
        flight(c, space);
    }

    private void sent(PacketContext c, int space, long rawSeq, int length, int payload) {
        int f = c.flow.index;
        if (!started[space]) {
            started[space] = true;
            highest[space] = rawSeq;
            ackKnown[space] = true;
            highestAck[space] = rawSeq; // nothing before the first segment seen is outstanding
            ackAdvancedNanos[space] = c.nanos;
        }
        long start = unwrap(highest[space], rawSeq);
        long end = start + length;
        boolean fresh = start >= highest[space];
        if (!fresh) {
            forgetTimed(space, start); // Karn: what this repeats can no longer be timed
            if (payload > 0 && columns.hasFlag(c.packetIndex, PacketColumns.TCP_RETRANSMISSION)) {
                retransmissions.add(new PathObservations.Retransmission(c.connection.index, f, space & 1,
                        c.frame.packetNumber(), c.nanos, start, ackAdvancedNanos[space], ackAdvancedPacket[space]));
            }
        } else {
            time(space, end, c.nanos);
        }
        if (end > highest[space]) {
            highest[space] = end;
            flight(c, space);
            if (payload > 0 && fresh) {
                newData(c, f, payload);
            }
        }
    }

    private void newData(PacketContext c, int f, int payload) {
        int k = c.connection.index;
        long gap = c.nanos - lastNewDataNanos[f];
        long others = connectionBytes[k] - connectionBytesAtLast[f];
        if (gap >= SILENCE_NANOS && others > 0) {
            silences.add(new PathObservations.Silence(k, f, lastNewDataNanos[f], lastNewDataPacket[f], c.nanos,
                    c.frame.packetNumber(), others, backup(c.flow), false));
        }
        connectionBytes[k] += payload;
        connectionLastData[k] = c.nanos;
        lastNewDataNanos[f] = c.nanos;
        lastNewDataPacket[f] = c.frame.packetNumber();
        connectionBytesAtLast[f] = connectionBytes[k];
        if (backup(c.flow) && !columns.hasFlag(c.packetIndex, PacketColumns.REINJECTION)) {
            Flow primary = primaryUp(c);
            if (primary != null) {
                if (backupUse[f] == null) {
                    backupUse[f] = new BackupUseState(k, primary.index, c.nanos);
                }
                backupUse[f].add(c.nanos, payload, c.frame.packetNumber());
            }
        }
    }

    /** A subflow of the connection, not backup, not ended, that sent a packet within {@link #UP_NANOS}. */
    private Flow primaryUp(PacketContext c) {
        List<Flow> subflows = c.connection.subflows;
        for (int i = 0; i < subflows.size(); i++) {
            Flow other = subflows.get(i);
            if (other != c.flow && !other.ended() && !backup(other) && other.index < seen.length && seen[other.index]
                    && c.nanos - lastPacketNanos[other.index] <= UP_NANOS) {
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

    private void time(int space, long end, long nanos) {
        if (timedEnd[space] == null) {
            timedEnd[space] = new long[TIMED_SEGMENTS];
            timedNanos[space] = new long[TIMED_SEGMENTS];
        }
        if (timedSize[space] == TIMED_SEGMENTS) {
            timedHead[space] = (timedHead[space] + 1) % TIMED_SEGMENTS;
            timedSize[space]--;
        }
        int at = (timedHead[space] + timedSize[space]) % TIMED_SEGMENTS;
        timedEnd[space][at] = end;
        timedNanos[space][at] = nanos;
        timedSize[space]++;
    }

    /** Drops the timed segments that end after {@code start} (the newest ones, at the tail). */
    private void forgetTimed(int space, long start) {
        long[] ends = timedEnd[space];
        while (timedSize[space] > 0) {
            int last = (timedHead[space] + timedSize[space] - 1) % TIMED_SEGMENTS;
            if (ends[last] <= start) {
                return;
            }
            timedSize[space]--;
        }
    }

    private void flight(PacketContext c, int space) {
        long inFlight = Math.max(0, highest[space] - highestAck[space]);
        if (inFlight == lastFlight[space]) {
            return;
        }
        lastFlight[space] = inFlight;
        if (flightSize == flightFlow.length) {
            int capacity = flightSize * 2;
            flightFlow = Arrays.copyOf(flightFlow, capacity);
            flightSide = Arrays.copyOf(flightSide, capacity);
            flightPacket = Arrays.copyOf(flightPacket, capacity);
            flightNanos = Arrays.copyOf(flightNanos, capacity);
            flightBytes = Arrays.copyOf(flightBytes, capacity);
        }
        flightFlow[flightSize] = space >> 1;
        flightSide[flightSize] = (byte) c.flow.dataDirection(space & 1);
        flightPacket[flightSize] = c.frame.packetNumber();
        flightNanos[flightSize] = c.nanos;
        flightBytes[flightSize] = inFlight;
        flightSize++;
    }

    private void sample(int flow, PacketContext c, long value) {
        if (rttSize == rttFlow.length) {
            int capacity = rttSize * 2;
            rttFlow = Arrays.copyOf(rttFlow, capacity);
            rttPacket = Arrays.copyOf(rttPacket, capacity);
            rttNanos = Arrays.copyOf(rttNanos, capacity);
            rtt = Arrays.copyOf(rtt, capacity);
        }
        rttFlow[rttSize] = flow;
        rttPacket[rttSize] = c.frame.packetNumber();
        rttNanos[rttSize] = c.nanos;
        rtt[rttSize] = value;
        rttSize++;
    }

    private void dataAck(PacketContext c) {
        int k = c.connection.index;
        int d = k * 2 + 1 - c.side; // the DATA_ACK acknowledges the other side's data
        long value = c.dataAck;
        if (dataAckKnown[d] && value <= dataAck[d]) {
            return;
        }
        if (dataAckKnown[d]) {
            closeStall(k, d, c.nanos, c.frame.packetNumber(), true);
        }
        dataAckKnown[d] = true;
        dataAck[d] = value;
        dataAckNanos[d] = c.nanos;
        dataAckPacket[d] = c.frame.packetNumber();
        bytesAbove[d] = 0;
        firstAbovePacket[d] = 0;
        holderFlow[d] = senderOf(d, value);
    }

    private void closeStall(int k, int d, long nanos, long packet, boolean resolved) {
        if (nanos - dataAckNanos[d] >= STALL_NANOS && bytesAbove[d] > 0) {
            stalls.add(new PathObservations.DataAckStall(k, d & 1, holderFlow[d], dataAckNanos[d], dataAckPacket[d],
                    nanos, packet, bytesAbove[d], firstAbovePacket[d], resolved));
        }
    }

    /**
     * The subflow that sent the data-level byte {@code dsn} of direction {@code d}, or -1 when not
     * remembered. Ranges wholly below {@code dsn} (acknowledged) leave the ring first, so the byte a
     * DATA_ACK waits for is at or near its head: a lookup costs a step or two.
     */
    private int senderOf(int d, long dsn) {
        long[] starts = rangeStart[d];
        if (starts == null) {
            return -1;
        }
        long[] ends = rangeEnd[d];
        while (rangeSize[d] > 0 && ends[rangeHead[d]] <= dsn) {
            rangeHead[d] = (rangeHead[d] + 1) % DSN_RANGES;
            rangeSize[d]--;
        }
        for (int n = 0; n < rangeSize[d]; n++) {
            int i = (rangeHead[d] + n) % DSN_RANGES;
            if (starts[i] <= dsn && dsn < ends[i]) {
                return rangeFlow[d][i];
            }
        }
        return -1;
    }

    /** Data-level bookkeeping of a payload packet: its DSN range, and bytes sent above a held DATA_ACK. */
    private void dataRange(PacketContext c) {
        int payload = c.packet.payloadWireLength();
        if (payload == 0 || c.payloadDsn == PacketContext.UNKNOWN) {
            return;
        }
        int d = c.connection.index * 2 + c.side;
        if (rangeStart[d] == null) {
            rangeStart[d] = new long[DSN_RANGES];
            rangeEnd[d] = new long[DSN_RANGES];
            rangeFlow[d] = new int[DSN_RANGES];
        }
        if (rangeSize[d] == DSN_RANGES) {
            rangeHead[d] = (rangeHead[d] + 1) % DSN_RANGES;
            rangeSize[d]--;
        }
        int i = (rangeHead[d] + rangeSize[d]) % DSN_RANGES;
        rangeStart[d][i] = c.payloadDsn;
        rangeEnd[d][i] = c.payloadDsn + payload;
        rangeFlow[d][i] = c.flow.index;
        rangeSize[d]++;
        if (!dataAckKnown[d]) {
            return;
        }
        if (holderFlow[d] < 0 && c.payloadDsn <= dataAck[d] && dataAck[d] < c.payloadDsn + payload) {
            holderFlow[d] = c.flow.index;
        } else if (c.payloadDsn > dataAck[d] && c.flow.index != holderFlow[d] && holderFlow[d] >= 0) {
            if (firstAbovePacket[d] == 0) {
                firstAbovePacket[d] = c.frame.packetNumber();
            }
            bytesAbove[d] += payload;
        }
    }

    /** A packet cut short by the snap length: counted per connection, the first ones kept as evidence. */
    private void cut(PacketContext c) {
        int k = c.connection.index;
        if (cutEvidence[k] == null) {
            cutEvidence[k] = new LongList();
        }
        if (cutPackets[k]++ < MAX_CUT_EVIDENCE) {
            cutEvidence[k].add(c.frame.packetNumber());
        }
    }

    /** An ACK beyond every sequence number captured in its direction: the capture missed {@code bytes}. */
    private void lost(PacketContext c, long bytes) {
        int k = c.connection.index;
        if (lossEvidence[k] == null) {
            lossEvidence[k] = new LongList();
        }
        lostBytes[k] += bytes;
        if (lossEvidence[k].size() < MAX_CUT_EVIDENCE) {
            lossEvidence[k].add(c.frame.packetNumber());
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
            if (flowId != id || flow.index >= seen.length) {
                continue;
            }
            if (removal[flow.index] == null) {
                long inFlight = lastFlight[flow.index * 2] + lastFlight[flow.index * 2 + 1];
                removal[flow.index] = new RemovalState(c.connection.index, c.frame.packetNumber(), c.nanos, id, inFlight);
            }
        }
    }

    /** What was seen so far; trailing silences and unresolved stalls are closed at {@code endNanos} of each connection. */
    PathObservations observations() {
        List<PathObservations.Silence> allSilences = new ArrayList<>(silences);
        List<PathObservations.DataAckStall> allStalls = new ArrayList<>(stalls);
        List<PathObservations.BackupUse> uses = new ArrayList<>();
        List<PathObservations.Removal> allRemovals = new ArrayList<>();
        for (ConnectionState connection : connections) {
            int k = connection.index;
            for (Flow flow : connection.subflows) {
                int f = flow.index;
                if (f >= seen.length || !seen[f]) {
                    continue;
                }
                long end = flow.history.endPacket != 0 ? Math.min(flow.history.endNanos, connectionLastData[k])
                        : connectionLastData[k];
                long others = connectionBytes[k] - connectionBytesAtLast[f];
                if (end - lastNewDataNanos[f] >= SILENCE_NANOS && others > 0) {
                    allSilences.add(new PathObservations.Silence(k, f, lastNewDataNanos[f], lastNewDataPacket[f], end,
                            0, others, backup(flow), true));
                }
                if (backupUse[f] != null) {
                    uses.add(backupUse[f].toRecord(f));
                }
                if (removal[f] != null) {
                    allRemovals.add(removal[f].toRecord(f));
                }
            }
            for (int side = 0; side < 2; side++) {
                int d = k * 2 + side;
                if (dataAckKnown[d] && connection.endNanos - dataAckNanos[d] >= STALL_NANOS && bytesAbove[d] > 0) {
                    allStalls.add(new PathObservations.DataAckStall(k, side, holderFlow[d], dataAckNanos[d],
                            dataAckPacket[d], connection.endNanos, 0, bytesAbove[d], firstAbovePacket[d], false));
                }
            }
        }
        long[] lastData = Arrays.copyOf(connectionLastData, connections.size());
        List<PathObservations.SnapCut> cuts = new ArrayList<>();
        List<PathObservations.CaptureLoss> losses = new ArrayList<>();
        for (int k = 0; k < connections.size(); k++) {
            if (cutPackets[k] > 0) {
                cuts.add(new PathObservations.SnapCut(k, cutPackets[k], cutEvidence[k].toArray()));
            }
            if (lostBytes[k] > 0) {
                losses.add(new PathObservations.CaptureLoss(k, lostBytes[k], lossEvidence[k].toArray()));
            }
        }
        PathMetrics metrics = new PathMetrics(rttSize, rttFlow, rttPacket, rttNanos, rtt, flightSize, flightFlow,
                flightSide, flightPacket, flightNanos, flightBytes);
        return new PathObservations(metrics, allSilences, List.copyOf(retransmissions), allStalls, uses,
                List.copyOf(announcements), allRemovals, cuts, losses, lastData);
    }

    /** Unwraps a 32-bit sequence number to the 64-bit value nearest {@code reference}. */
    private static long unwrap(long reference, long raw) {
        return reference + (int) (raw - reference);
    }

    private void ensureFlow(int f) {
        if (f < seen.length) {
            return;
        }
        int n = Math.max(16, (f + 1) * 2);
        seen = Arrays.copyOf(seen, n);
        lastNewDataNanos = Arrays.copyOf(lastNewDataNanos, n);
        lastNewDataPacket = Arrays.copyOf(lastNewDataPacket, n);
        connectionBytesAtLast = Arrays.copyOf(connectionBytesAtLast, n);
        lastPacketNanos = Arrays.copyOf(lastPacketNanos, n);
        handshakeSampled = Arrays.copyOf(handshakeSampled, n);
        backupUse = Arrays.copyOf(backupUse, n);
        removal = Arrays.copyOf(removal, n);
        int spaces = n * 2;
        started = Arrays.copyOf(started, spaces);
        highest = Arrays.copyOf(highest, spaces);
        ackKnown = Arrays.copyOf(ackKnown, spaces);
        highestAck = Arrays.copyOf(highestAck, spaces);
        ackAdvancedNanos = Arrays.copyOf(ackAdvancedNanos, spaces);
        ackAdvancedPacket = Arrays.copyOf(ackAdvancedPacket, spaces);
        lastFlight = Arrays.copyOf(lastFlight, spaces);
        timedEnd = Arrays.copyOf(timedEnd, spaces);
        timedNanos = Arrays.copyOf(timedNanos, spaces);
        timedHead = Arrays.copyOf(timedHead, spaces);
        timedSize = Arrays.copyOf(timedSize, spaces);
    }

    private void ensureConnection(ConnectionState connection) {
        int k = connection.index;
        if (k < connections.size()) {
            return;
        }
        while (connections.size() <= k) {
            connections.add(connection);
        }
        if (k < connectionBytes.length) {
            return;
        }
        int n = Math.max(8, (k + 1) * 2);
        connectionBytes = Arrays.copyOf(connectionBytes, n);
        connectionLastData = Arrays.copyOf(connectionLastData, n);
        cutPackets = Arrays.copyOf(cutPackets, n);
        lostBytes = Arrays.copyOf(lostBytes, n);
        lossEvidence = Arrays.copyOf(lossEvidence, n);
        cutEvidence = Arrays.copyOf(cutEvidence, n);
        int d = n * 2;
        dataAckKnown = Arrays.copyOf(dataAckKnown, d);
        dataAck = Arrays.copyOf(dataAck, d);
        dataAckNanos = Arrays.copyOf(dataAckNanos, d);
        dataAckPacket = Arrays.copyOf(dataAckPacket, d);
        holderFlow = Arrays.copyOf(holderFlow, d);
        bytesAbove = Arrays.copyOf(bytesAbove, d);
        firstAbovePacket = Arrays.copyOf(firstAbovePacket, d);
        rangeStart = Arrays.copyOf(rangeStart, d);
        rangeEnd = Arrays.copyOf(rangeEnd, d);
        rangeFlow = Arrays.copyOf(rangeFlow, d);
        rangeHead = Arrays.copyOf(rangeHead, d);
        rangeSize = Arrays.copyOf(rangeSize, d);
    }

    /** A REMOVE_ADDR that named a subflow's address, and what the subflow sent after it. */
    private static final class RemovalState {
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
    private static final class BackupUseState {
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
