package org.braid.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.braid.model.TraceInfo;

/** {@code braid info}: a trace's figures as capinfos-like text, or as the JSON document the README lists. */
public final class InfoReport {
    /** The text lists this many warnings; the JSON document lists them all. */
    private static final int TEXT_WARNINGS = 20;

    private InfoReport() {}

    /** The JSON document: the public contract documented in the README. */
    public static Map<String, Object> document(TraceInfo info) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", info.file());
        doc.put("format", info.format());
        doc.put("formatDetail", info.formatDetail());
        doc.put("linkTypes", info.linkTypes());
        doc.put("linkTypeNames", info.linkTypeNames());
        doc.put("packets", info.packets());
        doc.put("capturedBytes", info.capturedBytes());
        doc.put("wireBytes", info.wireBytes());
        doc.put("firstTime", info.packets() == 0 ? null : Text.iso(info.firstNanos()));
        doc.put("lastTime", info.packets() == 0 ? null : Text.iso(info.lastNanos()));
        doc.put("durationSeconds", info.durationNanos() / 1e9);
        doc.put("tcpPackets", info.tcpPackets());
        doc.put("mptcpPackets", info.mptcpPackets());
        doc.put("mptcpOptions", info.mptcpOptions());
        doc.put("tunnels", info.tunnels());
        doc.put("comments", info.comments());
        doc.put("warnings", info.warnings());
        return doc;
    }

    /** One labelled row per figure, the first {@value #TEXT_WARNINGS} warnings, and how many more. */
    public static void printText(PrintWriter out, TraceInfo info) {
        row(out, "File name", ControlCharacters.escapeLine(info.file()));
        row(out, "File format", info.formatDetail());
        List<String> linkTypes = new ArrayList<>();
        for (int i = 0; i < info.linkTypes().size(); i++) {
            linkTypes.add(info.linkTypeNames().get(i) + " (" + info.linkTypes().get(i) + ")");
        }
        row(out, "Link types", String.join(", ", linkTypes));
        row(out, "Packets", String.format(Locale.ROOT, "%,d (%,d TCP, %,d with MPTCP options)",
                info.packets(), info.tcpPackets(), info.mptcpPackets()));
        row(out, "Captured bytes", String.format(Locale.ROOT, "%,d", info.capturedBytes()));
        row(out, "Bytes on the wire", String.format(Locale.ROOT, "%,d", info.wireBytes()));
        if (info.packets() > 0) {
            row(out, "First packet", Text.iso(info.firstNanos()));
            row(out, "Last packet", Text.iso(info.lastNanos()));
            row(out, "Duration", String.format(Locale.ROOT, "%.6f s", info.durationNanos() / 1e9));
        }
        StringBuilder options = new StringBuilder();
        for (Map.Entry<String, Long> e : info.mptcpOptions().entrySet()) {
            if (e.getValue() > 0) {
                options.append(options.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        row(out, "MPTCP options", options.length() == 0 ? "none" : options.toString());
        if (!info.tunnels().isEmpty()) {
            StringBuilder tunnels = new StringBuilder();
            info.tunnels().forEach((name, count) -> tunnels.append(tunnels.length() == 0 ? "" : ", ")
                    .append(name).append(' ').append(String.format(Locale.ROOT, "%,d", count)));
            row(out, "Tunnels", tunnels + " packets");
        }
        for (String comment : info.comments()) {
            row(out, "Comment", ControlCharacters.escapeLine(comment)); // from the trace: no line of its own
        }
        List<String> warnings = info.warnings();
        row(out, "Warnings", warnings.isEmpty() ? "none" : String.valueOf(warnings.size()));
        warnings.stream().limit(TEXT_WARNINGS).forEach(w -> out.println("  " + w));
        if (warnings.size() > TEXT_WARNINGS) {
            out.printf(Locale.ROOT, "  ... and %d more (see --json)%n", warnings.size() - TEXT_WARNINGS);
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", value);
    }
}
