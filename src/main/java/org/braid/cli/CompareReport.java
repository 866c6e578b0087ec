package org.braid.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braid.compare.ClockEstimate;
import org.braid.compare.Comparison;
import org.braid.compare.ConnectionComparison;
import org.braid.compare.DelayStats;
import org.braid.compare.HolWait;
import org.braid.compare.Loss;
import org.braid.compare.ReinjectionOutcome;
import org.braid.compare.SubflowComparison;
import org.braid.report.CsvTable;
import org.braid.report.Text;

/**
 * Two captures compared, as {@code braid compare} writes them: one JSON document, and the CSV
 * files owd.csv, losses.csv, reinjections.csv and hol.csv. Times are seconds since the first
 * capture's first packet, on its clock (the second capture's times corrected by the clock
 * estimate); the names are documented in the README.
 */
public final class CompareReport {
    public static final String OWD = "owd.csv";
    public static final String LOSSES = "losses.csv";
    public static final String REINJECTIONS = "reinjections.csv";
    public static final String HOL = "hol.csv";

    /** One matched packet with a measured one-way delay. */
    record DelayRow(Comparison comparison, int packetA) {
        int packetB() {
            return comparison.twins().twinOfA(packetA);
        }
    }

    private record Rows<T>(Comparison comparison, T row) {}

    static final CsvTable<DelayRow> OWD_TABLE = new CsvTable<DelayRow>()
            .column("connection", r -> r.comparison().a().columns().connectionOfPacket(r.packetA()))
            .column("subflow", r -> r.comparison().a().subflowPosition(r.packetA()))
            .column("direction", r -> r.comparison().a().fromClient(r.packetA()) ? "client" : "server")
            .column("packet_a", r -> r.packetA() + 1L)
            .column("packet_b", r -> r.packetB() + 1L)
            .column("time", r -> seconds(r.comparison(), r.comparison().a().time(r.packetA())))
            .column("owd", r -> r.comparison().twins().delay(r.packetA()) / 1e9);

    static final CsvTable<Rows<Loss>> LOSS_TABLE = new CsvTable<Rows<Loss>>()
            .column("connection", r -> r.row().connection())
            .column("subflow", r -> r.row().subflow())
            .column("direction", r -> r.row().fromClient() ? "client" : "server")
            .column("kind", r -> r.row().kind().csvName())
            .column("capture", r -> r.row().inA() ? "a" : "b")
            .column("packet", r -> r.row().packet())
            .column("time", r -> seconds(r.comparison(), r.row().timeNanos()))
            .column("tcp_seq", r -> r.row().sequence())
            .column("bytes", r -> r.row().bytes())
            .column("dsn", r -> r.row().dsn())
            .column("icmp_error_packet", r -> r.row().icmpErrorPacket())
            .column("icmp_error", r -> r.row().icmpError());

    static final CsvTable<Rows<ReinjectionOutcome>> REINJECTION_TABLE = new CsvTable<Rows<ReinjectionOutcome>>()
            .column("connection", r -> r.row().connection())
            .column("direction", r -> r.row().fromClient() ? "client" : "server")
            .column("capture", r -> r.row().inA() ? "a" : "b")
            .column("packet", r -> r.row().packet())
            .column("time", r -> seconds(r.comparison(), r.row().timeNanos()))
            .column("from_subflow", r -> r.row().fromSubflow())
            .column("to_subflow", r -> r.row().toSubflow())
            .column("dsn", r -> r.row().dsn())
            .column("bytes", r -> r.row().bytes())
            .column("verdict", r -> r.row().verdict().csvName())
            .column("useful", r -> r.row().useful())
            .column("original_arrival", r -> seconds(r.comparison(), r.row().originalArrivalNanos()))
            .column("reinjection_arrival", r -> seconds(r.comparison(), r.row().reinjectionArrivalNanos()))
            .column("margin", r -> Text.seconds(r.row().marginNanos()));

    static final CsvTable<Rows<HolWait>> HOL_TABLE = new CsvTable<Rows<HolWait>>()
            .column("connection", r -> r.row().connection())
            .column("direction", r -> r.row().fromClient() ? "client" : "server")
            .column("capture", r -> r.row().inA() ? "a" : "b")
            .column("dsn", r -> r.row().dsn())
            .column("bytes", r -> r.row().bytes())
            .column("subflow", r -> r.row().subflow())
            .column("blocking_subflow", r -> r.row().blockingSubflow())
            .column("filled_by_subflow", r -> r.row().filledBySubflow())
            .column("packet", r -> r.row().packet())
            .column("release_packet", r -> r.row().releasePacket())
            .column("arrival", r -> seconds(r.comparison(), onA(r.comparison(), r.row().inA(), r.row().arrivalNanos())))
            .column("wait", r -> Text.seconds(r.row().waitNanos()));

    private CompareReport() {}

    private static Long onA(Comparison c, boolean inA, long time) {
        return inA ? Long.valueOf(time) : c.clock().known() ? c.clock().toA(time) : null;
    }

