package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.DataLevel;
import org.braid.model.EndReason;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.model.TcpConnection;

/** Turns the mutable pass state into the immutable model records. */
final class ResultBuilder {
    private ResultBuilder() {}

    static MptcpConnection connection(ConnectionState c) {
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
        DataLevel data = c.data.toModel();
        return new MptcpConnection(c.index, c.version == Flow.NONE ? null : c.version, c.handshake,
                same ? firstClient : firstServer, same ? firstServer : firstClient,
                c.keyKnown[0] ? c.key[0] : null, c.keyKnown[1] ? c.key[1] : null,
                c.tokenKnown[0] ? c.token[0] : null, c.tokenKnown[1] ? c.token[1] : null,
                c.keyKnown[0] ? c.idsn[0] : null, c.keyKnown[1] ? c.idsn[1] : null,
                c.checksum, !c.baseFromFirstDsn, c.startNanos, c.endNanos, c.hmacVerified, c.hmacFailed,
                subflows, ReinjectionBursts.merge(c.events, ReinjectionBursts.of(data.reinjections(),
                        flow -> subflowName(c, flow))), data,
                WindowDirection.receiveWindow(c));
    }

    static Subflow subflow(Flow flow) {
        return new Subflow(flow.index, client(flow), server(flow), flow.join,
                flow.clientAddressId == Flow.NONE ? null : flow.clientAddressId,
                flow.serverAddressId == Flow.NONE ? null : flow.serverAddressId,
                flow.backup, rtt(flow), flow.startNanos, flow.endNanos, flow.packets, flow.payloadBytes[0],
                flow.payloadBytes[1], end(flow), flow.data.retransmissions, flow.data.toModel());
    }

    private static String subflowName(ConnectionState c, int flowIndex) {
        for (Flow flow : c.subflows) {
            if (flow.index == flowIndex) {
                return client(flow) + "->" + server(flow);
            }
        }
        return "flow " + flowIndex;
    }

    static TcpConnection tcpConnection(Flow flow) {
        return new TcpConnection(flow.index, client(flow), server(flow), rtt(flow), flow.startNanos, flow.endNanos,
                flow.packets, flow.payloadBytes[0], flow.payloadBytes[1], end(flow), refusal(flow));
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
