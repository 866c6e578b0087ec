package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.report.FindingsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the expert findings of a trace, most severe first, like {@code tshark -z expert}. */
@Command(name = "expert", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List what looks wrong in the MPTCP connections of a trace: severity, group,"
                + " connection/subflow, summary, first evidence packet and packet count.")
public final class ExpertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "chat", converter = SeverityConverter.class,
            description = "Leave out findings below LEVEL: error, warning, note or chat (default ${DEFAULT-VALUE}).")
    FindingSeverity minSeverity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisResult result = MptcpAnalyzer.analyze(file);
        List<Finding> findings = result.findings().stream().filter(f -> f.severity().atLeast(minSeverity)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("packets", result.packets());
            doc.put("minSeverity", minSeverity.label());
            doc.put("findings", FindingsReport.json(findings, result));
            Json.print(out, doc);
        } else {
            print(out, result, findings);
        }
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }

    /** One section per severity with its count, then one line per finding. */
    static void print(PrintWriter out, AnalysisResult result, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("No findings.");
            return;
        }
        for (FindingSeverity severity : FindingSeverity.values()) {
            List<Finding> these = findings.stream().filter(f -> f.severity() == severity).toList();
            if (these.isEmpty()) {
                continue;
            }
            String title = Character.toUpperCase(severity.label().charAt(0)) + severity.label().substring(1) + "s ("
                    + these.size() + ")";
            out.println(title);
            out.println("=".repeat(title.length()));
            out.printf("  %-12s %-10s %-8s %-8s %s%n", "Group", "Where", "Packet", "Count", "Summary");
            for (Finding f : these) {
                out.printf(java.util.Locale.ROOT, "  %-12s %-10s %-8s %-8d %s%n", f.group().label(), where(result, f),
                        f.evidence().isEmpty() ? "-" : "#" + f.evidence().first(), f.evidence().count(), f.summary());
            }
            out.println();
        }
    }

    /** {@code c0/s1}: connection 0, subflow 1 (its position); {@code tcp 3} for a plain TCP stream. */
    static String where(AnalysisResult result, Finding f) {
        if (f.connection() == null) {
            return f.flow() == null ? "trace" : "tcp " + f.flow();
        }
        MptcpConnection c = result.connections().get(f.connection());
        Integer position = f.flow() == null ? null : c.subflowPosition(f.flow());
        return "c" + f.connection() + (position == null ? "" : "/s" + position);
    }

    /** Takes error, warning, note or chat in any case. */
    static final class SeverityConverter implements ITypeConverter<FindingSeverity> {
        @Override
        public FindingSeverity convert(String value) {
            return FindingSeverity.parse(value);
        }
    }
}
