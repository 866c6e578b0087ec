package org.braid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.ConnectionEndReason;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV report parses back, one row per thing, with the same figures as the analysis. Expected
 * values are parsed back from the cells, never formatted with the production code; the exact text
 * of every cell is frozen in the golden files ({@code org.braid.cli.GoldenFilesTest}).
 */
class CsvReportTest {
    @TempDir
    Path out;

    static Stream<Path> traces() {
        return Stream.of(Traces.sampleTrace("dead-path.pcap"), Traces.sampleTrace("many-connections.pcap"),
                Traces.sampleTrace("ipv6-two-subflows.pcap"), Traces.sampleTrace("checksum-fail-two-subflows.pcap"),
                Traces.sampleTrace("fallback-tcp.pcap"), Traces.sampleTrace("fastclose.pcap"),
                Traces.publicDir().resolve("mptcpanalyzer_client_2.pcap"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyFileParsesBackWithOneRowPerItem(Path trace) throws Exception {
        AnalysisResult result = MptcpAnalyzer.analyze(trace);
        CsvReport.write(result, out);

        List<CSVRecord> connections = read(CsvReport.CONNECTIONS, CsvReport.CONNECTION_TABLE);
        List<CSVRecord> subflows = read(CsvReport.SUBFLOWS, CsvReport.SUBFLOW_TABLE);
        List<CSVRecord> reinjections = read(CsvReport.REINJECTIONS, CsvReport.REINJECTION_TABLE);
        List<CSVRecord> events = read(CsvReport.EVENTS, CsvReport.EVENT_TABLE);
        List<CSVRecord> mappings = read(CsvReport.MAPPINGS, CsvReport.MAPPING_TABLE);
        assertThat(mappings).hasSize(result.connections().stream().mapToInt(c -> c.mappings().size()).sum());

        assertThat(connections).hasSize(result.connections().size());
        assertThat(subflows).hasSize(result.connections().stream().mapToInt(c -> c.subflows().size()).sum());
        assertThat(reinjections).hasSize((int) result.connections().stream()
                .mapToLong(c -> c.data().reinjectedPackets()).sum());
        assertThat(events).hasSize(result.connections().stream().mapToInt(c -> c.events().size()).sum());

        for (int i = 0; i < connections.size(); i++) {
            MptcpConnection c = result.connections().get(i);
            CSVRecord row = connections.get(i);
            assertThat(row.get("connection")).isEqualTo(String.valueOf(c.index()));
            assertThat(row.get("client")).isEqualTo(c.client().toString());
            assertThat(row.get("server_token")).matches(c.serverToken() == null ? "" : "[0-9a-f]{8}");
            if (c.serverToken() != null) {
                assertThat(Long.parseLong(row.get("server_token"), 16)).isEqualTo(c.serverToken());
            }
            assertThat(row.get("subflows")).isEqualTo(String.valueOf(c.subflows().size()));
            assertThat(Long.parseLong(row.get("client_unique_bytes"))).isEqualTo(c.data().client().uniqueBytes());
            assertThat(Long.parseLong(row.get("reinjected_packets"))).isEqualTo(c.data().reinjectedPackets());
            assertThat(Long.parseLong(row.get("checksum_verified"))).isEqualTo(c.mappings().verified());
            assertThat(row.get("end_reason")).matches("[a-z_]+");
            assertThat(ConnectionEndReason.valueOf(row.get("end_reason").toUpperCase(Locale.ROOT)))
                    .isEqualTo(c.lifecycle().end().reason());
        }
        int row = 0;
        for (MptcpConnection c : result.connections()) {
            for (Subflow s : c.subflows()) {
                CSVRecord record = subflows.get(row++);
                assertThat(record.get("connection")).isEqualTo(String.valueOf(c.index()));
                assertThat(record.get("client")).isEqualTo(s.client().toString());
                assertThat(Long.parseLong(record.get("packets"))).isEqualTo(s.packets());
            }
        }
    }

    private List<CSVRecord> read(String file, CsvTable<?> table) throws Exception {
        try (Reader in = Files.newBufferedReader(out.resolve(file))) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            assertThat(parser.getHeaderNames()).as(file + " header").isEqualTo(table.names());
            return parser.getRecords();
        }
    }
}
