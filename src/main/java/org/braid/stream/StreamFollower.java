package org.braid.stream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.braid.analysis.PacketPass;
import org.braid.io.FrameReader;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.model.AnalysisResult;
import org.braid.model.Endpoint;
import org.braid.model.Fallback;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.model.TcpConnection;

/**
 * Follows a connection or TCP stream of a trace file: one analysis pass that records the
 * stream's segments, then the reassembly of each direction. Positions come from the analysis:
 * a segment it gives no DSN stays out of the stream (its bytes become a hole), except after a
 * fallback to TCP, where the subflow's TCP sequence numbers carry the stream on from the last
 * segment whose DSN is known.
 */
public final class StreamFollower {
    private static final long LOW_32 = 0xffffffffL;
    private static final int CLIENT = 0;
    private static final int SERVER = 1;
    /** A segment of neither side: the SYN data of a flow that is not followed. */
    private static final int NEITHER = -1;

    private StreamFollower() {}

    /** Reads {@code trace} and returns the followed stream, open on the trace until closed. */
    public static FollowedStream follow(Path trace, FollowTarget target) throws IOException {
        return follow(trace, target, source -> { });
    }

    /** As {@link #follow(Path, FollowTarget)}, handing the trace's source to {@code opened} as its read starts (for a progress bar). */
    public static FollowedStream follow(Path trace, FollowTarget target, Consumer<PacketSource> opened)
            throws IOException {
        SegmentCollector collector = new SegmentCollector(target, trace.getFileName().toString());
        List<TraceWarning> warnings;
        try (PacketSource source = TraceReader.open(trace)) {
            opened.accept(source);
            PacketPass.runReadingAhead(source, collector);
            warnings = source.warnings();
        }
        AnalysisResult result = collector.finish(warnings);
        Assembly assembly = target.connection() ? connection(result, collector, target.index())
                : tcpStream(result, collector, target.index());
        FrameReader reader = FrameReader.open(trace);
        return new FollowedStream(target, assembly.client, assembly.server, collector.segments(),
                assembly.sides[CLIENT], assembly.sides[SERVER], assembly.subflowOfFlow, reader);
    }

    private record Assembly(Endpoint client, Endpoint server, SideStream[] sides, int[] subflowOfFlow) {}

    private static Assembly connection(AnalysisResult result, SegmentCollector collector, int index) {
        if (index >= result.connections().size()) {
            throw new IllegalArgumentException("no MPTCP connection " + index + ": the trace has "
                    + result.connections().size());
        }
        MptcpConnection connection = result.connections().get(index);
        SegmentLog log = collector.segments();
        int maxFlow = connection.subflows().stream().mapToInt(Subflow::flow).max().orElse(-1);
        int[] subflowOfFlow = new int[maxFlow + 1];
        Arrays.fill(subflowOfFlow, -1);
        int[] clientEndOfFlow = new int[maxFlow + 1];
        for (int i = 0; i < connection.subflows().size(); i++) {
            int flow = connection.subflows().get(i).flow();
            subflowOfFlow[flow] = i;
            FlowEnds ends = collector.ends(flow);
            clientEndOfFlow[flow] = ends == null ? 0 : clientEnd(ends, connection);
        }
        long[] position = new long[log.size()];
        int[] sideOf = new int[log.size()];
        for (int s = 0; s < log.size(); s++) {
            position[s] = log.relativeDsn(s);
            int flow = log.flow(s);
            if (flow >= subflowOfFlow.length || subflowOfFlow[flow] < 0) {
                sideOf[s] = NEITHER; // the SYN data of another flow
                continue;
            }
            int clientEnd = clientEndOfFlow[flow];
            sideOf[s] = (log.fromFirstSender(s) ? 0 : 1) == clientEnd ? CLIENT : SERVER;
        }
        Fallback fallback = connection.lifecycle() == null ? null : connection.lifecycle().fallback();
        if (fallback != null) {
            continueByTcpSequence(log, position, sideOf, fallback, initialOffsets(connection, fallback));
        }
        long[] start = {SegmentLog.NO_POSITION, SegmentLog.NO_POSITION};
        if (connection.relativeToIdsn()) {
            start[CLIENT] = 1 - placeFastOpenData(collector, connection, clientEndOfFlow, CLIENT, log, position);
            start[SERVER] = 1 - placeFastOpenData(collector, connection, clientEndOfFlow, SERVER, log, position);
        }
        SideStream[] sides = new SideStream[2];
        for (int side = CLIENT; side <= SERVER; side++) {
            int[] segments = segmentsOf(sideOf, side);
            long finEnd = dataFinEnd(collector, connection, clientEndOfFlow, side, log, segments, position);
            boolean finSeen = dataFinSeen(collector, connection, clientEndOfFlow, side);
            sides[side] = new SideStream(log, segments, position, start[side], finEnd, finSeen);
        }
        return new Assembly(connection.client(), connection.server(), sides, subflowOfFlow);
    }

