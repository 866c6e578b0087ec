package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.decode.MptcpOption;
import org.braid.model.BackupChange;
import org.braid.model.ChecksumFailure;
import org.braid.model.ConnectionEnd;
import org.braid.model.ConnectionEndReason;
import org.braid.model.ConnectionGrouping;
import org.braid.model.ConnectionLifecycle;
import org.braid.model.DataLevel;
import org.braid.model.DssMappings;
import org.braid.model.EndReason;
import org.braid.model.Endpoint;
import org.braid.model.EndpointKeys;
import org.braid.model.Fallback;
import org.braid.model.FallbackReason;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.model.SubflowLifecycle;
import org.braid.model.TcpConnection;

/** Turns the mutable pass state into the immutable model records. */
final class ResultBuilder {
    private ResultBuilder() {}

    static MptcpConnection connection(ConnectionState c, int number) {
        List<Subflow> subflows = new ArrayList<>();
        for (Flow flow : c.subflows) {
            subflows.add(subflow(flow));
        }
        Flow first = c.subflows.get(0);
        for (Flow flow : c.subflows) {
            if (!flow.join) {
                first = flow;
                break;
            }
        }
        Endpoint firstClient = client(first);
        Endpoint firstServer = server(first);
        boolean same = first.clientIsConnectionClient;
        DataLevel data = c.data.toModel(c);
        ConnectionGrouping grouping = new ConnectionGrouping(c.grouping, c.groupingEvidence, !c.handshake);
        return new MptcpConnection(number, c.version == Flow.NONE ? null : c.version, c.handshake,
                same ? firstClient : firstServer, same ? firstServer : firstClient, keys(c.side(0)), keys(c.side(1)),
                c.checksum.toModel(), c.relativeToIdsn(), grouping, c.startNanos, c.endNanos, c.hmacVerified,
                c.hmacFailed, subflows, ReinjectionBursts.merge(c.events, ReinjectionBursts.of(data.reinjections(),
                        flow -> subflowName(c, flow))), data,
                WindowDirection.receiveWindow(c), mappings(c), lifecycle(c));
    }

    private static EndpointKeys keys(ConnectionSide s) {
        return new EndpointKeys(s.keyKnown ? s.key : null, s.tokenKnown ? s.token : null, s.keyKnown ? s.idsn : null);
    }

    static DssMappings mappings(ConnectionState c) {
        List<ChecksumFailure> failures = new ArrayList<>();
        MappingLog log = c.history.mappings;
        for (ChecksumFailureLink f : c.history.failures) {
            long dsn = log.dsn(f.row);
            failures.add(new ChecksumFailure(dsn, dsn - c.side(log.side(f.row)).dsnBase, f.flow, log.subflowSeq(f.row),
                    log.length(f.row), log.checksum(f.row), log.expectedChecksum(f.row), log.firstPacket(f.row), f.failedPacket, packetOrNull(f.mpFailPacket),
                    packetOrNull(f.resetPacket), f.resetReason == Flow.NONE ? null : f.resetReason,
                    packetOrNull(f.fallbackPacket)));
        }
        return log.toModel(new long[] {c.side(0).dsnBase, c.side(1).dsnBase}, failures);
    }

    static ConnectionLifecycle lifecycle(ConnectionState c) {
        ConnectionHistory h = c.history;
        Fallback fallback = h.fallbackReason == null ? null
                : new Fallback(h.fallbackReason, h.fallbackNanos, h.fallbackPacket, h.fallbackFlow);
        Fallback requested = h.fallbackRequestPacket == 0 ? null
                : new Fallback(FallbackReason.MP_FAIL, h.fallbackRequestNanos, h.fallbackRequestPacket,
                        h.fallbackRequestFlow);
        return new ConnectionLifecycle(fallback, requested, connectionEnd(c), h.addAddrHmacVerified, h.addAddrHmacFailed,
                h.addAddrHmacLeftmost);
    }

