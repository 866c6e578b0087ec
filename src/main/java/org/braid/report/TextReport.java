package org.braid.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.braid.model.AnalysisResult;
import org.braid.model.ConnectionEnd;
import org.braid.model.DataDirection;
import org.braid.model.DssMappings;
import org.braid.model.EventType;
import org.braid.model.Finding;
import org.braid.model.Grouping;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.RoleBasis;
import org.braid.model.Subflow;
import org.braid.model.SubflowLifecycle;
import org.braid.model.SubflowWindow;
import org.braid.model.TcpConnection;
import org.braid.model.WindowStats;

/**
 * The analysis as readable text: what {@code braid analyze} prints, and {@code braid capture} when it
 * stops. People read it; scripts should read the JSON document.
 */
public final class TextReport {
    private TextReport() {}

    /** Prints the summary of {@code result}. */
    public static void print(PrintWriter out, AnalysisResult result) {
        out.printf(Locale.ROOT, "%,d packets, %d MPTCP connection(s), %d TCP connection(s)%n", result.packets(),
                result.connections().size(), result.tcpConnections().size());
        for (MptcpConnection c : result.connections()) {
            out.println();
            out.printf(Locale.ROOT, "MPTCP connection %d: %s -> %s, %s%s%n", c.index(), c.client(), c.server(),
                    c.version() == null ? "version unknown" : "v" + c.version(),
                    c.handshake() ? "" : ", incomplete (handshake not in the trace)");
            if (c.grouping().grouping() != Grouping.HANDSHAKE || c.grouping().rolesInferred()) {
                out.printf("  grouping %s%s%n", c.grouping().grouping().jsonName(),
                        c.grouping().rolesInferred() ? ", client and server inferred" : "");
                c.grouping().evidence().forEach(e -> out.println("    " + e));
            }
            out.printf("  keys    client %s  server %s%n", orDash(Text.hex16(c.clientKey())), orDash(Text.hex16(c.serverKey())));
            out.printf("  tokens  client %s  server %s%n", orDash(Text.hex8(c.clientToken())), orDash(Text.hex8(c.serverToken())));
            out.printf(Locale.ROOT, "  checksum %s, %.6f s, MP_JOIN HMACs %d verified, %d failed%n",
                    c.checksum() == null ? "unknown" : c.checksum() ? "on" : "off",
                    (c.endNanos() - c.startNanos()) / 1e9, c.hmacVerified(), c.hmacFailed());
            out.printf(Locale.ROOT, "  data    client %,d unique bytes%s, server %,d%s; %d reinjection(s), %,d bytes%n",
                    c.data().client().uniqueBytes(), goodputText(c.data().client()), c.data().server().uniqueBytes(),
                    goodputText(c.data().server()), c.data().reinjectedPackets(), c.data().reinjectedBytes());
            if (c.data().client().synDataBytes() + c.data().server().synDataBytes() > 0) {
                out.printf(Locale.ROOT, "  fast open: %,d bytes in the client's SYN, %,d in the server's SYN/ACK,"
                        + " before the data sequence space%n", c.data().client().synDataBytes(),
                        c.data().server().synDataBytes());
            }
            if (c.data().resentPackets() > 0 || c.data().captureLostBytes() > 0) {
                out.printf(Locale.ROOT, "  resent on the same subflow %d segment(s), %,d bytes; capture lost %,d bytes%n",
                        c.data().resentPackets(), c.data().resentBytes(), c.data().captureLostBytes());
            }
            DssMappings mappings = c.mappings();
            if (Boolean.TRUE.equals(c.checksum()) || mappings.verified() + mappings.failed() + mappings.unverifiable() > 0) {
                out.printf(Locale.ROOT, "  DSS checksums: %d verified, %d failed, %d unverifiable (of %d mappings)%n",
                        mappings.verified(), mappings.failed(), mappings.unverifiable(), mappings.size());
            }
            ConnectionEnd end = c.lifecycle().end();
            out.printf("  ended: %s%s%s%s%n", end.reason().name().toLowerCase(Locale.ROOT),
                    end.packet() == null ? "" : " (#" + end.packet() + ")",
                    c.lifecycle().fallbackRequested() == null ? ""
                            : ", fallback requested by MP_FAIL (#" + c.lifecycle().fallbackRequested().packet() + ")"
                                    + (c.lifecycle().fallback() == null ? ", not completed" : ""),
                    c.lifecycle().fallback() == null ? "" : ", fell back to TCP: "
                            + c.lifecycle().fallback().reason().name().toLowerCase(Locale.ROOT) + " (#"
                            + c.lifecycle().fallback().packet() + ")");
            for (Subflow s : c.subflows()) {
                SubflowLifecycle life = s.lifecycle();
                out.printf(Locale.ROOT, "  subflow %s -> %s  %s%s  %,d packets, %,d / %,d bytes, %,d retransmission(s), %s%s%s%n",
                        s.client(), s.server(), role(s), s.backup() ? " backup" : "",
                        s.packets(), s.clientBytes(), s.serverBytes(), s.retransmissions(),
                        s.end().name().toLowerCase(Locale.ROOT),
                        life.resetReason() == null ? "" : " (MP_TCPRST " + life.resetReasonName() + ")",
                        life.backupChanges().isEmpty() ? "" : ", " + life.backupChanges().size()
                                + " MP_PRIO change(s), backup at the end: " + life.finalBackup());
            }
            printWindow(out, c, c.window().client(), "client -> server");
            printWindow(out, c, c.window().server(), "server -> client");
            for (MptcpEvent e : c.events()) {
                if (e.type() != EventType.DATA_FIN) {
                    out.printf(Locale.ROOT, "  #%d %s %s%n", e.packet(), e.type().name(), e.detail());
                }
            }
            printFindings(out, result.findingsOf(c.index()));
        }
        if (!result.tcpConnections().isEmpty()) {
            out.println();
            out.println("TCP connections:");
            for (TcpConnection t : result.tcpConnections()) {
                out.printf(Locale.ROOT, "  %s -> %s  %,d packets, %s%s%n", t.client(), t.server(), t.packets(),
                        t.end().name().toLowerCase(Locale.ROOT), t.mptcpRefused() == null ? "" : ", " + t.mptcpRefused());
            }
            printFindings(out, result.findings().stream().filter(f -> f.connection() == null).toList());
        }
        if (!result.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            result.warnings().forEach(w -> out.println("  " + w));
        }
    }

