package org.braid.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.braid.model.AnalysisResult;
import org.braid.model.BackupChange;
import org.braid.model.ChecksumFailure;
import org.braid.model.ConnectionEnd;
import org.braid.model.DataDirection;
import org.braid.model.DssMappings;
import org.braid.model.Fallback;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.model.Subflow;
import org.braid.model.SubflowData;
import org.braid.model.TcpConnection;
import org.braid.model.UnverifiedReason;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;

/**
 * The analysis as one JSON document, as {@code braid analyze --json} prints it and the desktop app
 * exports it. Its names are the public contract for scripts, documented in the README.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** Writes the document, pretty-printed; the writer is left open. */
    public static void write(AnalysisResult result, Writer out) throws IOException {
        writeDocument(document(result), out);
    }

    /** Writes any document of maps, lists and values the way every Braid JSON output looks. */
    public static void writeDocument(Object document, Writer out) throws IOException {
        MAPPER.writeValue(new NonClosingWriter(out), document);
        out.write(System.lineSeparator());
        out.flush();
    }

    /** The whole document: the public contract documented in the README. */
    public static Map<String, Object> document(AnalysisResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packets", result.packets());
        doc.put("connections", mappedOnRead(result.connections(), c -> connectionJson(c, result)));
        doc.put("tcpConnections", mappedOnRead(result.tcpConnections(), JsonReport::tcpJson));
        doc.put("warnings", result.warnings().stream().map(Object::toString).toList());
        doc.put("findings", FindingsReport.json(result.findings(), result));
        return doc;
    }

    /**
     * A read-only list whose element i is {@code convert} of {@code items.get(i)}, built when read:
     * written out, each connection's tree is garbage once printed, so a trace of many thousand
     * connections never holds all their trees at once.
     */
    private static <T, R> List<R> mappedOnRead(List<T> items, Function<T, R> convert) {
        return new AbstractList<>() {
            @Override public R get(int i) { return convert.apply(items.get(i)); }
            @Override public int size() { return items.size(); }
        };
    }

    private static Map<String, Object> connectionJson(MptcpConnection c, AnalysisResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("index", c.index());
        doc.put("version", c.version());
        doc.put("handshake", c.handshake());
        doc.put("grouping", c.grouping().grouping().jsonName());
        doc.put("groupingEvidence", c.grouping().evidence());
        doc.put("rolesInferred", c.grouping().rolesInferred());
        doc.put("client", c.client().toString());
        doc.put("server", c.server().toString());
        doc.put("clientKey", Text.hex16(c.clientKey()));
        doc.put("serverKey", Text.hex16(c.serverKey()));
        doc.put("clientToken", Text.hex8(c.clientToken()));
        doc.put("serverToken", Text.hex8(c.serverToken()));
        doc.put("clientIdsn", Text.unsigned(c.clientIdsn()));
        doc.put("serverIdsn", Text.unsigned(c.serverIdsn()));
        doc.put("checksum", checksumJson(c));
        doc.put("fallback", fallbackJson(c.lifecycle().fallback()));
        doc.put("fallbackRequested", fallbackJson(c.lifecycle().fallbackRequested()));
        doc.put("end", endJson(c.lifecycle().end()));
        doc.put("relativeDsnFromIdsn", c.relativeToIdsn());
        doc.put("firstTime", Text.iso(c.startNanos()));
        doc.put("lastTime", Text.iso(c.endNanos()));
        doc.put("durationSeconds", (c.endNanos() - c.startNanos()) / 1e9);
        Map<String, Object> hmac = new LinkedHashMap<>(); // not Map.of: its order changes from run to run
        hmac.put("verified", c.hmacVerified());
        hmac.put("failed", c.hmacFailed());
        doc.put("hmac", hmac);
        Map<String, Object> addAddrHmac = new LinkedHashMap<>();
        addAddrHmac.put("verified", c.lifecycle().addAddrHmacVerified());
        addAddrHmac.put("failed", c.lifecycle().addAddrHmacFailed());
        addAddrHmac.put("leftmost", c.lifecycle().addAddrHmacLeftmost());
        doc.put("addAddrHmac", addAddrHmac);
        doc.put("subflows", c.subflows().stream().map(s -> subflowJson(s, result)).toList());
        doc.put("events", c.events().stream().map(JsonReport::eventJson).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("client", dataJson(c.data().client()));
        data.put("server", dataJson(c.data().server()));
        doc.put("data", data);
        doc.put("reinjections", resendsJson(c, c.data().reinjections(), c.data().reinjectedPackets(),
                c.data().reinjectedBytes()));
        doc.put("resends", resendsJson(c, c.data().resends(), c.data().resentPackets(), c.data().resentBytes()));
        doc.put("captureLostBytes", c.data().captureLostBytes());
        doc.put("window", windowJson(c));
        doc.put("findings", FindingsReport.json(result.findingsOf(c.index()), result));
        return doc;
    }

    private static Map<String, Object> dataJson(DataDirection d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uniqueBytes", d.uniqueBytes());
        doc.put("seenBytes", d.uniqueBytes());
        doc.put("synDataBytes", d.synDataBytes());
        doc.put("acknowledgedBytes", d.acknowledgedBytes());
        doc.put("firstTime", d.firstNanos() == null ? null : Text.iso(d.firstNanos()));
        doc.put("lastTime", d.lastNanos() == null ? null : Text.iso(d.lastNanos()));
        doc.put("durationSeconds", d.durationNanos() / 1e9);
        doc.put("goodputBitsPerSecond", d.goodputBitsPerSecond());
        return doc;
    }

    /**
     * Reinjections (or same-subflow resends): {@code packets} and {@code bytes}, and each one with
     * subflows as indexes into {@code subflows}.
     */
    private static Map<String, Object> resendsJson(MptcpConnection c, List<Reinjection> all, long packets,
            long bytes) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Reinjection r : all) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("packet", r.packet());
            doc.put("time", Text.iso(r.timeNanos()));
            doc.put("direction", r.fromClient() ? "client" : "server");
            doc.put("originalPackets", r.originalPackets());
            doc.put("fromSubflow", c.subflowPosition(r.fromFlow()));
            doc.put("toSubflow", c.subflowPosition(r.toFlow()));
            doc.put("dsn", r.dsn());
            doc.put("bytes", r.bytes());
            doc.put("delaySeconds", r.delayNanos() / 1e9);
            list.add(doc);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packets", packets);
        doc.put("bytes", bytes);
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
            sub.put("subflow", c.subflowPosition(s.flow()));
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
        doc.put("subflow", c.subflowPosition(p.flow()));
        doc.put("start", Text.iso(p.startNanos()));
        doc.put("startPacket", p.startPacket());
        doc.put("end", Text.iso(p.endNanos()));
        doc.put("endPacket", p.endPacket());
        doc.put("seconds", p.durationNanos() / 1e9);
        return doc;
    }

    /** A DSS checksum as 4 lowercase hex digits, as Wireshark shows it (without its 0x); null when not known. */
    static String checksumHex(int checksum) {
        return checksum == DssMappings.NO_CHECKSUM ? null : String.format(Locale.ROOT, "%04x", checksum);
    }

    /** Verdicts counted per distinct mapping, and each failure with what followed it. */
    private static Map<String, Object> checksumJson(MptcpConnection c) {
        DssMappings mappings = c.mappings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("negotiated", c.checksum());
        doc.put("verified", mappings.verified());
        doc.put("failed", mappings.failed());
        doc.put("unverifiable", mappings.unverifiable());
        Map<String, Object> reasons = new LinkedHashMap<>();
        for (UnverifiedReason reason : UnverifiedReason.values()) {
            reasons.put(reason.jsonName(), 0);
        }
        for (int i = 0; i < mappings.size(); i++) {
            UnverifiedReason reason = mappings.unverifiedReason(i);
            if (reason != null) {
                reasons.merge(reason.jsonName(), 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        doc.put("unverifiableReasons", reasons);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (ChecksumFailure f : mappings.failures()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("dsn", Long.toUnsignedString(f.dsn()));
            failure.put("relativeDsn", f.relativeDsn());
            failure.put("subflow", c.subflowPosition(f.flow()));
            failure.put("subflowSequence", f.subflowSeq());
            failure.put("length", f.length());
            failure.put("checksum", checksumHex(f.checksum()));
            failure.put("expectedChecksum", checksumHex(f.expectedChecksum()));
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

    private static Map<String, Object> fallbackJson(Fallback fallback) {
        if (fallback == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", fallback.reason().name().toLowerCase(Locale.ROOT));
        doc.put("time", Text.iso(fallback.timeNanos()));
        doc.put("packet", fallback.packet());
        return doc;
    }

    private static Map<String, Object> endJson(ConnectionEnd end) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", end.reason().name().toLowerCase(Locale.ROOT));
        doc.put("time", end.timeNanos() == null ? null : Text.iso(end.timeNanos()));
        doc.put("packet", end.packet());
        return doc;
    }

    private static Map<String, Object> subflowJson(Subflow s, AnalysisResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tcpStream", s.flow());
        doc.put("grouping", s.grouping().jsonName());
        doc.put("roles", s.roles().jsonName());
        doc.put("rolesInferred", s.roles().inferred());
        doc.put("client", s.client().toString());
        doc.put("server", s.server().toString());
        doc.put("join", s.join());
        doc.put("clientAddressId", s.clientAddressId());
        doc.put("serverAddressId", s.serverAddressId());
        doc.put("backup", s.backup());
        doc.put("handshakeRttSeconds", s.handshakeRttNanos() == null ? null : s.handshakeRttNanos() / 1e9);
        doc.put("rtt", FindingsReport.rttJson(result.paths().rttStats(s.flow())));
        doc.put("firstTime", Text.iso(s.startNanos()));
        doc.put("lastTime", Text.iso(s.endNanos()));
        doc.put("end", s.end().name().toLowerCase(Locale.ROOT));
        doc.put("endPacket", s.lifecycle().endPacket());
        doc.put("resetReason", s.lifecycle().resetReason());
        doc.put("resetReasonName", s.lifecycle().resetReasonName());
        doc.put("finalBackup", s.lifecycle().finalBackup());
        doc.put("backupChanges", s.lifecycle().backupChanges().stream().map(JsonReport::backupJson).toList());
        doc.put("packets", s.packets());
        doc.put("clientBytes", s.clientBytes());
        doc.put("serverBytes", s.serverBytes());
        doc.put("retransmissions", s.retransmissions());
        doc.put("clientFirstSentDataBytes", s.data().clientFirstSentBytes());
        doc.put("clientReinjectedDataBytes", s.data().clientReinjectedBytes());
        doc.put("serverFirstSentDataBytes", s.data().serverFirstSentBytes());
        doc.put("serverReinjectedDataBytes", s.data().serverReinjectedBytes());
        putBytes(doc, "client", s.data().client());
        putBytes(doc, "server", s.data().server());
        return doc;
    }

    /** The categories beyond first-sent and reinjected; with those, they add up to the direction's payload. */
    private static void putBytes(Map<String, Object> doc, String end, SubflowData.Direction d) {
        doc.put(end + "RetransmittedBytes", d.retransmittedBytes());
        doc.put(end + "ResentDataBytes", d.resentBytes());
        doc.put(end + "UnmappedBytes", d.unmappedBytes());
        doc.put(end + "Resends", d.resends());
        doc.put(end + "CaptureLostBytes", d.captureLostBytes());
        doc.put(end + "CaptureLostGaps", d.captureLostGaps());
    }

    private static Map<String, Object> backupJson(BackupChange b) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("time", Text.iso(b.timeNanos()));
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
        doc.put("firstTime", Text.iso(t.startNanos()));
        doc.put("lastTime", Text.iso(t.endNanos()));
        doc.put("end", t.end().name().toLowerCase(Locale.ROOT));
        doc.put("packets", t.packets());
        doc.put("clientBytes", t.clientBytes());
        doc.put("serverBytes", t.serverBytes());
        doc.put("mptcpRefused", t.mptcpRefused());
        doc.put("roles", t.roles().jsonName());
        doc.put("rolesInferred", t.roles().inferred());
        return doc;
    }

    private static Map<String, Object> eventJson(MptcpEvent e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", e.type().name());
        doc.put("time", Text.iso(e.timeNanos()));
        doc.put("packet", e.packet());
        doc.put("detail", e.detail());
        return doc;
    }

    /** Jackson closes what it writes to; callers own their writers. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
