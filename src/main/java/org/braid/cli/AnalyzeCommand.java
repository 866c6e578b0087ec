package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.ConnectionEnd;
import org.braid.model.DataDirection;
import org.braid.model.DssMappings;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Subflow;
import org.braid.model.SubflowLifecycle;
import org.braid.model.SubflowWindow;
import org.braid.model.TcpConnection;
import org.braid.model.WindowStats;
import org.braid.report.JsonReport;
import org.braid.report.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find the MPTCP connections of a trace, with their subflows, keys, tokens and events.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisResult result = MptcpAnalyzer.analyze(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, JsonReport.document(result));
        } else {
            printText(out, result);
        }
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }

    /** The readable summary; {@code braid capture} prints the same when it stops. */
    static void printText(PrintWriter out, AnalysisResult result) {
        out.printf("%,d packets, %d MPTCP connection(s), %d TCP connection(s)%n", result.packets(),
                result.connections().size(), result.tcpConnections().size());
        for (MptcpConnection c : result.connections()) {
            out.println();
            out.printf("MPTCP connection %d: %s -> %s, %s%s%n", c.index(), c.client(), c.server(),
                    c.version() == null ? "version unknown" : "v" + c.version(),
                    c.handshake() ? "" : ", incomplete (handshake not in the trace)");
            out.printf("  keys    client %s  server %s%n", orDash(Text.hex16(c.clientKey())), orDash(Text.hex16(c.serverKey())));
            out.printf("  tokens  client %s  server %s%n", orDash(Text.hex8(c.clientToken())), orDash(Text.hex8(c.serverToken())));
            out.printf("  checksum %s, %.6f s, MP_JOIN HMACs %d verified, %d failed%n",
                    c.checksum() == null ? "unknown" : c.checksum() ? "on" : "off",
                    (c.endNanos() - c.startNanos()) / 1e9, c.hmacVerified(), c.hmacFailed());
            out.printf("  data    client %,d unique bytes%s, server %,d%s; %d reinjection(s), %,d bytes%n",
                    c.data().client().uniqueBytes(), goodputText(c.data().client()), c.data().server().uniqueBytes(),
                    goodputText(c.data().server()), c.data().reinjectedPackets(), c.data().reinjectedBytes());
            DssMappings mappings = c.mappings();
            if (c.checksum() == Boolean.TRUE || mappings.verified() + mappings.failed() + mappings.unverifiable() > 0) {
                out.printf("  DSS checksums: %d verified, %d failed, %d unverifiable (of %d mappings)%n",
                        mappings.verified(), mappings.failed(), mappings.unverifiable(), mappings.size());
            }
            ConnectionEnd end = c.lifecycle().end();
            out.printf("  ended: %s%s%s%n", end.reason().name().toLowerCase(),
                    end.packet() == null ? "" : " (#" + end.packet() + ")",
                    c.lifecycle().fallback() == null ? "" : ", fell back to TCP: "
                            + c.lifecycle().fallback().reason().name().toLowerCase() + " (#"
                            + c.lifecycle().fallback().packet() + ")");
            for (Subflow s : c.subflows()) {
                SubflowLifecycle life = s.lifecycle();
                out.printf("  subflow %s -> %s  %s%s  %,d packets, %,d / %,d bytes, %,d retransmission(s), %s%s%s%n",
                        s.client(), s.server(), s.join() ? "join" : "initial", s.backup() ? " backup" : "",
                        s.packets(), s.clientBytes(), s.serverBytes(), s.retransmissions(),
                        s.end().name().toLowerCase(),
                        life.resetReason() == null ? "" : " (MP_TCPRST " + life.resetReasonName() + ")",
                        life.backupChanges().isEmpty() ? "" : ", " + life.backupChanges().size()
                                + " MP_PRIO change(s), backup at the end: " + life.finalBackup());
            }
            printWindow(out, c, c.window().client(), "client -> server");
            printWindow(out, c, c.window().server(), "server -> client");
            for (MptcpEvent e : c.events()) {
                if (!e.type().equals("DATA_FIN")) {
                    out.printf("  #%d %s %s%n", e.packet(), e.type(), e.detail());
                }
            }
            printFindings(out, result.findingsOf(c.index()));
        }
        if (!result.tcpConnections().isEmpty()) {
            out.println();
            out.println("TCP connections:");
            for (TcpConnection t : result.tcpConnections()) {
                out.printf("  %s -> %s  %,d packets, %s%s%n", t.client(), t.server(), t.packets(),
                        t.end().name().toLowerCase(), t.mptcpRefused() == null ? "" : ", " + t.mptcpRefused());
            }
            printFindings(out, result.findings().stream().filter(f -> f.connection() == null).toList());
        }
        if (!result.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            result.warnings().forEach(w -> out.println("  " + w));
        }
    }

    /** The findings section of a connection: one line each, most severe first. */
    private static void printFindings(PrintWriter out, java.util.List<org.braid.model.Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("  findings:");
        for (org.braid.model.Finding f : findings) {
            out.printf("    %-7s %-11s %s (#%d, %d packet(s))%n", f.severity().label(), f.group().label(), f.summary(),
                    f.evidence().first(), f.evidence().count());
        }
    }

    private static String goodputText(DataDirection d) {
        Double goodput = d.goodputBitsPerSecond();
        return goodput == null ? "" : String.format(" (%.3f Mbit/s)", goodput / 1e6);
    }

    private static void printWindow(PrintWriter out, MptcpConnection c, WindowStats w, String direction) {
        if (w.advertisements() == 0) {
            return;
        }
        StringBuilder scale = new StringBuilder();
        for (SubflowWindow s : w.unknownScale()) {
            scale.append(scale.length() == 0 ? ", scale unknown on subflow " : ", ").append(c.subflowPosition(s.flow()));
        }
        out.printf("  window %s: max edge %,d, %,d beyond%s, zero window %d (%.6f s), limited %s, "
                        + "%,d disagreements%s%n", direction, w.maxRightEdge(), w.beyondWindowPackets(),
                w.beyondWindowChecked() ? "" : " (not checked)", w.zeroWindowPeriods(), w.zeroWindowNanos() / 1e9,
                w.windowLimitedNanos() == null ? "unknown" : String.format("%.6f s", w.windowLimitedNanos() / 1e9),
                w.disagreements(), scale);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
