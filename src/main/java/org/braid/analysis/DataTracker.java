package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.model.Reinjection;

/**
 * Data accounting of MPTCP connections: TCP retransmissions per subflow direction, data-level
 * (DSN) bytes sent first per subflow, and reinjections (RFC 8684: bytes sent again on another
 * subflow). A segment that both repeats its own subflow's sequence numbers and overlaps data first
 * sent on another subflow is a reinjection, not a TCP retransmission, so the two counts stay apart.
 * SYNs and FINs take one sequence number, so their repeats count as retransmissions too; resets none.
 */
final class DataTracker implements PacketObserver {
    /** Wireshark's out-of-order threshold when the subflow's handshake RTT is unknown. */
    static final long DEFAULT_OUT_OF_ORDER_NANOS = 3_000_000L;

    private final PacketColumns columns;

    DataTracker(PacketColumns columns) {
        this.columns = columns;
    }

    @Override
    public void onPacket(PacketContext c) {
        DecodedPacket packet = c.packet;
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST)) {
            releaseWhenAllClosed(c.connection);
            return; // a reset's sequence number carries nothing
        }
        Flow flow = c.flow;
        SubflowAccounting subflow = flow.data;
        int payload = packet.payloadWireLength();
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        boolean fin = packet.hasTcpFlag(DecodedPacket.TCP_FIN);
        if (packet.hasTcpFlag(DecodedPacket.TCP_ACK)) {
            subflow.sequence(1 - c.direction).acknowledged(packet.acknowledgmentNumber(), payload == 0 && !syn && !fin);
        }
        int length = payload + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (length == 0) {
            return;
        }
        SubflowSequence sequence = subflow.sequence(c.direction);
        if (!sequence.started() && c.direction == 0 && flow.sawSyn && c.packetIndex != flow.firstPacketIndex) {
            // The MP_CAPABLE SYN came before the flow was known as MPTCP: start from it, so a repeat counts.
            sequence.sent(flow.isn[0], 1, flow.synNanos, 0);
        }
        boolean retransmission = sequence.sent(packet.sequenceNumber(), length, c.nanos,
                flow.handshakeRttNanos >= 0 ? flow.handshakeRttNanos : DEFAULT_OUT_OF_ORDER_NANOS);
        boolean reinjection = payload > 0 && c.payloadDsn != PacketContext.UNKNOWN && placeData(c, payload);
        if (retransmission && !reinjection) {
            subflow.retransmissions++;
            columns.addFlags(c.packetIndex, PacketColumns.TCP_RETRANSMISSION);
        }
        if (fin) {
            releaseWhenAllClosed(c.connection);
        }
    }

    /**
     * Once every subflow has been reset or closed both ways, nothing can be reinjected any more:
     * the range logs go, so a finished connection keeps no per-segment memory.
     */
    private static void releaseWhenAllClosed(ConnectionState connection) {
        for (int i = 0; i < connection.subflows.size(); i++) {
            Flow flow = connection.subflows.get(i);
            if (!flow.reset && !(flow.finSeen[0] && flow.finSeen[1])) {
                return;
            }
        }
        connection.data.release();
    }

    /** Places the segment's DSN range; returns true for a reinjection. */
    private boolean placeData(PacketContext c, int payload) {
        ConnectionAccounting data = c.connection.data;
        SentRanges sent = data.sent(c.side);
        long start = c.payloadDsn - c.connection.dsnBase[c.side];
        int flow = c.flow.index;
        sent.place(flow, start, start + payload, c.packetIndex, c.nanos);
        data.dataAt(c.side, c.nanos);
        SubflowAccounting subflow = c.flow.data;
        subflow.firstSentBytes[c.direction] += sent.newBytes;
        if (sent.reinjectedBytes == 0) {
            return false;
        }
        subflow.reinjectedBytes[c.direction] += sent.reinjectedBytes;
        columns.addFlags(c.packetIndex, PacketColumns.REINJECTION);
        columns.setReinjectionOf(c.packetIndex, sent.originalPacket);
        int count = sent.originalCount(flow);
        List<Long> originals = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long number = sent.originalPacket(flow, k) + 1L;
            if (!originals.contains(number)) {
                originals.add(number);
            }
        }
        data.reinjected(new Reinjection(c.packetIndex + 1L, c.nanos, c.side == 0, originals, sent.originalFlow, flow,
                sent.originalDsn, sent.reinjectedBytes, c.nanos - sent.originalNanos));
        return true;
    }
}
