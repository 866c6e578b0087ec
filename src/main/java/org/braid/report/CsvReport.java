package org.braid.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.braid.model.AnalysisResult;
import org.braid.model.DataDirection;
import org.braid.model.DssMappings;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.model.RttStats;
import org.braid.model.Subflow;
import org.braid.model.UnverifiedReason;
import org.braid.model.WindowStats;

/**
 * The connection report as CSV files (RFC 4180, header row, stable column names documented in the
 * README): connections.csv, subflows.csv, reinjections.csv, mappings.csv and events.csv. Every row names its
 * connection, so each file stands on its own in a spreadsheet. "client" is the host that sent the
 * MP_CAPABLE SYN; a direction named after a host is the data that host sent.
 */
public final class CsvReport {
    public static final String CONNECTIONS = "connections.csv";
    public static final String SUBFLOWS = "subflows.csv";
    public static final String REINJECTIONS = "reinjections.csv";
    /** Same-subflow resends, in the reinjections' columns (from and to subflow are the same). */
    public static final String RESENDS = "resends.csv";
    public static final String MAPPINGS = "mappings.csv";
    public static final String EVENTS = "events.csv";

    /** A subflow with its connection and its position among the connection's subflows. */
    record SubflowRow(MptcpConnection connection, int position, Subflow subflow, RttStats rtt) {}

    record ReinjectionRow(MptcpConnection connection, Reinjection reinjection) {}

    record EventRow(MptcpConnection connection, MptcpEvent event) {}

    /** Row {@code row} of a connection's distinct DSS mappings (kept as columns, not objects). */
    record MappingRow(MptcpConnection connection, int row) {
        DssMappings mappings() {
            return connection.mappings();
        }
    }