    /**
     * Which end of a subflow (0: its first sender, 1: the other) is the connection's client: an
     * endpoint of the connection itself, else the MP_JOIN SYN's token (a join carries the
     * token of the end it joins), else the end listening on the server's port.
     */
    private static int clientEnd(FlowEnds ends, MptcpConnection connection) {
        if (ends.first.equals(connection.client()) || ends.second.equals(connection.server())) {
            return 0;
        }
        if (ends.second.equals(connection.client()) || ends.first.equals(connection.server())) {
            return 1;
        }
        if (ends.joinSender >= 0 && connection.serverToken() != null) {
            return (ends.joinToken == (connection.serverToken() & LOW_32)) == (ends.joinSender == 0) ? 0 : 1;
        }
        return ends.first.port() == connection.server().port() ? 1 : 0;
    }

    /**
     * Where the fallen-back subflow's TCP positions start in the stream before any mapping says: on
     * the initial subflow of a connection whose handshake is in the trace, its first byte after the
     * SYN is DSN 1 (RFC 8684 3.1), or the first byte of accepted TCP Fast Open data before it.
     */
    private static long[] initialOffsets(MptcpConnection connection, Fallback fallback) {
        long[] offset = {SegmentLog.NO_POSITION, SegmentLog.NO_POSITION};
        Integer at = connection.subflowPosition(fallback.flow());
        if (connection.relativeToIdsn() && at != null && !connection.subflows().get(at).join()) {
            offset[CLIENT] = 1 - connection.data().client().synDataBytes();
            offset[SERVER] = 1 - connection.data().server().synDataBytes();
        }
        return offset;
    }

    /** After a fallback, segments without a DSN on the fallen-back subflow follow their TCP sequence. */
    private static void continueByTcpSequence(SegmentLog log, long[] position, int[] sideOf, Fallback fallback,
            long[] offset) {
        for (int s = 0; s < log.size(); s++) {
            if (log.flow(s) != fallback.flow()) {
                continue;
            }
            if (position[s] != SegmentLog.NO_POSITION) {
                offset[sideOf[s]] = position[s] - log.tcpPosition(s);
            } else if (log.packetIndex(s) + 1L >= fallback.packet() && offset[sideOf[s]] != SegmentLog.NO_POSITION) {
                position[s] = log.tcpPosition(s) + offset[sideOf[s]];
            }
        }
    }

    /**
     * Places the side's TCP Fast Open data (its SYN or SYN/ACK on the initial subflow, when the other
     * end accepted it) just before DSN 1: RFC 8684 B.3 leaves it out of the data sequence space, so
     * the stream starts with it. Returns its length, 0 when there is none.
     */
    private static int placeFastOpenData(SegmentCollector collector, MptcpConnection connection, int[] clientEndOfFlow,
                                    int side, SegmentLog log, long[] position) {
        for (Subflow subflow : connection.subflows()) {
            FlowEnds ends = collector.ends(subflow.flow());
            if (subflow.join() || ends == null) {
                continue;
            }
            int end = side == CLIENT ? clientEndOfFlow[subflow.flow()] : 1 - clientEndOfFlow[subflow.flow()];
            int s = ends.synData[end];
            long accepted = side == CLIENT ? connection.data().client().synDataBytes()
                    : connection.data().server().synDataBytes();
            if (s < 0 || accepted == 0) {
                return 0; // none, or refused and sent again as ordinary data
            }
            position[s] = 1 - log.wirePayload(s);
            return log.wirePayload(s);
        }
        return 0;
    }

