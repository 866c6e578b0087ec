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
        Flow flow = c.flow;
        SubflowAccounting subflow = flow.data;
        int payload = packet.payloadWireLength();
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST)) {
            subflow.unmappedBytes[c.direction] += payload;
            releaseWhenAllClosed(c.connection);
            return; // a reset's sequence number carries nothing
        }
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        boolean fin = packet.hasTcpFlag(DecodedPacket.TCP_FIN);
        if (packet.hasTcpFlag(DecodedPacket.TCP_ACK)) {
            long lost = subflow.sequence(1 - c.direction).acknowledged(packet.acknowledgmentNumber(),
                    payload == 0 && !syn && !fin);
            if (lost > 0) {
                captureLoss(c, lost);
            }
        }
        int length = payload + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (length == 0) {
            return;
        }
        SubflowSequence sequence = subflow.sequence(c.direction);
        if (!sequence.started() && c.direction == 0 && flow.sawSyn && c.packetIndex != flow.firstPacketIndex) {
            // The MP_CAPABLE SYN came before the flow was known as MPTCP: start from it (with any
            // TCP Fast Open data it carried), so a repeat counts.
            sequence.sent(flow.isn[0], 1 + flow.synPayload[0], flow.synNanos, 0);
        }
        boolean retransmission = sequence.sent(packet.sequenceNumber(), length, c.nanos,
                flow.handshakeRttNanos >= 0 ? flow.handshakeRttNanos : DEFAULT_OUT_OF_ORDER_NANOS);
        boolean reinjection = false;
        if (payload > 0) {
            if (c.payloadDsn != PacketContext.UNKNOWN) {
                sequence.mapped();
                reinjection = placeData(c, payload, retransmission, retransmission && sequence.lastBeforeCapture());
            } else if (retransmission) {
                subflow.retransmittedBytes[c.direction] += payload;
            } else {
                subflow.unmappedBytes[c.direction] += payload;
            }
        }
        if (retransmission && !reinjection) {
            subflow.retransmissions++;
            columns.addFlags(c.packetIndex, PacketColumns.TCP_RETRANSMISSION);
        }
        if (fin) {
            releaseWhenAllClosed(c.connection);
        }
    }

    /** The packet acknowledges {@code lost} subflow bytes that the capture never saw. */
    private void captureLoss(PacketContext c, long lost) {
        columns.addFlags(c.packetIndex, PacketColumns.CAPTURE_LOSS);
        SubflowAccounting subflow = c.flow.data;
        if (subflow.firstLossPacket == 0) {
            subflow.firstLossPacket = c.frame.packetNumber();
            subflow.firstLossOffset = c.frame.fileOffset();
        }
        ConnectionAccounting data = c.connection.data;
        data.captureLostBytes += lost;
        if (data.captureLossEvents < ConnectionAccounting.LISTED_EVENTS) {
            data.captureLossEvents++;
            FindingEvents.captureLoss(c, lost);
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

    /**
     * Places the segment's DSN range and sorts its bytes into first-sent, reinjected, retransmitted
     * and resent; returns true for a reinjection. A retransmission whose original went by before
     * the capture started is only a retransmission: what else sent those DSNs first is unknown.
     */
    private boolean placeData(PacketContext c, int payload, boolean retransmission, boolean beforeCapture) {
        ConnectionAccounting data = c.connection.data;
        SentRanges sent = data.sent(c.side);
        long start = c.payloadDsn - c.connection.side(c.side).dsnBase;
        int flow = c.flow.index;
        sent.place(flow, start, start + payload, c.packetIndex, c.nanos);
        data.dataAt(c.side, c.nanos);
        SubflowAccounting subflow = c.flow.data;
        int d = c.direction;
        if (beforeCapture) {
            subflow.retransmittedBytes[d] += payload;
            return false;
        }
        subflow.firstSentBytes[d] += sent.newBytes;
        if (sent.ownBytes > 0) {
            if (retransmission) {
                subflow.retransmittedBytes[d] += sent.ownBytes;
            } else {
                resent(c, sent);
            }
        }
        if (sent.reinjectedBytes == 0) {
            return false;
        }
        subflow.reinjectedBytes[d] += sent.reinjectedBytes;
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

    /**
     * DSNs this subflow sent before, sent again with new subflow sequence numbers: Linux does so
     * when the receiver dropped its out-of-order data (after REMOVE_ADDR, or on a dead path).
     */
    private void resent(PacketContext c, SentRanges sent) {
        SubflowAccounting subflow = c.flow.data;
        subflow.resentBytes[c.direction] += sent.ownBytes;
        subflow.resends[c.direction]++;
        columns.addFlags(c.packetIndex, PacketColumns.RESENT);
        if (sent.reinjectedBytes == 0 && sent.ownOriginalPacket != PacketColumns.NO_PACKET) {
            columns.setReinjectionOf(c.packetIndex, sent.ownOriginalPacket);
        }
        List<Long> original = sent.ownOriginalPacket == PacketColumns.NO_PACKET ? List.of()
                : List.of(sent.ownOriginalPacket + 1L);
        c.connection.data.resent(new Reinjection(c.packetIndex + 1L, c.nanos, c.side == 0, original, c.flow.index,
                c.flow.index, sent.ownOriginalDsn, sent.ownBytes,
                sent.ownOriginalPacket == PacketColumns.NO_PACKET ? 0 : c.nanos - sent.ownOriginalNanos));
    }
}