    /** MP_FASTCLOSE first, then both DATA_FINs acknowledged, then every subflow ended, then one DATA_FIN. */
    private static ConnectionEnd connectionEnd(ConnectionState c) {
        ConnectionHistory h = c.history;
        if (h.fastclosePacket != 0) {
            return new ConnectionEnd(ConnectionEndReason.MP_FASTCLOSE, h.fastcloseNanos, h.fastclosePacket);
        }
        if (h.dataFinAckPacket[0] != 0 && h.dataFinAckPacket[1] != 0) {
            int last = h.dataFinAckPacket[0] > h.dataFinAckPacket[1] ? 0 : 1;
            return new ConnectionEnd(ConnectionEndReason.DATA_FIN, h.dataFinAckNanos[last], h.dataFinAckPacket[last]);
        }
        boolean allEnded = true;
        boolean anyReset = false;
        long lastPacket = 0;
        long lastNanos = 0;
        for (Flow flow : c.subflows) {
            if (flow.history.endPacket == 0) {
                allEnded = false;
                break;
            }
            anyReset |= flow.reset;
            if (flow.history.endPacket > lastPacket) {
                lastPacket = flow.history.endPacket;
                lastNanos = flow.history.endNanos;
            }
        }
        if (allEnded) {
            return new ConnectionEnd(anyReset ? ConnectionEndReason.RESET : ConnectionEndReason.FIN, lastNanos,
                    lastPacket);
        }
        if (h.dataFinPacket[0] != 0 || h.dataFinPacket[1] != 0) {
            int first = h.dataFinPacket[0] != 0 && (h.dataFinPacket[1] == 0 || h.dataFinPacket[0] < h.dataFinPacket[1])
                    ? 0 : 1;
            return new ConnectionEnd(ConnectionEndReason.HALF_CLOSED, h.dataFinNanos[first], h.dataFinPacket[first]);
        }
        return new ConnectionEnd(ConnectionEndReason.OPEN, null, null);
    }

    private static Long packetOrNull(long packet) {
        return packet == 0 ? null : packet;
    }

    static Subflow subflow(Flow flow) {
        return new Subflow(flow.index, client(flow), server(flow), flow.join,
                flow.clientAddressId == Flow.NONE ? null : flow.clientAddressId,
                flow.serverAddressId == Flow.NONE ? null : flow.serverAddressId,
                flow.backup, rtt(flow), flow.startNanos, flow.endNanos, flow.packets, flow.payloadBytes[0],
                flow.payloadBytes[1], end(flow), flow.data.retransmissions, flow.data.toModel(),
                subflowLifecycle(flow), flow.grouping, flow.roles);
    }

    private static String subflowName(ConnectionState c, int flowIndex) {
        for (Flow flow : c.subflows) {
            if (flow.index == flowIndex) {
                return client(flow) + "->" + server(flow);
            }
        }
        return "flow " + flowIndex;
    }

    private static SubflowLifecycle subflowLifecycle(Flow flow) {
        SubflowHistory h = flow.history;
        List<BackupChange> changes = h.backupChanges;
        boolean finalBackup = changes.isEmpty() ? flow.backup : changes.get(changes.size() - 1).backup();
        Integer reason = h.resetReason == Flow.NONE ? null : h.resetReason;
        return new SubflowLifecycle(packetOrNull(h.endPacket), reason,
                reason == null ? null : MptcpOption.resetReasonName(reason), changes, finalBackup);
    }

    static TcpConnection tcpConnection(Flow flow) {
        return new TcpConnection(flow.index, client(flow), server(flow), rtt(flow), flow.startNanos, flow.endNanos,
                flow.packets, flow.payloadBytes[0], flow.payloadBytes[1], end(flow), refusal(flow), flow.roles);
    }

    /** Why a flow whose SYN asked for MPTCP is plain TCP; null when it never asked. */
    private static String refusal(Flow flow) {
        if (!flow.capableOnSyn) {
            return null;
        }
        if (flow.sawSynAck && !flow.capableOnSynAck) {
            return "SYN/ACK without MP_CAPABLE: the server refused MPTCP";
        }
        return "MP_CAPABLE SYN not answered in the trace";
    }

    private static Long rtt(Flow flow) {
        return flow.handshakeRttNanos < 0 ? null : flow.handshakeRttNanos;
    }

    private static EndReason end(Flow flow) {
        if (flow.reset) {
            return EndReason.RST;
        }
        if (flow.finSeen[0] && flow.finSeen[1]) {
            return EndReason.FIN;
        }
        return flow.finSeen[0] || flow.finSeen[1] ? EndReason.HALF_CLOSED : EndReason.OPEN;
    }

    private static Endpoint client(Flow flow) {
        return new Endpoint(flow.clientAddress, flow.clientPort);
    }

    private static Endpoint server(Flow flow) {
        return new Endpoint(flow.serverAddress, flow.serverPort);
    }
}
