package org.braid.analysis;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.model.BackupChange;
import org.braid.model.FallbackReason;

/**
 * Follows each connection after its handshake: subflow ends (FIN, reset with its MP_TCPRST
 * reason), MP_PRIO backup changes, DATA_FINs and their DATA_ACKs, MP_FASTCLOSE, the fallback to
 * plain TCP (RFC 8684 3.7), and what followed each checksum failure. An ordinary data or ACK
 * packet costs a few tests and a look at its options.
 */
final class LifecycleTracker implements PacketObserver {
    private final PacketColumns columns;

    LifecycleTracker(PacketColumns columns) {
        this.columns = columns;
    }

    @Override
    public void onPacket(PacketContext c) {
        DecodedPacket packet = c.packet;
        ConnectionHistory history = c.connection.history;
        trackDataFin(c, history);
        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (option.malformed()) {
                continue;
            }
            switch (option.subtype()) {
                case MP_PRIO -> onPrio(c, option);
                case MP_FAIL -> onFail(c, option, history);
                case MP_FASTCLOSE -> {
                    if (history.fastclosePacket == 0) {
                        history.fastclosePacket = c.frame.packetNumber();
                        history.fastcloseNanos = c.nanos;
                    }
                }
                default -> { }
            }
        }
        if (packet.hasTcpFlag(DecodedPacket.TCP_RST | DecodedPacket.TCP_FIN)) {
            trackSubflowEnd(c, history);
        }
        if (history.fallbackReason == null) {
            detectFallback(c, history);
        }
    }

    private void trackDataFin(PacketContext c, ConnectionHistory history) {
        MptcpOption dss = c.dss;
        if (dss == null) {
            return;
        }
        int side = c.side;
        if (dss.dataFin() && c.mappingDsn != PacketContext.UNKNOWN && history.dataFinPacket[side] == 0) {
            // Without data, the mapping's DSN is the DATA_FIN's own (RFC 8684 3.3.3: subflow sequence 0,
            // length 1), which also holds when a snaplen cut took the length; with data, the DATA_FIN
            // takes the last unit of the data-level length.
            boolean bare = c.packet.payloadWireLength() == 0;
            if (bare || (dss.hasDataLevelLength() && dss.dataLevelLength() > 0)) {
                history.dataFinDsn[side] = bare ? c.mappingDsn : c.mappingDsn + dss.dataLevelLength() - 1;
                history.dataFinPacket[side] = c.frame.packetNumber();
                history.dataFinNanos[side] = c.nanos;
            }
        }
        int other = 1 - side;
        if (c.dataAck != PacketContext.UNKNOWN && history.dataFinPacket[other] != 0
                && history.dataFinAckPacket[other] == 0 && c.dataAck - history.dataFinDsn[other] >= 1) {
            history.dataFinAckPacket[other] = c.frame.packetNumber();
            history.dataFinAckNanos[other] = c.nanos;
        }
    }

    private void trackSubflowEnd(PacketContext c, ConnectionHistory history) {
        Flow flow = c.flow;
        SubflowHistory subflow = flow.history;
        boolean reset = c.packet.hasTcpFlag(DecodedPacket.TCP_RST);
        if (subflow.endPacket == 0 && (reset || (flow.finSeen[0] && flow.finSeen[1]))) {
            subflow.endPacket = c.frame.packetNumber();
            subflow.endNanos = c.nanos;
        }
        if (!reset) {
            return;
        }
        MptcpOption tcpRst = c.packet.firstMptcpOption(MptcpSubtype.MP_TCPRST);
        if (tcpRst != null && !tcpRst.malformed() && subflow.resetReason == Flow.NONE) {
            subflow.resetReason = tcpRst.resetReason();
        }
        for (ChecksumFailureLink failure : history.failures) {
            if (failure.flow == flow.index && failure.resetPacket == 0) {
                failure.resetPacket = c.frame.packetNumber();
                failure.resetReason = tcpRst == null || tcpRst.malformed() ? Flow.NONE : tcpRst.resetReason();
            }
        }
    }

    /**
     * MP_PRIO applies to the subflow it is sent on (RFC 8684 3.3.8); the v0 form with an address id
     * applies to the subflows that use the sender's address with that id (RFC 6824 3.3.8).
     */
    private void onPrio(PacketContext c, MptcpOption option) {
        if (!option.hasAddressId()) {
            recordBackup(c, c.flow, option.backup());
            return;
        }
        boolean any = false;
        for (Flow flow : c.connection.subflows) {
            boolean senderIsClient = flow.dataDirection(0) == c.side;
            int id = senderIsClient ? flow.clientAddressId : flow.serverAddressId;
            if ((id == Flow.NONE ? 0 : id) == option.addressId()) {
                recordBackup(c, flow, option.backup());
                any = true;
            }
        }
        if (!any) {
            recordBackup(c, c.flow, option.backup());
        }
    }

    private static void recordBackup(PacketContext c, Flow flow, boolean backup) {
        boolean byClient = flow.dataDirection(0) == c.side;
        flow.history.backupChanges.add(new BackupChange(c.nanos, c.frame.packetNumber(), backup, byClient));
    }

    private void onFail(PacketContext c, MptcpOption option, ConnectionHistory history) {
        long dsn = option.dataSequenceNumber();
        ChecksumFailureLink match = null;
        for (ChecksumFailureLink failure : history.failures) {
            if (failure.mpFailPacket != 0) {
                continue;
            }
            long offset = dsn - history.mappings.dsn(failure.row);
            if (offset >= 0 && offset < history.mappings.length(failure.row)) {
                match = failure;
                break;
            }
            if (match == null) {
                match = failure; // the DSN is not in it, but it is the oldest failure still waiting for its MP_FAIL
            }
        }
        if (match != null) {
            match.mpFailPacket = c.frame.packetNumber();
        }
        if (!c.packet.hasTcpFlag(DecodedPacket.TCP_RST) && history.fallbackReason == null
                && history.fallbackRequestPacket == 0 && onlyLiveSubflow(c)) {
            // Only a request: the fallback is done when data flows without mappings, or with an infinite one.
            history.fallbackRequestPacket = c.frame.packetNumber();
            history.fallbackRequestNanos = c.nanos;
            history.fallbackRequestFlow = c.flow.index;
            FindingEvents.fallbackRequested(c);
        }
    }

    /** True when no other subflow of the connection is still open: MP_FAIL then means fallback, not a reset. */
    private static boolean onlyLiveSubflow(PacketContext c) {
        for (Flow flow : c.connection.subflows) {
            if (flow != c.flow && !flow.ended()) {
                return false;
            }
        }
        return true;
    }

    private void detectFallback(PacketContext c, ConnectionHistory history) {
        MptcpOption dss = c.dss;
        if (dss != null && c.mappingDsn != PacketContext.UNKNOWN) {
            if (dss.hasDataLevelLength() && dss.dataLevelLength() == 0) {
                fallBack(c, history, FallbackReason.INFINITE_MAPPING);
            }
            return;
        }
        boolean unmapped = c.packet.payloadWireLength() > 0 && !c.packet.hasTcpFlag(DecodedPacket.TCP_SYN)
                && (c.dss == null || !c.dss.cut()) && c.packet.firstMptcpOption(MptcpSubtype.MP_CAPABLE) == null;
        // After an MP_FAIL asked for it, data without a mapping on that subflow completes the fallback.
        if (unmapped && history.fallbackRequestPacket != 0 && c.flow.index == history.fallbackRequestFlow) {
            fallBack(c, history, FallbackReason.DSS_MISSING);
            return;
        }
        // Data on the initial subflow, and its sender never sent a mapping (the checksum verifier,
        // called before, marks them, the MP_CAPABLE-carried one included): RFC 8684 3.7 fallback.
        if (c.packet.payloadWireLength() > 0 && c.connection.handshake && !c.flow.join
                && !history.mappingSeen[c.side] && !c.packet.hasTcpFlag(DecodedPacket.TCP_SYN)
                && (c.dss == null || !c.dss.cut()) && c.packet.firstMptcpOption(MptcpSubtype.MP_CAPABLE) == null) {
            fallBack(c, history, FallbackReason.DSS_MISSING);
        }
    }

    private void fallBack(PacketContext c, ConnectionHistory history, FallbackReason reason) {
        history.fallbackReason = reason;
        history.fallbackNanos = c.nanos;
        history.fallbackPacket = c.frame.packetNumber();
        history.fallbackFlow = c.flow.index;
        columns.addFlags(c.packetIndex, PacketColumns.FALLBACK);
        FindingEvents.fallback(c, reason);
        for (ChecksumFailureLink failure : history.failures) {
            if (failure.fallbackPacket == 0 && failure.resetPacket == 0) { // a reset subflow's failure is settled
                failure.fallbackPacket = c.frame.packetNumber();
            }
        }
    }
}
