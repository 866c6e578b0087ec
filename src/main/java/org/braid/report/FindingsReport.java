package org.braid.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.MptcpConnection;
import org.braid.model.RttStats;

/** The expert findings and per-subflow RTT figures in JSON and CSV: names documented in the README. */
public final class FindingsReport {
    static final String FINDINGS = "findings.csv";

    /** findings.csv: one row per finding, most severe first. */
    static final CsvTable<FindingRow> FINDING_TABLE = new CsvTable<FindingRow>()
            .column("severity", r -> r.finding().severity().label())
            .column("group", r -> r.finding().group().label())
            .column("kind", r -> r.finding().kind().label())
            .column("connection", r -> r.finding().connection())
            .column("subflow", FindingRow::subflow)
            .column("tcp_stream", r -> r.finding().flow())
            .column("start_time", r -> Text.iso(r.finding().startNanos()))
            .column("end_time", r -> Text.iso(r.finding().endNanos()))
            .column("duration_s", r -> r.finding().durationNanos() / 1e9)
            .column("first_packet", r -> r.finding().evidence().isEmpty() ? null : r.finding().evidence().first())
            .column("packet_count", r -> r.finding().evidence().count())
            .column("packets", r -> LongStream.of(r.finding().evidence().packets()).mapToObj(String::valueOf)
                    .collect(Collectors.joining(" ")))
            .column("summary", r -> r.finding().summary());

    /** A finding with its connection resolved, so the subflow is named by position as elsewhere. */
    record FindingRow(Finding finding, MptcpConnection connection) {
        Integer subflow() {
            return connection == null || finding.flow() == null ? null : connection.subflowPosition(finding.flow());
        }
    }

    private FindingsReport() {}

    static List<FindingRow> rows(AnalysisResult result) {
        return result.findings().stream().map(f -> new FindingRow(f,
                f.connection() == null ? null : result.connections().get(f.connection()))).toList();
    }

    /** The JSON of {@code findings}, each named and placed as in findings.csv. */
    public static List<Map<String, Object>> json(List<Finding> findings, AnalysisResult result) {
        return findings.stream().map(f -> json(new FindingRow(f,
                f.connection() == null ? null : result.connections().get(f.connection())))).toList();
    }

    private static Map<String, Object> json(FindingRow r) {
        Finding f = r.finding();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("severity", f.severity().label());
        doc.put("group", f.group().label());
        doc.put("kind", f.kind().label());
        doc.put("connection", f.connection());
        doc.put("subflow", r.subflow());
        doc.put("tcpStream", f.flow());
        doc.put("startTime", Text.iso(f.startNanos()));
        doc.put("endTime", Text.iso(f.endNanos()));
        doc.put("durationSeconds", f.durationNanos() / 1e9);
        doc.put("summary", f.summary());
        doc.put("firstPacket", f.evidence().isEmpty() ? null : f.evidence().first());
        doc.put("packetCount", f.evidence().count());
        doc.put("packets", LongStream.of(f.evidence().packets()).boxed().toList());
        return doc;
    }

    /** The RTT figures of a subflow, in seconds; null without samples. */
    public static Map<String, Object> rttJson(RttStats rtt) {
        if (rtt == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("samples", rtt.samples());
        doc.put("minSeconds", rtt.min() / 1e9);
        doc.put("medianSeconds", rtt.median() / 1e9);
        doc.put("p95Seconds", rtt.p95() / 1e9);
        return doc;
    }
}