    /** Where the side's DATA_FIN ends the stream, when both its DSN and the side's DSN base are known. */
    private static long dataFinEnd(SegmentCollector collector, MptcpConnection connection, int[] clientEndOfFlow,
                                   int side, SegmentLog log, int[] segments, long[] position) {
        long base = -1;
        long fin = -1;
        for (Subflow subflow : connection.subflows()) {
            FlowEnds ends = collector.ends(subflow.flow());
            if (ends == null) {
                continue;
            }
            int end = side == CLIENT ? clientEndOfFlow[subflow.flow()] : 1 - clientEndOfFlow[subflow.flow()];
            base = base >= 0 ? base : ends.dsnBase[end];
            fin = fin >= 0 ? fin : ends.dataFin[end];
        }
        if (base < 0 || fin < 0) {
            return SegmentLog.NO_POSITION;
        }
        long last = 0;
        for (int s : segments) {
            if (position[s] != SegmentLog.NO_POSITION) {
                last = Math.max(last, position[s] + log.wirePayload(s));
            }
        }
        long finLow = (fin - base) & LOW_32;
        return last + (int) (finLow - (last & LOW_32)); // the FIN's DSN nearest the data seen
    }

    private static boolean dataFinSeen(SegmentCollector collector, MptcpConnection connection, int[] clientEndOfFlow,
                                       int side) {
        for (Subflow subflow : connection.subflows()) {
            FlowEnds ends = collector.ends(subflow.flow());
            int end = side == CLIENT ? clientEndOfFlow[subflow.flow()] : 1 - clientEndOfFlow[subflow.flow()];
            if (ends != null && ends.dataFin[end] >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Assembly tcpStream(AnalysisResult result, SegmentCollector collector, int flow) {
        FlowEnds ends = collector.ends(flow);
        if (ends == null) {
            throw new IllegalArgumentException("no TCP stream " + flow + " in the trace");
        }
        Endpoint client = clientOfFlow(result, flow, ends);
        int clientEnd = ends.first.equals(client) ? 0 : 1;
        SegmentLog log = collector.segments();
        long[] position = new long[log.size()];
        int[] sideOf = new int[log.size()];
        for (int s = 0; s < log.size(); s++) {
            position[s] = log.tcpPosition(s);
            sideOf[s] = log.flow(s) != flow ? NEITHER // the SYN data of another flow
                    : (log.fromFirstSender(s) ? 0 : 1) == clientEnd ? CLIENT : SERVER;
        }
        int subflow = -1;
        for (MptcpConnection connection : result.connections()) {
            Integer at = connection.subflowPosition(flow);
            subflow = at != null ? at : subflow;
        }
        int[] subflowOfFlow = new int[flow + 1];
        Arrays.fill(subflowOfFlow, -1);
        subflowOfFlow[flow] = subflow;
        SideStream[] sides = new SideStream[2];
        for (int side = CLIENT; side <= SERVER; side++) {
            int end = side == CLIENT ? clientEnd : 1 - clientEnd;
            long start = ends.synSeen(end) ? 0 : SegmentLog.NO_POSITION;
            long finEnd = ends.fin[end] >= 0 ? ends.fin[end] : SegmentLog.NO_POSITION;
            sides[side] = new SideStream(log, segmentsOf(sideOf, side), position, start, finEnd, ends.fin[end] >= 0);
        }
        return new Assembly(client, ends.endpoint(1 - clientEnd), sides, subflowOfFlow);
    }

    private static Endpoint clientOfFlow(AnalysisResult result, int flow, FlowEnds ends) {
        for (TcpConnection tcp : result.tcpConnections()) {
            if (tcp.flow() == flow) {
                return tcp.client();
            }
        }
        for (MptcpConnection connection : result.connections()) {
            for (Subflow subflow : connection.subflows()) {
                if (subflow.flow() == flow) {
                    return subflow.client();
                }
            }
        }
        return ends.first;
    }

    private static int[] segmentsOf(int[] sideOf, int side) {
        int count = 0;
        for (int s : sideOf) {
            count += s == side ? 1 : 0;
        }
        int[] segments = new int[count];
        int at = 0;
        for (int s = 0; s < sideOf.length; s++) {
            if (sideOf[s] == side) {
                segments[at++] = s;
            }
        }
        return segments;
    }
}
