package org.braid.ui.analysis;

import java.util.Arrays;
import org.braid.analysis.PacketColumns;
import org.braid.model.AnalysisResult;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.model.TcpConnection;

/**
 * What the analysis found in a loaded trace: its result and per-packet columns, with the lookups
 * the window needs from a TCP flow index (its MPTCP connection, its position among the
 * connection's subflows), built once after the load.
 */
public final class TraceAnalysis {
    /** Value of the flow lookups for a flow outside any MPTCP connection. */
    public static final int NONE = -1;

    private final AnalysisResult result;
    private final PacketColumns columns;
    private final int[] connectionOfFlow;
    private final int[] subflowOfFlow;
    /** The TCP connection (outside MPTCP) of each flow, or null. */
    private final TcpConnection[] tcpConnectionOfFlow;

    public TraceAnalysis(AnalysisResult result, PacketColumns columns) {
        this.result = result;
        this.columns = columns;
        int flows = 0;
        for (MptcpConnection connection : result.connections()) {
            for (Subflow subflow : connection.subflows()) {
                flows = Math.max(flows, subflow.flow() + 1);
            }
        }
        for (TcpConnection tcp : result.tcpConnections()) {
            flows = Math.max(flows, tcp.flow() + 1);
        }
        connectionOfFlow = new int[flows];
        tcpConnectionOfFlow = new TcpConnection[flows];
        for (TcpConnection tcp : result.tcpConnections()) {
            tcpConnectionOfFlow[tcp.flow()] = tcp;
        }
        subflowOfFlow = new int[flows];
        Arrays.fill(connectionOfFlow, NONE);
        Arrays.fill(subflowOfFlow, NONE);
        for (MptcpConnection connection : result.connections()) {
            for (int i = 0; i < connection.subflows().size(); i++) {
                int flow = connection.subflows().get(i).flow();
                connectionOfFlow[flow] = connection.index();
                subflowOfFlow[flow] = i;
            }
        }
    }

    public AnalysisResult result() { return result; }
    public PacketColumns columns() { return columns; }

    /** The MPTCP connection of TCP flow {@code flow}, or {@link #NONE}. */
    public int connectionOfFlow(int flow) {
        return flow >= 0 && flow < connectionOfFlow.length ? connectionOfFlow[flow] : NONE;
    }

    /** The plain TCP connection (or refused MPTCP attempt) of flow {@code flow}, or null. */
    public TcpConnection tcpConnectionOfFlow(int flow) {
        return flow >= 0 && flow < tcpConnectionOfFlow.length ? tcpConnectionOfFlow[flow] : null;
    }

    /** The position of flow {@code flow} among its connection's subflows (0 = the first), or {@link #NONE}. */
    public int subflowOfFlow(int flow) {
        return flow >= 0 && flow < subflowOfFlow.length ? subflowOfFlow[flow] : NONE;
    }

    /**
     * The MPTCP connection of packet {@code i} as this result knows it, or {@link #NONE}. Unlike the
     * raw column, never names a connection missing from {@link #result()}: a live capture's columns
     * keep growing (a flow becomes MPTCP later) after the result was taken.
     */
    public int connectionOfPacket(int i) {
        return connectionOfFlow(columns.flowOfPacket(i));
    }

    /** The subflow record of packet {@code i}, or null for a packet outside MPTCP. */
    public Subflow subflowOfPacket(int i) {
        int flow = columns.flowOfPacket(i);
        int connection = connectionOfFlow(flow);
        return connection == NONE ? null : result.connections().get(connection).subflows().get(subflowOfFlow(flow));
    }

    public MptcpConnection connection(int index) {
        return result.connections().get(index);
    }

    /**
     * The data side (0 = the connection's client, 1 = its server) of a packet of {@code subflow}
     * sent from {@code source}. The model does not say which end of a subflow is the connection's
     * client, so a subflow is taken to be opened by the connection's client unless it was opened
     * towards the client's address (a join initiated by the server).
     */
    public static int side(MptcpConnection connection, Subflow subflow, Endpoint source) {
        boolean reversed = subflow.join() && subflow.server().address().equals(connection.client().address());
        boolean fromSubflowClient = subflow.client().equals(source);
        return fromSubflowClient != reversed ? 0 : 1;
    }

    /**
     * {@code rawDataAck} (as sent, 4 or 8 bytes) relative to the DSN base of {@code ackedSide}'s
     * data, or null when that base is not known (the keys are not in the trace).
     */
    public static Long relativeDataAck(MptcpConnection connection, int ackedSide, long rawDataAck, boolean eightBytes) {
        Long idsn = ackedSide == 0 ? connection.clientIdsn() : connection.serverIdsn();
        if (idsn == null || !connection.relativeToIdsn()) {
            return null;
        }
        return eightBytes ? rawDataAck - idsn : (rawDataAck - idsn) & 0xffffffffL;
    }
}