    static final CsvTable<MptcpConnection> CONNECTION_TABLE = new CsvTable<MptcpConnection>()
            .column("connection", MptcpConnection::index)
            .column("version", MptcpConnection::version)
            .column("handshake", MptcpConnection::handshake)
            .column("grouping", c -> c.grouping().grouping().jsonName())
            .column("roles_inferred", c -> c.grouping().rolesInferred())
            .column("client", c -> c.client().toString())
            .column("server", c -> c.server().toString())
            .column("client_key", c -> Text.hex16(c.clientKey()))
            .column("server_key", c -> Text.hex16(c.serverKey()))
            .column("client_token", c -> Text.hex8(c.clientToken()))
            .column("server_token", c -> Text.hex8(c.serverToken()))
            .column("client_idsn", c -> Text.unsigned(c.clientIdsn()))
            .column("server_idsn", c -> Text.unsigned(c.serverIdsn()))
            .column("checksum_negotiated", MptcpConnection::checksum)
            .column("start_time", c -> Text.iso(c.startNanos()))
            .column("end_time", c -> Text.iso(c.endNanos()))
            .column("duration_s", c -> (c.endNanos() - c.startNanos()) / 1e9)
            .column("subflows", c -> c.subflows().size())
            .column("joins", c -> c.subflows().stream().filter(Subflow::join).count())
            .column("hmac_verified", MptcpConnection::hmacVerified)
            .column("hmac_failed", MptcpConnection::hmacFailed)
            .column("client_unique_bytes", c -> c.data().client().uniqueBytes())
            .column("server_unique_bytes", c -> c.data().server().uniqueBytes())
            .column("client_goodput_bps", c -> c.data().client().goodputBitsPerSecond())
            .column("server_goodput_bps", c -> c.data().server().goodputBitsPerSecond())
            .column("client_acknowledged_bytes", c -> c.data().client().acknowledgedBytes())
            .column("server_acknowledged_bytes", c -> c.data().server().acknowledgedBytes())
            .column("reinjected_packets", c -> c.data().reinjectedPackets())
            .column("reinjected_bytes", c -> c.data().reinjectedBytes())
            .column("resent_packets", c -> c.data().resentPackets())
            .column("resent_bytes", c -> c.data().resentBytes())
            .column("capture_lost_bytes", c -> c.data().captureLostBytes())
            .column("tcp_retransmissions", c -> c.subflows().stream().mapToLong(Subflow::retransmissions).sum())
            .column("mappings", c -> c.mappings().size())
            .column("checksum_verified", c -> c.mappings().verified())
            .column("checksum_failed", c -> c.mappings().failed())
            .column("checksum_unverifiable", c -> c.mappings().unverifiable())
            .column("fallback_reason", c -> c.lifecycle().fallback() == null ? null
                    : c.lifecycle().fallback().reason().name().toLowerCase(Locale.ROOT))
            .column("fallback_packet", c -> c.lifecycle().fallback() == null ? null : c.lifecycle().fallback().packet())
            .column("fallback_requested_packet", c -> c.lifecycle().fallbackRequested() == null ? null
                    : c.lifecycle().fallbackRequested().packet())
            .column("end_reason", c -> c.lifecycle().end().reason().name().toLowerCase(Locale.ROOT))
            .column("end_packet", c -> c.lifecycle().end().packet())
            .column("add_addr_hmac_verified", c -> c.lifecycle().addAddrHmacVerified())
            .column("add_addr_hmac_failed", c -> c.lifecycle().addAddrHmacFailed())
            .column("client_window_max_edge", c -> c.window().client().maxRightEdge())
            .column("client_beyond_window_packets", c -> beyond(c.window().client()))
            .column("client_zero_window_periods", c -> c.window().client().zeroWindowPeriods())
            .column("client_zero_window_s", c -> c.window().client().zeroWindowNanos() / 1e9)
            .column("client_window_limited_s", c -> Text.seconds(c.window().client().windowLimitedNanos()))
            .column("client_window_disagreements", c -> c.window().client().disagreements())
            .column("server_window_max_edge", c -> c.window().server().maxRightEdge())
            .column("server_beyond_window_packets", c -> beyond(c.window().server()))
            .column("server_zero_window_periods", c -> c.window().server().zeroWindowPeriods())
            .column("server_zero_window_s", c -> c.window().server().zeroWindowNanos() / 1e9)
            .column("server_window_limited_s", c -> Text.seconds(c.window().server().windowLimitedNanos()))
            .column("server_window_disagreements", c -> c.window().server().disagreements())
            .column("events", c -> c.events().size());

