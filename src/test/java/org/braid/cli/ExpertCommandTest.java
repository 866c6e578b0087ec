package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code braid expert}, and the findings in {@code analyze} and {@code report}. */
class ExpertCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEAD_PATH = Traces.sampleTrace("dead-path.pcap").toString();

    @Test
    void listsTheFindingsBySeverityLikeTsharkExpert() {
        CliRunner.Result result = CliRunner.run("expert", DEAD_PATH);
        assertThat(result.exitCode()).isZero();
        String out = result.out();
        assertThat(out).contains("Errors (1)").contains("Warnings (2)").contains("Notes (5)");
        assertThat(out.indexOf("Errors")).isLessThan(out.indexOf("Warnings"));
        assertThat(out).containsPattern("path +c0/s1 +#1362 +74 +subflow 1 path failed 0\\.30–1\\.60 s");
    }

    @Test
    void minSeverityLeavesOutTheLesser() throws Exception {
        CliRunner.Result result = CliRunner.run("expert", "--json", "--min-severity", "WARNING", DEAD_PATH);
        JsonNode doc = MAPPER.readTree(result.out());
        assertThat(doc.get("minSeverity").asText()).isEqualTo("warning");
        JsonNode findings = doc.get("findings");
        assertThat(findings).hasSize(3);
        JsonNode first = findings.get(0);
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("group").asText()).isEqualTo("path");
        assertThat(first.get("kind").asText()).isEqualTo("path-failure");
        assertThat(first.get("connection").asInt()).isZero();
        assertThat(first.get("subflow").asInt()).isEqualTo(1);
        assertThat(first.get("firstPacket").asLong()).isEqualTo(1362);
        assertThat(first.get("packetCount").asInt()).isEqualTo(first.get("packets").size());
        assertThat(CliRunner.run("expert", "--min-severity", "loud", DEAD_PATH).exitCode()).isNotZero();
    }

    @Test
    void cleanTraceHasNoFindings() {
        assertThat(CliRunner.run("expert", Traces.sampleTrace("two-subflows.pcap").toString()).out())
                .isEqualTo("No findings." + System.lineSeparator());
    }

    @Test
    void analyzeShowsTheFindingsPerConnectionAndAtTheTop() throws Exception {
        String text = CliRunner.run("analyze", DEAD_PATH).out();
        assertThat(text).contains("  findings:").containsPattern("error +path +subflow 1 path failed");
        JsonNode doc = MAPPER.readTree(CliRunner.run("analyze", "--json", DEAD_PATH).out());
        assertThat(doc.get("findings")).hasSize(8);
        assertThat(doc.get("connections").get(0).get("findings")).hasSize(8);
        JsonNode rtt = doc.get("connections").get(0).get("subflows").get(0).get("rtt");
        assertThat(rtt.get("samples").asInt()).isEqualTo(462);
        assertThat(rtt.get("medianSeconds").asDouble()).isPositive();
        String refused = CliRunner.run("analyze", Traces.sampleTrace("fallback-tcp.pcap").toString()).out();
        assertThat(refused).containsPattern("warning +handshake .*the server refused MPTCP");
    }

    @Test
    void reportWritesFindingsAndRttColumns(@TempDir Path dir) throws Exception {
        assertThat(CliRunner.run("report", DEAD_PATH, "-o", dir.toString()).exitCode()).isZero();
        List<CSVRecord> findings = read(dir.resolve("findings.csv"));
        assertThat(findings).hasSize(8);
        assertThat(findings.get(0).get("severity")).isEqualTo("error");
        assertThat(findings.get(0).get("kind")).isEqualTo("path-failure");
        assertThat(findings.get(0).get("first_packet")).isEqualTo("1362");
        assertThat(findings.get(0).get("packets")).startsWith("1362 1363");
        List<CSVRecord> subflows = read(dir.resolve("subflows.csv"));
        assertThat(subflows.get(0).get("rtt_samples")).isEqualTo("462");
        assertThat(Double.parseDouble(subflows.get(0).get("rtt_median_s"))).isPositive();
        assertThat(Double.parseDouble(subflows.get(1).get("rtt_p95_s")))
                .isGreaterThanOrEqualTo(Double.parseDouble(subflows.get(1).get("rtt_median_s")));
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (CSVParser parser = CSVParser.parse(Files.readString(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }
}
