package org.braid.stream;

import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.io.Frame;
import org.braid.model.AnalysisResult;

/**
 * The one pass behind a follow: runs the analysis on every packet and, for the followed
 * connection or TCP stream, records each data segment in a {@link SegmentLog} with the DSN the
 * analysis gave it, plus what locates the stream's ends (SYNs, DATA_FIN, FIN). Allocates per
 * flow, never per packet.
 */
final class SegmentCollector implements PacketPass.Listener {
    private static final long LOW_32 = 0xffffffffL;

    private final FollowTarget target;
    private MptcpAnalyzer analyzer = new MptcpAnalyzer();
    private final List<FlowEnds> flows = new ArrayList<>();
    private final SegmentLog segments = new SegmentLog();

    SegmentCollector(FollowTarget target) {
        this.target = target;
    }

    @Override
    public void onPacket(Frame frame, DecodedPacket packet) {
        analyzer.onPacket(frame, packet);
        PacketColumns columns = analyzer.columns();
        int index = columns.size() - 1;
        int flow = columns.flowOfPacket(index);
        if (flow < 0) {
            return;
        }
        FlowEnds ends = endsOf(flow, packet);
        int end = ends.endOf(packet);
        boolean syn = packet.hasTcpFlag(DecodedPacket.TCP_SYN);
        if (syn) {
            ends.onSyn(end, packet.sequenceNumber());
            noteJoin(ends, end, packet);
            return;
        }
        boolean followed = target.connection() ? columns.connectionOfPacket(index) == target.index()
                : flow == target.index();
        boolean fin = packet.hasTcpFlag(DecodedPacket.TCP_FIN);
        int wire = packet.payloadWireLength();
        if (!followed || (wire == 0 && !fin && packet.mptcpOptionCount() == 0)) {
            return;
        }
        long position = ends.position(end, packet.sequenceNumber());
        // DSS mappings count a subflow's bytes from its ISN: without the subflow's SYN in the trace
        // the analysis can only guess where a segment falls in a mapping, so its DSN is not used
        // (the bytes become a hole). Once the analysis itself reports no DSN for such segments,
        // this guard changes nothing.
        long dsn = ends.synSeen(end) ? columns.relativeDsn(index) : PacketColumns.NO_DSN;
        noteDss(ends, end, packet, wire > 0 ? dsn : PacketColumns.NO_DSN);
        if (fin && ends.fin[end] < 0) {
            ends.fin[end] = position + wire;
        }
        if (wire > 0) {
            segments.add(index, frame.fileOffset(), frame.timestampNanos(), packet.payloadOffset(), packet.payloadCapturedLength(), wire,
                    dsn == PacketColumns.NO_DSN ? SegmentLog.NO_POSITION : dsn, position, flow, end == 0);
        }
    }

    private FlowEnds endsOf(int flow, DecodedPacket packet) {
        while (flows.size() <= flow) {
            flows.add(null);
        }
        FlowEnds ends = flows.get(flow);
        if (ends == null) {
            ends = new FlowEnds(packet);
            flows.set(flow, ends);
        }
        return ends;
    }

    /** Remembers the token of an MP_JOIN SYN: it tells which end of the subflow is the connection's client. */
    private static void noteJoin(FlowEnds ends, int end, DecodedPacket packet) {
        if (packet.hasTcpFlag(DecodedPacket.TCP_ACK)) {
            return;
        }
        MptcpOption join = packet.firstMptcpOption(MptcpSubtype.MP_JOIN);
        if (join != null && !join.malformed() && join.hasReceiverToken()) {
            ends.joinToken = join.receiverToken() & LOW_32;
            ends.joinSender = end;
        }
    }

    /**
     * Learns the end's DSN base (absolute minus relative, low 32 bits) from a segment whose own
     * DSS mapping covers it, and the absolute DSN of its DATA_FIN; together they place the end
     * of the stream.
     */
    private static void noteDss(FlowEnds ends, int end, DecodedPacket packet, long relativeDsn) {
        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (option.malformed() || option.subtype() != MptcpSubtype.DSS || !option.hasDataSequenceNumber()
                    || !option.hasDataLevelLength() || option.dataLevelLength() == 0) {
                continue;
            }
            if (option.dataFin() && ends.dataFin[end] < 0) {
                ends.dataFin[end] = (option.dataSequenceNumber() + option.dataLevelLength() - 1) & LOW_32;
            }
            if (relativeDsn != PacketColumns.NO_DSN && ends.dsnBase[end] < 0 && ends.synSeen(end)
                    && option.hasSubflowSequenceNumber() && option.subflowSequenceNumber() != 0) {
                long offset = (ends.subflowSequence(end, packet.sequenceNumber()) - option.subflowSequenceNumber()) & LOW_32;
                ends.dsnBase[end] = (option.dataSequenceNumber() + offset - relativeDsn) & LOW_32;
            }
        }
    }

    /**
     * Ends the pass: the analysis's result, after which the analyzer and its per-packet columns
     * are let go, so the reassembly does not hold them too.
     */
    AnalysisResult finish(List<String> readerWarnings) {
        analyzer.finish();
        AnalysisResult result = analyzer.result(readerWarnings);
        analyzer = null;
        return result;
    }

    SegmentLog segments() { return segments; }

    /** The ends of flow {@code flow}, or null when it has no packet. */
    FlowEnds ends(int flow) {
        return flow < flows.size() ? flows.get(flow) : null;
    }
}
