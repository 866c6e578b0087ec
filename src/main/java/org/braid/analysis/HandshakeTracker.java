package org.braid.analysis;

import java.util.Locale;
import org.braid.decode.MptcpOption;
import org.braid.io.Frame;
import org.braid.model.AnalysisWarning;
import org.braid.model.EventType;
import org.braid.model.Grouping;

/**
 * MP_CAPABLE and MP_JOIN: creates connections from handshakes, learns keys (and from them tokens
 * and IDSNs), puts joins into connections by token, and verifies join HMACs once both keys are known.
 */
final class HandshakeTracker {
    private final ConnectionRegistry registry;
    private final DssMapper dss;
    private final AnalysisWarnings warnings;
    private final JoinVerifier joins = new JoinVerifier();

    HandshakeTracker(ConnectionRegistry registry, DssMapper dss, AnalysisWarnings warnings) {
        this.registry = registry;
        this.dss = dss;
        this.warnings = warnings;
    }

    void onCapable(Flow flow, org.braid.decode.DecodedPacket packet, MptcpOption option, int direction, boolean syn,
            boolean ack, Frame frame) {
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
            ConnectionState connection = registry.newConnection(flow,
                    flow.capableOnSyn ? Grouping.HANDSHAKE : Grouping.INFERRED);
            connection.version = option.version();
            connection.handshake = flow.capableOnSyn;
            if (flow.capableOnSyn) {
                connection.checksum = ChecksumUse.of(flow.checksumRequested
                        || option.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM));
            } else {
                connection.groupedBy(Grouping.INFERRED, "flow " + flow.index + ": MP_CAPABLE SYN/ACK without its SYN");
            }
            if (flow.synKeyKnown && connection.version == 0) {
                setKey(connection, 0, flow.synKey, flow, frame);
            }
            if (option.hasSenderKey()) {
                setKey(connection, 1, option.senderKey(), flow, frame);
            }
            connection.event(EventType.MP_CAPABLE, frame.timestampNanos(), frame.packetNumber(), flow.index,
                    (flow.capableOnSyn ? "handshake" : "SYN/ACK without its SYN in the trace") + ", version "
                            + connection.version
                            + (connection.checksum == ChecksumUse.NEGOTIATED ? ", checksums" : ""));
            return;
        }
        // Third ACK or first data packet: the sender's key, and in most layouts the receiver's too.
        ConnectionState connection = registry.ensureConnection(flow, packet, direction, frame);
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
        if (option.hasDataLevelLength() && option.dataLevelLength() > 0) {
            dss.onCapableData(flow, connection, packet, option, direction);
        }
    }

    void onJoin(Flow flow, MptcpOption option, boolean syn, boolean ack, Frame frame) {
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
                ConnectionState connection = registry.byToken(option.receiverToken());
                String detail;
                if (connection == null) {
                    connection = registry.newConnection(flow, Grouping.TOKEN);
                    connection.provisional = true;
                    connection.side(1).setToken(option.receiverToken());
                    registry.registerToken(option.receiverToken(), connection);
                    detail = "token " + hex8(option.receiverToken()) + " matches no MP_CAPABLE handshake in the trace";
                } else {
                    // The SYN carries the receiver's token: the server's when the connection's client joins.
                    ConnectionSide client = connection.side(0);
                    flow.clientIsConnectionClient = !(client.tokenKnown && client.token == option.receiverToken());
                    // A join by token keeps the connection's grouping: handshake when that is in the trace.
                    registry.attach(flow, connection, Grouping.TOKEN);
                    detail = "token " + hex8(option.receiverToken());
                }
                connection.event(EventType.MP_JOIN, frame.timestampNanos(), frame.packetNumber(), flow.index,
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
        ConnectionState connection = registry.get(flow.connection);
        Boolean verdict = joins.verify(connection, flow, option, synAck);
        if (verdict == null) {
            return;
        }
        if (verdict) {
            connection.hmacVerified++;
        } else {
            connection.hmacFailed++;
            String what = (synAck ? "MP_JOIN SYN/ACK" : "MP_JOIN third ACK") + " HMAC does not match the keys";
            connection.event(EventType.HMAC_MISMATCH, frame.timestampNanos(), frame.packetNumber(), flow.index, what);
            warnings.add(AnalysisWarning.Kind.HMAC_MISMATCH, frame, what + " of connection " + connection.index);
        }
    }

    private void setKey(ConnectionState connection, int side, long key, Flow flow, Frame frame) {
        ConnectionSide s = connection.side(side);
        if (!connection.setKey(side, key)) {
            String what = (side == 0 ? "client" : "server") + " key changed from " + hex16(s.key) + " to "
                    + hex16(key) + "; the first is kept";
            connection.event(EventType.KEY_CHANGE, frame.timestampNanos(), frame.packetNumber(), flow.index, what);
            warnings.add(AnalysisWarning.Kind.KEY_CHANGE, frame, what + " (connection " + connection.index + ")");
            return;
        }
        dss.baseKnown(connection, side);
        registry.registerToken(s.token, connection);
    }

    static String hex8(long token) {
        return String.format(Locale.ROOT, "%08x", token & 0xffffffffL);
    }

    static String hex16(long key) {
        return String.format(Locale.ROOT, "%016x", key);
    }

}
