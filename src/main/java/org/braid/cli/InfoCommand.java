package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braid.analysis.PacketPass;
import org.braid.analysis.TraceSummary;
import org.braid.decode.LinkType;
import org.braid.decode.MptcpSubtype;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.report.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Summarise a trace file, like capinfos: format, link types, packets, times, MPTCP options, warnings.")
public final class InfoCommand implements Callable<Integer> {
    /** The text output lists this many warnings; the JSON output lists them all. */
    private static final int TEXT_WARNINGS = 20;

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TraceSummary summary;
        try (PacketSource source = TraceReader.open(file)) {
            summary = new TraceSummary(source.name());
            PacketPass.run(source, summary::accept);
            summary.finish(source);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, toJson(summary));
        } else {
            printText(out, summary);
        }
        return summary.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }

    private static Map<String, Object> toJson(TraceSummary s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", s.file());
        doc.put("format", s.format());
        doc.put("formatDetail", s.formatDetail());
        doc.put("linkTypes", s.linkTypes());
        doc.put("linkTypeNames", s.linkTypes().stream().map(LinkType::name).toList());
        doc.put("packets", s.packets());
        doc.put("capturedBytes", s.capturedBytes());
        doc.put("wireBytes", s.wireBytes());
        doc.put("firstTime", s.packets() == 0 ? null : Text.iso(s.firstNanos()));
        doc.put("lastTime", s.packets() == 0 ? null : Text.iso(s.lastNanos()));
        doc.put("durationSeconds", s.durationNanos() / 1e9);
        doc.put("tcpPackets", s.tcpPackets());
        doc.put("mptcpPackets", s.mptcpPackets());
        Map<String, Long> options = new LinkedHashMap<>();
        s.optionCounts().forEach((subtype, count) -> options.put(subtype.name(), count));
        doc.put("mptcpOptions", options);
        doc.put("comments", s.comments());
        doc.put("warnings", s.warnings().stream().map(TraceWarning::toString).toList());
        return doc;
    }

    private static void printText(PrintWriter out, TraceSummary s) {
        row(out, "File name", TerminalSafeWriter.escapeLine(s.file()));
        row(out, "File format", s.formatDetail());
        row(out, "Link types", String.join(", ",
                s.linkTypes().stream().map(t -> LinkType.name(t) + " (" + t + ")").toList()));
        row(out, "Packets", String.format("%,d (%,d TCP, %,d with MPTCP options)",
                s.packets(), s.tcpPackets(), s.mptcpPackets()));
        row(out, "Captured bytes", String.format("%,d", s.capturedBytes()));
        row(out, "Bytes on the wire", String.format("%,d", s.wireBytes()));
        if (s.packets() > 0) {
            row(out, "First packet", Text.iso(s.firstNanos()));
            row(out, "Last packet", Text.iso(s.lastNanos()));
            row(out, "Duration", String.format("%.6f s", s.durationNanos() / 1e9));
        }
        StringBuilder options = new StringBuilder();
        for (Map.Entry<MptcpSubtype, Long> e : s.optionCounts().entrySet()) {
            if (e.getValue() > 0) {
                options.append(options.length() == 0 ? "" : ", ").append(e.getKey().name()).append(' ').append(e.getValue());
            }
        }
        row(out, "MPTCP options", options.length() == 0 ? "none" : options.toString());
        for (String comment : s.comments()) {
            row(out, "Comment", TerminalSafeWriter.escapeLine(comment)); // from the trace: no line of its own
        }
        List<TraceWarning> warnings = s.warnings();
        row(out, "Warnings", warnings.isEmpty() ? "none" : String.valueOf(warnings.size()));
        warnings.stream().limit(TEXT_WARNINGS).forEach(w -> out.println("  " + w));
        if (warnings.size() > TEXT_WARNINGS) {
            out.printf("  ... and %d more (see --json)%n", warnings.size() - TEXT_WARNINGS);
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", value);
    }
}