    /** Initial or join; a subflow whose handshake the trace lacks says so (the grouping line says how). */
    private static String role(Subflow s) {
        if (s.roles() != RoleBasis.HANDSHAKE) {
            return "no handshake in the trace";
        }
        return s.join() ? "join" : "initial";
    }

    private static void printFindings(PrintWriter out, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("  findings:");
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "    %-7s %-11s %s (#%d, %d packet(s))%n", f.severity().label(), f.group().label(),
                    f.summary(), f.evidence().first(), f.evidence().count());
        }
    }

    private static String goodputText(DataDirection d) {
        Double goodput = d.goodputBitsPerSecond();
        return goodput == null ? "" : String.format(Locale.ROOT, " (%.3f Mbit/s)", goodput / 1e6);
    }

    private static void printWindow(PrintWriter out, MptcpConnection c, WindowStats w, String direction) {
        if (w.advertisements() == 0) {
            return;
        }
        StringBuilder scale = new StringBuilder();
        for (SubflowWindow s : w.unknownScale()) {
            scale.append(scale.length() == 0 ? ", scale unknown on subflow " : ", ").append(c.subflowPosition(s.flow()));
        }
        out.printf(Locale.ROOT, "  window %s: max edge %,d, %,d beyond%s, zero window %d (%.6f s), limited %s, "
                        + "%,d disagreements%s%n", direction, w.maxRightEdge(), w.beyondWindowPackets(),
                w.beyondWindowChecked() ? "" : " (not checked)", w.zeroWindowPeriods(), w.zeroWindowNanos() / 1e9,
                w.windowLimitedNanos() == null ? "unknown" : String.format(Locale.ROOT, "%.6f s", w.windowLimitedNanos() / 1e9),
                w.disagreements(), scale);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
