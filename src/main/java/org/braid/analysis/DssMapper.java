package org.braid.analysis;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.io.Frame;

/**
 * DSS options: expands DSNs and DATA_ACKs to 64 bits, keeps each subflow direction's recent
 * mappings, and places each payload in the data-sequence space.
 *
 * <p>Nothing is guessed. A 4-byte DSN or DATA_ACK is expanded only against a 64-bit value of the
 * same space seen before (a 64-bit DSN or DATA_ACK, or the IDSN from the key); until then it is
 * unknown. A mapping's subflow sequence number counts from the subflow's ISN, so a payload is placed
 * only once the ISN is anchored by evidence:
 * <ul>
 *   <li>the SYN or SYN/ACK (see {@link MptcpAnalyzer});
 *   <li>two new mappings in a row that imply the same ISN if each starts on the packet that first
 *       carries it. The first mapping of a capture that started late is usually entered in its
 *       middle (Linux repeats a mapping of up to 64 KB on every segment it spans), so one alone proves
 *       nothing; two agreeing do. A v1 MP_CAPABLE carrying data counts as a mapping at subflow
 *       sequence 1 (RFC 8684 3.1); Linux repeats it on every segment of the first 16 KB too.
 * </ul>
 * Until then the subflow direction's payloads have no DSN.
 */
final class DssMapper {
    private static final long LOW_32 = 0xffffffffL;

    private final ConnectionRegistry registry;
    private final PacketColumns columns;
    private final PacketContext context;

    DssMapper(ConnectionRegistry registry, PacketColumns columns, PacketContext context) {
        this.registry = registry;
        this.columns = columns;
        this.context = context;
    }

    void onDss(Flow flow, DecodedPacket packet, MptcpOption option, int direction, Frame frame) {
        ConnectionState connection = registry.ensureConnection(flow, packet, direction, frame);
        if (connection.provisional) {
            connection = registry.settleProvisional(connection, flow, packet, direction, frame);
        }
        int side = flow.dataDirection(direction);
        ConnectionSide sender = connection.side(side);
        ConnectionSide receiver = connection.side(1 - side);
        if (option.hasDataAck()) {
            long dataAck = option.dataAck();
            boolean known = option.dataAckIs8Bytes();
            if (!known) {
                // The DATA_ACK acknowledges the receiver's data: its space's latest 64-bit values.
                long reference = sender.lastDataAckSentKnown ? sender.lastDataAckSent
                        : receiver.lastDsnKnown ? receiver.lastDsn : receiver.keyKnown ? receiver.idsn : 0;
                known = sender.lastDataAckSentKnown || receiver.lastDsnKnown || receiver.keyKnown;
                dataAck = DsnExpansion.expand(reference, dataAck);
            }
            if (known) {
                sender.dataAckSent(dataAck);
                receiver.dataAcknowledged(dataAck);
                context.dss = option;
                context.dataAck = dataAck;
            }
        }
        if (!option.hasDataSequenceNumber()) {
            return;
        }
        long dsn = option.dataSequenceNumber();
        if (!option.dsnIs8Bytes()) {
            boolean known = sender.lastDsnKnown || sender.keyKnown || receiver.lastDataAckSentKnown;
            if (!known) {
                return; // no 64-bit value of this space yet: the DSN's upper half is unknown
            }
            long reference = sender.lastDsnKnown ? sender.lastDsn
                    : sender.keyKnown ? sender.idsn : receiver.lastDataAckSent;
            dsn = DsnExpansion.expand(reference, dsn);
        }
        dsnSent(connection, side, dsn);
        context.dss = option;
        context.mappingDsn = dsn;
        if (option.dataFin() && !sender.dataFinSeen) {
            sender.dataFinSeen = true;
            FindingEvents.dataFin(connection, frame, flow, side);
        }
        if (!option.hasDataLevelLength() || option.dataLevelLength() == 0) {
            return; // the infinite mapping: fallback, handled by the lifecycle
        }
        long subflowSeq = option.subflowSequenceNumber();
        int length = option.dataLevelLength();
        RecentMappings mappings = flow.mappings[direction];
        if (!flow.isnKnown[direction] && packet.payloadWireLength() > 0
                && !mappings.contains(dsn, subflowSeq, length)) {
            anchorFromNewMapping(flow, direction, (packet.sequenceNumber() - subflowSeq) & LOW_32);
        }
        mappings.add(dsn, subflowSeq, length, columns.size());
    }

    /**
     * Data sent with a v1 MP_CAPABLE (third ACK or first data packet): RFC 8684 3.1 maps it
     * implicitly at DSN IDSN + 1 and subflow sequence 1, which also anchors the subflow's ISN.
     */
    void onCapableData(Flow flow, ConnectionState connection, DecodedPacket packet, MptcpOption option,
            int direction) {
        int side = flow.dataDirection(direction);
        ConnectionSide sender = connection.side(side);
        if (!sender.keyKnown) {
            return;
        }
        long dsn = sender.idsn + 1;
        dsnSent(connection, side, dsn);
        // Linux repeats it on every segment of the mapping, so like any mapping it anchors only when confirmed.
        RecentMappings mappings = flow.mappings[direction];
        if (!flow.isnKnown[direction] && packet.payloadWireLength() > 0
                && !mappings.contains(dsn, 1, option.dataLevelLength())) {
            anchorFromNewMapping(flow, direction, (packet.sequenceNumber() - 1) & LOW_32);
        }
        mappings.add(dsn, 1, option.dataLevelLength(), columns.size());
    }

    /** The side's key became known: its IDSN may now be the base of its relative DSNs. */
    void baseKnown(ConnectionState connection, int side) {
        ConnectionSide s = connection.side(side);
        if (s.dsnBaseKnown) {
            columns.setDsnBase(connection.index, side, s.dsnBase);
        }
    }

    /**
     * The packet's relative subflow sequence number and the 64-bit DSN of its first payload byte,
     * from a recent mapping of its subflow direction, into the context.
     */
    void placePayload(Flow flow, ConnectionState connection, DecodedPacket packet, int direction) {
        if (packet.payloadWireLength() == 0 || !flow.isnKnown[direction]) {
            return;
        }
        // Mappings count from the byte after the SYN and any data it carried (TCP Fast Open).
        long relativeSeq = (packet.sequenceNumber() - flow.isn[direction] - flow.fastOpenData[direction]) & LOW_32;
        context.relativeSeq = relativeSeq;
        RecentMappings mappings = flow.mappings[direction];
        if (mappings.isEmpty() || !connection.side(flow.dataDirection(direction)).dsnBaseKnown) {
            return;
        }
        int slot = mappings.find(relativeSeq);
        if (slot >= 0) {
            context.payloadDsn = mappings.dsnAt(slot, relativeSeq);
            context.mappingPacket = mappings.packetOf(slot);
        }
    }

    private void anchorFromNewMapping(Flow flow, int direction, long candidate) {
        if (flow.isnCandidateSet[direction] && flow.isnCandidate[direction] == candidate) {
            flow.isn[direction] = candidate;
            flow.isnKnown[direction] = true;
            return;
        }
        flow.isnCandidate[direction] = candidate;
        flow.isnCandidateSet[direction] = true;
    }

    private void dsnSent(ConnectionState connection, int side, long dsn) {
        ConnectionSide s = connection.side(side);
        boolean hadBase = s.dsnBaseKnown;
        s.dsnSent(dsn);
        if (!hadBase) {
            columns.setDsnBase(connection.index, side, s.dsnBase);
        }
    }
}