    static final CsvTable<SubflowRow> SUBFLOW_TABLE = new CsvTable<SubflowRow>()
            .column("connection", r -> r.connection().index())
            .column("subflow", SubflowRow::position)
            .column("tcp_stream", r -> r.subflow().flow())
            .column("client", r -> r.subflow().client().toString())
            .column("server", r -> r.subflow().server().toString())
            .column("join", r -> r.subflow().join())
            .column("grouping", r -> r.subflow().grouping().jsonName())
            .column("roles", r -> r.subflow().roles().jsonName())
            .column("client_address_id", r -> r.subflow().clientAddressId())
            .column("server_address_id", r -> r.subflow().serverAddressId())
            .column("backup", r -> r.subflow().backup())
            .column("handshake_rtt_s", r -> Text.seconds(r.subflow().handshakeRttNanos()))
            .column("rtt_samples", r -> r.rtt() == null ? 0 : r.rtt().samples())
            .column("rtt_min_s", r -> r.rtt() == null ? null : r.rtt().min() / 1e9)
            .column("rtt_median_s", r -> r.rtt() == null ? null : r.rtt().median() / 1e9)
            .column("rtt_p95_s", r -> r.rtt() == null ? null : r.rtt().p95() / 1e9)
            .column("start_time", r -> Text.iso(r.subflow().startNanos()))
            .column("end_time", r -> Text.iso(r.subflow().endNanos()))
            .column("duration_s", r -> (r.subflow().endNanos() - r.subflow().startNanos()) / 1e9)
            .column("packets", r -> r.subflow().packets())
            .column("client_payload_bytes", r -> r.subflow().clientBytes())
            .column("server_payload_bytes", r -> r.subflow().serverBytes())
            .column("tcp_retransmissions", r -> r.subflow().retransmissions())
            .column("client_first_sent_bytes", r -> r.subflow().data().clientFirstSentBytes())
            .column("client_reinjected_bytes", r -> r.subflow().data().clientReinjectedBytes())
            .column("client_share", r -> share(r.subflow().data().clientFirstSentBytes(),
                    r.connection().data().client()))
            .column("server_first_sent_bytes", r -> r.subflow().data().serverFirstSentBytes())
            .column("server_reinjected_bytes", r -> r.subflow().data().serverReinjectedBytes())
            .column("server_share", r -> share(r.subflow().data().serverFirstSentBytes(),
                    r.connection().data().server()))
            .column("client_retransmitted_bytes", r -> r.subflow().data().client().retransmittedBytes())
            .column("client_resent_bytes", r -> r.subflow().data().client().resentBytes())
            .column("client_unmapped_bytes", r -> r.subflow().data().client().unmappedBytes())
            .column("client_capture_lost_bytes", r -> r.subflow().data().client().captureLostBytes())
            .column("server_retransmitted_bytes", r -> r.subflow().data().server().retransmittedBytes())
            .column("server_resent_bytes", r -> r.subflow().data().server().resentBytes())
            .column("server_unmapped_bytes", r -> r.subflow().data().server().unmappedBytes())
            .column("server_capture_lost_bytes", r -> r.subflow().data().server().captureLostBytes())
            .column("end", r -> r.subflow().end().name().toLowerCase(Locale.ROOT))
            .column("end_packet", r -> r.subflow().lifecycle().endPacket())
            .column("reset_reason", r -> r.subflow().lifecycle().resetReason())
            .column("reset_reason_name", r -> r.subflow().lifecycle().resetReasonName())
            .column("backup_changes", r -> r.subflow().lifecycle().backupChanges().size())
            .column("final_backup", r -> r.subflow().lifecycle().finalBackup());

    static final CsvTable<MappingRow> MAPPING_TABLE = new CsvTable<MappingRow>()
            .column("connection", r -> r.connection().index())
            .column("direction", r -> r.mappings().side(r.row()) == 0 ? "client" : "server")
            .column("subflow", r -> r.connection().subflowPosition(r.mappings().flow(r.row())))
            .column("dsn", r -> Long.toUnsignedString(r.mappings().dsn(r.row())))
            .column("relative_dsn", r -> r.mappings().relativeDsn(r.row()))
            .column("subflow_sequence", r -> r.mappings().subflowSeq(r.row()))
            .column("length", r -> r.mappings().length(r.row()))
            .column("first_packet", r -> r.mappings().firstPacket(r.row()))
            .column("checksum", r -> r.mappings().verdict(r.row()).name().toLowerCase(Locale.ROOT))
            .column("checksum_carried", r -> JsonReport.checksumHex(r.mappings().checksum(r.row())))
            .column("checksum_expected", r -> JsonReport.checksumHex(r.mappings().expectedChecksum(r.row())))
            .column("unverified_reason", r -> {
                UnverifiedReason reason = r.mappings().unverifiedReason(r.row());
                return reason == null ? null : reason.jsonName();
            });

