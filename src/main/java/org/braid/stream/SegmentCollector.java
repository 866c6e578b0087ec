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
import org.braid.io.TraceWarning;
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
    private MptcpAnalyzer analyzer;
    private final List<FlowEnds> flows = new ArrayList<>();
    private final SegmentLog segments = new SegmentLog();

    SegmentCollector(FollowTarget target, String file) {
        this.target = target;
        this.analyzer = new MptcpAnalyzer(1024, file);
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
        int wire = packet.payloadWireLength();
        if (syn) {
            ends.onSyn(end, packet.sequenceNumber());
            noteJoin(ends, end, packet);
            if (wire > 0 && ends.synData[end] < 0) {
                // TCP Fast Open data: logged for every flow, since a SYN does not yet say which
                // connection it opens; the assembly keeps the followed one's and places it.
                ends.synData[end] = segments.size();
                segments.add(index, frame.fileOffset(), frame.timestampNanos(), packet.payloadOffset(),
                        packet.payloadCapturedLength(), wire, SegmentLog.NO_POSITION, 0, flow, end == 0);
            }
            return;
        }
        boolean followed = target.connection() ? columns.connectionOfPacket(index) == target.index()
                : flow == target.index();
        boolean fin = packet.hasTcpFlag(DecodedPacket.TCP_FIN);
        if (!followed || (wire == 0 && !fin && packet.mptcpOptionCount() == 0)) {
            return;
        }
        long position = ends.position(end, packet.sequenceNumber());
        // The analysis gives a DSN only once the subflow's sequence numbers are anchored (its SYN, or
        // mappings that prove where they start); before that the bytes are a hole, never a guess.
        long dsn = columns.relativeDsn(index);
        long absolute = columns.absoluteDsn(index);
        noteDss(ends, end, packet, wire > 0 ? dsn : PacketColumns.NO_DSN, absolute);
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
    private static void noteDss(FlowEnds ends, int end, DecodedPacket packet, long relativeDsn, long absoluteDsn) {
        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (option.malformed() || option.subtype() != MptcpSubtype.DSS || !option.hasDataSequenceNumber()
                    || !option.hasDataLevelLength() || option.dataLevelLength() == 0) {
                continue;
            }
            if (option.dataFin() && ends.dataFin[end] < 0) {
                ends.dataFin[end] = (option.dataSequenceNumber() + option.dataLevelLength() - 1) & LOW_32;
            }
            if (relativeDsn != PacketColumns.NO_DSN && absoluteDsn != PacketColumns.NO_DSN && ends.dsnBase[end] < 0) {
                ends.dsnBase[end] = (absoluteDsn - relativeDsn) & LOW_32;
            }
        }
    }

    /**
     * Ends the pass: the analysis's result, after which the analyzer and its per-packet columns
     * are let go, so the reassembly does not hold them too.
     */
    AnalysisResult finish(List<TraceWarning> readerWarnings) {
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
