package org.braid.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;

/**
 * One capture, read once: the MPTCP analysis (its result and per-packet columns) and the TCP
 * fields that matching needs, filled in the same pass.
 */
public final class CapturedTrace {
    private final String name;
    private final AnalysisResult result;
    private final PacketColumns columns;
    private final PacketFields fields;
    private final IcmpRefusals refusals;
    private final Map<Integer, Subflow> subflowOfFlow = new HashMap<>();
    private final Map<Integer, MptcpConnection> connectionOfFlow = new HashMap<>();

    CapturedTrace(String name, AnalysisResult result, PacketColumns columns, PacketFields fields,
            IcmpRefusals refusals) {
        this.name = name;
        this.result = result;
        this.columns = columns;
        this.fields = fields;
        this.refusals = refusals;
        for (MptcpConnection c : result.connections()) {
            for (Subflow s : c.subflows()) {
                subflowOfFlow.put(s.flow(), s);
                connectionOfFlow.put(s.flow(), c);
            }
        }
    }

    /** Reads and analyses a trace file in one pass. */
    public static CapturedTrace read(Path file) throws IOException {
        return read(file, source -> { });
    }

    /** Reads and analyses a trace file in one pass, handing its source to {@code opened} first (for a progress bar). */
    public static CapturedTrace read(Path file, Consumer<PacketSource> opened) throws IOException {
        try (PacketSource source = TraceReader.open(file)) {
            opened.accept(source);
            MptcpAnalyzer analyzer = new MptcpAnalyzer(1024, source.name());
            PacketFields fields = new PacketFields(1024);
            IcmpRefusals refusals = new IcmpRefusals();
            PacketPass.runReadingAhead(source, (frame, packet) -> {
                analyzer.onPacket(frame, packet);
                fields.add(frame.timestampNanos(), packet);
                refusals.add(frame.packetNumber(), packet);
            });
            analyzer.finish();
            return new CapturedTrace(file.getFileName().toString(), analyzer.result(source.warnings()),
                    analyzer.columns(), fields, refusals);
        }
    }

    public String name() { return name; }

    public AnalysisResult result() { return result; }

    public PacketColumns columns() { return columns; }

    PacketFields fields() { return fields; }

    public int packets() { return fields.size(); }

    /** Capture time of packet {@code i} (0-based), nanoseconds since the epoch. */
    public long time(int i) { return fields.time(i); }

    long firstTime() { return fields.size() == 0 ? 0 : fields.time(0); }

    long lastTime() { return fields.size() == 0 ? 0 : fields.time(fields.size() - 1); }

    /** The subflow of TCP flow {@code flow}, or null when the flow is not part of an MPTCP connection. */
    Subflow subflow(int flow) { return subflowOfFlow.get(flow); }

    MptcpConnection connectionOfFlow(int flow) { return connectionOfFlow.get(flow); }

    /** The position of packet {@code i}'s subflow in its connection, or null for a packet outside MPTCP. */
    public Integer subflowPosition(int i) {
        int flow = columns.flowOfPacket(i);
        MptcpConnection c = flow < 0 ? null : connectionOfFlow.get(flow);
        return c == null ? null : c.subflowPosition(flow);
    }

    /**
     * True when packet {@code i} (of an MPTCP subflow) was sent by its connection's client, the end
     * that sent the MP_CAPABLE SYN.
     */
    public boolean fromClient(int i) {
        Subflow s = subflowOfFlow.get(columns.flowOfPacket(i));
        MptcpConnection c = connectionOfFlow.get(columns.flowOfPacket(i));
        if (s == null) {
            return !columns.hasFlag(i, PacketColumns.SERVER_DATA); // not a listed subflow: the data direction says
        }
        boolean joinedByServer = s.join() && s.client().address().equals(c.server().address())
                && !s.client().address().equals(c.client().address());
        return fromSubflowClient(i) != joinedByServer;
    }

    /** The ICMP error in this capture that quotes packet {@code i} (a subflow's segment), or null. */
    IcmpRefusals.Refusal refusalOf(int i) {
        Subflow s = subflowOfFlow.get(columns.flowOfPacket(i));
        if (s == null) {
            return null;
        }
        boolean bySubflowClient = fromSubflowClient(i);
        return refusals.about(bySubflowClient ? s.client() : s.server(), bySubflowClient ? s.server() : s.client(),
                fields.sequence(i));
    }

    /** True when packet {@code i} was sent by its subflow's client (the end that sent the SYN). */
    private boolean fromSubflowClient(int i) {
        Subflow s = subflowOfFlow.get(columns.flowOfPacket(i));
        if (s.client().port() != s.server().port()) {
            return fields.sourcePort(i) == s.client().port();
        }
        // Same port at both ends: the analysis's data direction is the best evidence left.
        MptcpConnection c = connectionOfFlow.get(columns.flowOfPacket(i));
        boolean serverData = columns.hasFlag(i, PacketColumns.SERVER_DATA);
        return c.client().equals(s.client()) != serverData;
    }
}