    static final CsvTable<ReinjectionRow> REINJECTION_TABLE = new CsvTable<ReinjectionRow>()
            .column("connection", r -> r.connection().index())
            .column("packet", r -> r.reinjection().packet())
            .column("time", r -> Text.iso(r.reinjection().timeNanos()))
            .column("direction", r -> r.reinjection().fromClient() ? "client" : "server")
            .column("original_packets", r -> r.reinjection().originalPackets().stream().map(String::valueOf)
                    .collect(Collectors.joining(" ")))
            .column("from_subflow", r -> r.connection().subflowPosition(r.reinjection().fromFlow()))
            .column("to_subflow", r -> r.connection().subflowPosition(r.reinjection().toFlow()))
            .column("dsn", r -> r.reinjection().dsn())
            .column("bytes", r -> r.reinjection().bytes())
            .column("delay_s", r -> r.reinjection().delayNanos() / 1e9);

    static final CsvTable<EventRow> EVENT_TABLE = new CsvTable<EventRow>()
            .column("connection", r -> r.connection().index())
            .column("time", r -> Text.iso(r.event().timeNanos()))
            .column("offset_s", r -> (r.event().timeNanos() - r.connection().startNanos()) / 1e9)
            .column("packet", r -> r.event().packet())
            .column("subflow", r -> r.connection().subflowPosition(r.event().flow()))
            .column("type", r -> r.event().type().name())
            .column("detail", r -> r.event().detail());

    private CsvReport() {}

    /** As {@link #write(AnalysisResult, Path, TraceIdentity)} for a result whose trace is not known. */
    public static List<Path> write(AnalysisResult result, Path directory) throws IOException {
        return write(result, directory, TraceIdentity.UNKNOWN);
    }

    /**
     * Writes every CSV file of the report, then its manifest, into {@code directory} (created if
     * needed) through {@link ReportFolder}: never through a symbolic link, never a truncated file.
     *
     * @return the files written, the manifest last
     */
    public static List<Path> write(AnalysisResult result, Path directory, TraceIdentity trace) throws IOException {
        return ReportFolder.write(directory, contents(result), trace);
    }

    /** Each CSV file of the report by name, in the order they are written, as content to write anywhere. */
    public static Map<String, ReportFolder.Content> contents(AnalysisResult result) {
        List<SubflowRow> subflows = new ArrayList<>();
        List<ReinjectionRow> reinjections = new ArrayList<>();
        List<ReinjectionRow> resends = new ArrayList<>();
        List<EventRow> events = new ArrayList<>();
        List<MappingRow> mappings = new ArrayList<>();
        for (MptcpConnection c : result.connections()) {
            for (int i = 0; i < c.subflows().size(); i++) {
                subflows.add(new SubflowRow(c, i, c.subflows().get(i),
                        result.paths().rttStats(c.subflows().get(i).flow())));
            }
            c.data().reinjections().forEach(r -> reinjections.add(new ReinjectionRow(c, r)));
            c.data().resends().forEach(r -> resends.add(new ReinjectionRow(c, r)));
            c.events().forEach(e -> events.add(new EventRow(c, e)));
            for (int i = 0; i < c.mappings().size(); i++) {
                mappings.add(new MappingRow(c, i));
            }
        }
        Map<String, ReportFolder.Content> files = new LinkedHashMap<>();
        files.put(CONNECTIONS, out -> CONNECTION_TABLE.write(out, result.connections()));
        files.put(SUBFLOWS, out -> SUBFLOW_TABLE.write(out, subflows));
        files.put(REINJECTIONS, out -> REINJECTION_TABLE.write(out, reinjections));
        files.put(RESENDS, out -> REINJECTION_TABLE.write(out, resends));
        files.put(MAPPINGS, out -> MAPPING_TABLE.write(out, mappings));
        files.put(EVENTS, out -> EVENT_TABLE.write(out, events));
        files.put(FindingsReport.FINDINGS, out -> FindingsReport.FINDING_TABLE.write(out, FindingsReport.rows(result)));
        return files;
    }

    private static Long beyond(WindowStats w) {
        return w.beyondWindowChecked() ? w.beyondWindowPackets() : null;
    }

    private static Double share(long bytes, DataDirection direction) {
        return direction.uniqueBytes() == 0 ? null : bytes / (double) direction.uniqueBytes();
    }
}
