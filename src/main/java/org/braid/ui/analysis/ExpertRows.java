package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingGroup;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;

/**
 * The Expert Info tab's lines: a heading per severity, then per group, each with its count, then
 * the findings, then each finding's evidence packets (the first {@link #LISTED_PACKETS}).
 *
 * @param text     the first column: heading, summary or packet
 * @param where    connection and subflow ("c0/s1"), or a TCP stream
 * @param packet   the packet a click jumps to (1-based), 0 for a heading
 * @param count    evidence packets of a finding, findings of a heading
 * @param severity the severity the line belongs to
 * @param finding  the finding of the line, null for a heading
 */
public record ExpertRows(String text, String where, long packet, int count, FindingSeverity severity, Finding finding,
        List<ExpertRows> children) {
    public static final int LISTED_PACKETS = 200;

    public ExpertRows {
        children = List.copyOf(children);
    }

    /** The tree of the findings of {@code result}. */
    public static List<ExpertRows> of(AnalysisResult result) {
        Map<FindingSeverity, Map<FindingGroup, List<Finding>>> grouped = new EnumMap<>(FindingSeverity.class);
        for (Finding f : result.findings()) {
            grouped.computeIfAbsent(f.severity(), s -> new EnumMap<>(FindingGroup.class))
                    .computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
        }
        List<ExpertRows> severities = new ArrayList<>();
        grouped.forEach((severity, groups) -> {
            List<ExpertRows> groupRows = new ArrayList<>();
            int total = 0;
            for (Map.Entry<FindingGroup, List<Finding>> e : groups.entrySet()) {
                List<ExpertRows> findings = e.getValue().stream().map(f -> finding(result, f)).toList();
                groupRows.add(new ExpertRows(e.getKey().label(), "", findings.get(0).packet(), findings.size(), severity,
                        null, findings));
                total += findings.size();
            }
            severities.add(new ExpertRows(heading(severity), "", groupRows.get(0).packet(), total, severity, null,
                    groupRows));
        });
        return severities;
    }

    private static ExpertRows finding(AnalysisResult result, Finding f) {
        List<ExpertRows> packets = new ArrayList<>();
        long[] evidence = f.evidence().packets();
        for (int i = 0; i < Math.min(evidence.length, LISTED_PACKETS); i++) {
            packets.add(new ExpertRows("packet " + evidence[i], "", evidence[i], 1, f.severity(), f, List.of()));
        }
        return new ExpertRows(f.summary(), where(result, f), f.evidence().first(), f.evidence().count(), f.severity(), f,
                packets);
    }

    /** "Errors", "Warnings", ... as Wireshark titles them. */
    public static String heading(FindingSeverity severity) {
        String label = severity.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + "s";
    }

    /** {@code c0/s1} for connection 0, subflow 1; {@code c0} for a whole connection; {@code tcp 3} for a TCP stream. */
    public static String where(AnalysisResult result, Finding f) {
        if (f.connection() == null) {
            return f.flow() == null ? "" : "tcp " + f.flow();
        }
        MptcpConnection c = result.connections().get(f.connection());
        Integer position = f.flow() == null ? null : c.subflowPosition(f.flow());
        return "c" + f.connection() + (position == null ? "" : "/s" + position);
    }

    /** "Expert Info (1 error, 3 warnings)": the tab's title. */
    public static String title(List<Finding> findings) {
        Map<FindingSeverity, Integer> counts = new EnumMap<>(FindingSeverity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s.label() + (n == 1 ? "" : "s")));
        return parts.isEmpty() ? "Expert Info" : String.format(Locale.ROOT, "Expert Info (%s)", String.join(", ", parts));
    }
}
