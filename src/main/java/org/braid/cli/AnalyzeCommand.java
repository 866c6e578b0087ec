package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.DataDirection;
import org.braid.model.BackupChange;
import org.braid.model.ChecksumFailure;
import org.braid.model.ConnectionEnd;
import org.braid.model.DssMappings;
import org.braid.model.Fallback;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.model.Subflow;
import org.braid.model.SubflowWindow;
import org.braid.model.SubflowLifecycle;
import org.braid.model.TcpConnection;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;
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
        AnalysisResult result;
        try (PacketSource source = TraceReader.open(file)) {
            result = MptcpAnalyzer.analyze(source);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, toJson(result));
        } else {
            printText(out, result);
        }
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }

    static Map<String, Object> toJson(AnalysisResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packets", result.packets());
        doc.put("connections", result.connections().stream().map(AnalyzeCommand::connectionJson).toList());
        doc.put("tcpConnections", result.tcpConnections().stream().map(AnalyzeCommand::tcpJson).toList());
        doc.put("warnings", result.warnings());
        return doc;
    }

    private static Map<String, Object> connectionJson(MptcpConnection c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("index", c.index());
        doc.put("version", c.version());
        doc.put("handshake", c.handshake());
        doc.put("client", c.client().toString());
        doc.put("server", c.server().toString());
        doc.put("clientKey", hex16(c.clientKey()));
        doc.put("serverKey", hex16(c.serverKey()));
        doc.put("clientToken", hex8(c.clientToken()));
        doc.put("serverToken", hex8(c.serverToken()));
        doc.put("clientIdsn", unsigned(c.clientIdsn()));
        doc.put("serverIdsn", unsigned(c.serverIdsn()));
        doc.put("checksum", checksumJson(c));
        doc.put("fallback", fallbackJson(c.lifecycle().fallback()));
        doc.put("end", endJson(c.lifecycle().end()));
        doc.put("relativeDsnFromIdsn", c.relativeToIdsn());
        doc.put("firstTime", TimeText.iso(c.startNanos()));
        doc.put("lastTime", TimeText.iso(c.endNanos()));
        doc.put("durationSeconds", (c.endNanos() - c.startNanos()) / 1e9);
        doc.put("hmac", Map.of("verified", c.hmacVerified(), "failed", c.hmacFailed()));
        Map<String, Object> addAddrHmac = new LinkedHashMap<>();
        addAddrHmac.put("verified", c.lifecycle().addAddrHmacVerified());
        addAddrHmac.put("failed", c.lifecycle().addAddrHmacFailed());
        addAddrHmac.put("leftmost", c.lifecycle().addAddrHmacLeftmost());
        doc.put("addAddrHmac", addAddrHmac);
        doc.put("subflows", c.subflows().stream().map(AnalyzeCommand::subflowJson).toList());
        doc.put("events", c.events().stream().map(AnalyzeCommand::eventJson).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("client", dataJson(c.data().client()));
        data.put("server", dataJson(c.data().server()));
        doc.put("data", data);
        doc.put("reinjections", reinjectionsJson(c));
        doc.put("window", windowJson(c));
        return doc;
    }

    private static Map<String, Object> dataJson(DataDirection d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uniqueBytes", d.uniqueBytes());
        doc.put("firstTime", d.firstNanos() == null ? null : TimeText.iso(d.firstNanos()));
        doc.put("lastTime", d.lastNanos() == null ? null : TimeText.iso(d.lastNanos()));
        doc.put("durationSeconds", d.durationNanos() / 1e9);
        doc.put("goodputBitsPerSecond", d.goodputBitsPerSecond());
        return doc;
    }

    /** The issue's contract {@code packets} and {@code bytes}, and each reinjection with subflows as indexes into {@code subflows}. */
    private static Map<String, Object> reinjectionsJson(MptcpConnection c) {
        List<Integer> flows = c.subflows().stream().map(Subflow::flow).toList();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Reinjection r : c.data().reinjections()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("packet", r.packet());
            doc.put("time", TimeText.iso(r.timeNanos()));
            doc.put("direction", r.fromClient() ? "client" : "server");
            doc.put("originalPackets", r.originalPackets());
            doc.put("fromSubflow", flows.indexOf(r.fromFlow()));
            doc.put("toSubflow", flows.indexOf(r.toFlow()));
            doc.put("dsn", r.dsn());
            doc.put("bytes", r.bytes());
            doc.put("delaySeconds", r.delayNanos() / 1e9);
            list.add(doc);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packets", c.data().reinjectedPackets());
        doc.put("bytes", c.data().reinjectedBytes());
        doc.put("list", list);
        return doc;
    }

    /** The shared receive window per data direction, named after the data's sender. */
    private static Map<String, Object> windowJson(MptcpConnection c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client", windowJson(c, c.window().client(), "server"));
        doc.put("server", windowJson(c, c.window().server(), "client"));
        return doc;
    }

    private static Map<String, Object> windowJson(MptcpConnection c, WindowStats w, String advertiser) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("advertisedBy", advertiser);
        doc.put("highestSent", w.highestSent());
        doc.put("highestDataAck", w.highestDataAck());
        doc.put("advertisements", w.advertisements());
        doc.put("maxRightEdge", w.maxRightEdge());
        doc.put("belowMaxEdge", w.belowMaxEdge());
        doc.put("shrinks", w.shrinks());
        Map<String, Object> beyond = new LinkedHashMap<>();
        beyond.put("checked", w.beyondWindowChecked());
        beyond.put("packets", w.beyondWindowPackets());
        beyond.put("bytes", w.beyondWindowBytes());
        doc.put("beyondWindow", beyond);
        Map<String, Object> zero = new LinkedHashMap<>();
        zero.put("packets", w.zeroWindowPackets());
        zero.put("periods", w.zeroWindowPeriods());
        zero.put("seconds", w.zeroWindowNanos() / 1e9);
        zero.put("list", w.zeroWindows().stream().map(p -> periodJson(c, p)).toList());
        doc.put("zeroWindow", zero);
        doc.put("windowLimitedSeconds", w.windowLimitedNanos() == null ? null : w.windowLimitedNanos() / 1e9);
        doc.put("disagreements", w.disagreements());
        doc.put("subflows", w.subflows().stream().map(s -> {
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("subflow", subflowPosition(c, s.flow()));
            sub.put("scaleKnown", s.scaleKnown());
            sub.put("scaleShift", s.scaleShift());
            sub.put("advertisements", s.advertisements());
            sub.put("unscaledAdvertisements", s.unscaledAdvertisements());
            sub.put("lastRightEdge", s.lastRightEdge());
            return sub;
        }).toList());
        return doc;
    }

    private static Map<String, Object> periodJson(MptcpConnection c, WindowPeriod p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("subflow", subflowPosition(c, p.flow()));
        doc.put("start", TimeText.iso(p.startNanos()));
        doc.put("startPacket", p.startPacket());
        doc.put("end", TimeText.iso(p.endNanos()));
        doc.put("endPacket", p.endPacket());
        doc.put("seconds", p.durationNanos() / 1e9);
        return doc;
    }

    /** Verdicts counted per distinct mapping, and each failure with what followed it. */
    private static Map<String, Object> checksumJson(MptcpConnection c) {
        DssMappings mappings = c.mappings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("negotiated", c.checksum());
        doc.put("verified", mappings.verified());
        doc.put("failed", mappings.failed());
        doc.put("unverifiable", mappings.unverifiable());
        List<Map<String, Object>> failures = new ArrayList<>();
        for (ChecksumFailure f : mappings.failures()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("dsn", Long.toUnsignedString(f.dsn()));
            failure.put("relativeDsn", f.relativeDsn());
            failure.put("subflow", subflowPosition(c, f.flow()));
            failure.put("subflowSequence", f.subflowSeq());
            failure.put("length", f.length());
            failure.put("packet", f.firstPacket());
            failure.put("failedPacket", f.failedPacket());
            failure.put("mpFailPacket", f.mpFailPacket());
            failure.put("resetPacket", f.resetPacket());
            failure.put("resetReason", f.resetReason());
            failure.put("fallbackPacket", f.fallbackPacket());
            failures.add(failure);
        }
        doc.put("failures", failures);
        return doc;
    }

    /** The position in the connection's {@code subflows} array of the subflow on TCP flow {@code flow}. */
    private static Integer subflowPosition(MptcpConnection c, int flow) {
        for (int i = 0; i < c.subflows().size(); i++) {
            if (c.subflows().get(i).flow() == flow) {
                return i;
            }
        }
        return null;
    }

    private static Map<String, Object> fallbackJson(Fallback fallback) {
        if (fallback == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", fallback.reason().name().toLowerCase());
        doc.put("time", TimeText.iso(fallback.timeNanos()));
        doc.put("packet", fallback.packet());
        return doc;
    }

    private static Map<String, Object> endJson(ConnectionEnd end) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", end.reason().name().toLowerCase());
        doc.put("time", end.timeNanos() == null ? null : TimeText.iso(end.timeNanos()));
        doc.put("packet", end.packet());
        return doc;
    }

    private static Map<String, Object> subflowJson(Subflow s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client", s.client().toString());
        doc.put("server", s.server().toString());
        doc.put("join", s.join());
        doc.put("clientAddressId", s.clientAddressId());
        doc.put("serverAddressId", s.serverAddressId());
        doc.put("backup", s.backup());
        doc.put("handshakeRttSeconds", s.handshakeRttNanos() == null ? null : s.handshakeRttNanos() / 1e9);
        doc.put("firstTime", TimeText.iso(s.startNanos()));
        doc.put("lastTime", TimeText.iso(s.endNanos()));
        doc.put("end", s.end().name().toLowerCase());
        doc.put("endPacket", s.lifecycle().endPacket());
        doc.put("resetReason", s.lifecycle().resetReason());
        doc.put("resetReasonName", s.lifecycle().resetReasonName());
        doc.put("finalBackup", s.lifecycle().finalBackup());
        doc.put("backupChanges", s.lifecycle().backupChanges().stream().map(AnalyzeCommand::backupJson).toList());
        doc.put("packets", s.packets());
        doc.put("clientBytes", s.clientBytes());
        doc.put("serverBytes", s.serverBytes());
        doc.put("retransmissions", s.retransmissions());
        doc.put("clientFirstSentDataBytes", s.data().clientFirstSentBytes());
        doc.put("clientReinjectedDataBytes", s.data().clientReinjectedBytes());
        doc.put("serverFirstSentDataBytes", s.data().serverFirstSentBytes());
        doc.put("serverReinjectedDataBytes", s.data().serverReinjectedBytes());
        return doc;
    }

    private static Map<String, Object> backupJson(BackupChange b) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("time", TimeText.iso(b.timeNanos()));
        doc.put("packet", b.packet());
        doc.put("backup", b.backup());
        doc.put("by", b.byClient() ? "client" : "server");
        return doc;
    }

    private static Map<String, Object> tcpJson(TcpConnection t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("client", t.client().toString());
        doc.put("server", t.server().toString());
        doc.put("handshakeRttSeconds", t.handshakeRttNanos() == null ? null : t.handshakeRttNanos() / 1e9);
        doc.put("firstTime", TimeText.iso(t.startNanos()));
        doc.put("lastTime", TimeText.iso(t.endNanos()));
        doc.put("end", t.end().name().toLowerCase());
        doc.put("packets", t.packets());
        doc.put("clientBytes", t.clientBytes());
        doc.put("serverBytes", t.serverBytes());
        doc.put("mptcpRefused", t.mptcpRefused());
        return doc;
    }

    private static Map<String, Object> eventJson(MptcpEvent e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", e.type());
        doc.put("time", TimeText.iso(e.timeNanos()));
        doc.put("packet", e.packet());
        doc.put("detail", e.detail());
        return doc;
    }

    private static void printText(PrintWriter out, AnalysisResult result) {
        out.printf("%,d packets, %d MPTCP connection(s), %d TCP connection(s)%n", result.packets(),
                result.connections().size(), result.tcpConnections().size());
        for (MptcpConnection c : result.connections()) {
            out.println();
            out.printf("MPTCP connection %d: %s -> %s, %s%s%n", c.index(), c.client(), c.server(),
                    c.version() == null ? "version unknown" : "v" + c.version(),
                    c.handshake() ? "" : ", incomplete (handshake not in the trace)");
            out.printf("  keys    client %s  server %s%n", orDash(hex16(c.clientKey())), orDash(hex16(c.serverKey())));
            out.printf("  tokens  client %s  server %s%n", orDash(hex8(c.clientToken())), orDash(hex8(c.serverToken())));
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
        }
        if (!result.tcpConnections().isEmpty()) {
            out.println();
            out.println("TCP connections:");
            for (TcpConnection t : result.tcpConnections()) {
                out.printf("  %s -> %s  %,d packets, %s%s%n", t.client(), t.server(), t.packets(),
                        t.end().name().toLowerCase(), t.mptcpRefused() == null ? "" : ", " + t.mptcpRefused());
            }
        }
        if (!result.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            result.warnings().forEach(w -> out.println("  " + w));
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
            scale.append(scale.length() == 0 ? ", scale unknown on subflow " : ", ").append(subflowPosition(c, s.flow()));
        }
        out.printf("  window %s: max edge %,d, %,d beyond%s, zero window %d (%.6f s), limited %s, "
                        + "%,d disagreements%s%n", direction, w.maxRightEdge(), w.beyondWindowPackets(),
                w.beyondWindowChecked() ? "" : " (not checked)", w.zeroWindowPeriods(), w.zeroWindowNanos() / 1e9,
                w.windowLimitedNanos() == null ? "unknown" : String.format("%.6f s", w.windowLimitedNanos() / 1e9),
                w.disagreements(), scale);
    }

    private static String hex8(Long token) {
        return token == null ? null : String.format("%08x", token);
    }

    private static String hex16(Long key) {
        return key == null ? null : String.format("%016x", key);
    }

    private static String unsigned(Long value) {
        return value == null ? null : Long.toUnsignedString(value);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