    private static Double seconds(Comparison c, Long nanos) {
        return nanos == null ? null : (nanos - c.a().time(0)) / 1e9;
    }

    /** Writes the four CSV files into {@code directory}, creating it if needed. */
    public static void writeCsv(Comparison c, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<DelayRow> delays = new ArrayList<>();
        for (int i = 0; i < c.twins().packetsA(); i++) {
            if (c.twins().delay(i) != Comparison.Twins.NO_DELAY) {
                delays.add(new DelayRow(c, i));
            }
        }
        write(directory.resolve(OWD), OWD_TABLE, delays);
        write(directory.resolve(LOSSES), LOSS_TABLE, c.losses().stream().map(l -> new Rows<>(c, l)).toList());
        write(directory.resolve(REINJECTIONS), REINJECTION_TABLE,
                c.reinjections().stream().map(r -> new Rows<>(c, r)).toList());
        write(directory.resolve(HOL), HOL_TABLE, c.holWaits().stream().map(h -> new Rows<>(c, h)).toList());
    }

    private static <T> void write(Path file, CsvTable<T> table, Iterable<T> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            table.write(out, rows);
        }
    }

    /** The comparison as one JSON document: the public contract documented in the README. */
    public static Map<String, Object> document(Comparison c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", traceJson(c.a().name(), c.a().packets()));
        doc.put("b", traceJson(c.b().name(), c.b().packets()));
        doc.put("matchedPackets", c.matched());
        doc.put("onlyInA", c.onlyInA());
        doc.put("onlyInB", c.onlyInB());
        doc.put("clock", clockJson(c.clock()));
        doc.put("connections", c.connections().stream().map(CompareReport::connectionJson).toList());
        return doc;
    }

    private static Map<String, Object> traceJson(String name, int packets) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", name);
        doc.put("packets", packets);
        return doc;
    }

    private static Map<String, Object> clockJson(ClockEstimate clock) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("offsetSeconds", Text.seconds(clock.offsetNanos()));
        doc.put("offsetUncertaintySeconds", Text.seconds(clock.uncertaintyNanos()));
        doc.put("driftPpm", clock.driftPpm());
        doc.put("driftUncertaintyPpm", clock.driftUncertaintyPpm());
        doc.put("driftApplied", clock.driftApplied());
        doc.put("referenceTime", clock.known() ? Text.iso(clock.referenceNanos()) : null);
        doc.put("samplesAToB", clock.samplesAToB());
        doc.put("samplesBToA", clock.samplesBToA());
        return doc;
    }

    private static Map<String, Object> connectionJson(ConnectionComparison c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("connection", c.match().a().index());
        doc.put("connectionB", c.match().b().index());
        doc.put("matchedBy", c.match().matchedBy());
        doc.put("clientSide", c.aNearClient() ? "a" : "b");
        doc.put("subflows", c.subflows().stream().map(CompareReport::subflowJson).toList());
        Map<String, Object> reinjections = new LinkedHashMap<>();
        reinjections.put("count", c.reinjections());
        reinjections.put("usefulBytes", c.usefulBytes());
        reinjections.put("redundantBytes", c.redundantBytes());
        doc.put("reinjections", reinjections);
        Map<String, Object> hol = new LinkedHashMap<>();
        hol.put("ranges", c.holRanges());
        hol.put("bytes", c.holBytes());
        hol.put("wait", statsJson(c.holWait()));
        hol.put("blockedSeconds", c.blockedNanos() / 1e9);
        hol.put("blockedShare", c.blockedShare());
        doc.put("headOfLine", hol);
        return doc;
    }

    private static Map<String, Object> subflowJson(SubflowComparison s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("subflow", s.position());
        doc.put("subflowB", s.positionB());
        doc.put("matchedPackets", s.matched());
        doc.put("onlyInA", s.onlyInA());
        doc.put("onlyInB", s.onlyInB());
        Map<String, Object> owd = new LinkedHashMap<>();
        owd.put("client", statsJson(s.clientToServer()));
        owd.put("server", statsJson(s.serverToClient()));
        doc.put("owd", owd);
        Map<String, Object> loss = new LinkedHashMap<>();
        loss.put("networkClient", s.networkLossClient());
        loss.put("networkServer", s.networkLossServer());
        loss.put("receiverCaptureClient", s.captureLossClient());
        loss.put("receiverCaptureServer", s.captureLossServer());
        loss.put("senderCapture", s.senderCaptureLoss());
        loss.put("refusedClient", s.refusedClient());
        loss.put("refusedServer", s.refusedServer());
        doc.put("losses", loss);
        return doc;
    }

    private static Map<String, Object> statsJson(DelayStats d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("count", d.count());
        doc.put("minSeconds", Text.seconds(d.minNanos()));
        doc.put("medianSeconds", Text.seconds(d.medianNanos()));
        doc.put("p95Seconds", Text.seconds(d.p95Nanos()));
        doc.put("maxSeconds", Text.seconds(d.maxNanos()));
        return doc;
    }
}
