package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code braid analyze} and {@code braid report} over several traces or a folder, in parallel. */
class ManyTracesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path folderOfTraces() throws Exception {
        Path traces = Files.createDirectory(dir.resolve("traces"));
        Files.copy(Traces.sampleTrace("two-subflows.pcap"), traces.resolve("b-two-subflows.pcap"));
        Files.copy(Traces.sampleTrace("fallback-tcp.pcap"), traces.resolve("a-fallback.pcap"));
        Files.writeString(traces.resolve("notes.txt"), "not a trace");
        return traces;
    }

    @Test
    void jsonLinesHoldOneDocumentPerTraceInNameOrderEqualToTheSingleTraceDocument() throws Exception {
        Path traces = folderOfTraces();
        CliRunner.Result result = CliRunner.run("analyze", "--jsonl", "--jobs", "2", traces.toString());
        assertThat(result.err()).isEmpty();
        String[] lines = result.out().split("\\R");
        assertThat(lines).hasSize(2);
        List<JsonNode> documents = new ArrayList<>();
        for (String line : lines) {
            documents.add(MAPPER.readTree(line));
        }
        assertThat(documents.get(0).get("trace").asText()).endsWith("a-fallback.pcap");
        assertThat(documents.get(1).get("trace").asText()).endsWith("b-two-subflows.pcap");
        JsonNode single = MAPPER.readTree(CliRunner.run("analyze", "--json",
                traces.resolve("b-two-subflows.pcap").toString()).out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) documents.get(1)).remove("trace");
        assertThat(documents.get(1)).isEqualTo(single);
    }

    @Test
    void anUnreadableTraceIsReportedAndTheOthersStillAnalysed() throws Exception {
        Path good = Traces.sampleTrace("two-subflows.pcap");
        Path missing = dir.resolve("missing.pcap");
        Path broken = Files.writeString(dir.resolve("broken.pcap"), "no pcap here");
        CliRunner.Result result = CliRunner.run("analyze", "--jsonl", broken.toString(), good.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("broken.pcap");
        assertThat(result.out().split("\\R")).hasSize(1);
        assertThat(CliRunner.run("analyze", missing.toString(), good.toString()).err()).contains("missing.pcap");
    }

    @Test
    void severalTracesAsTextAreHeadedByTheirNames() throws Exception {
        Path traces = folderOfTraces();
        CliRunner.Result result = CliRunner.run("analyze", traces.resolve("a-fallback.pcap").toString(),
                traces.resolve("b-two-subflows.pcap").toString());
        assertThat(result.out()).contains("== " + traces.resolve("a-fallback.pcap"))
                .contains("== " + traces.resolve("b-two-subflows.pcap"));
        assertThat(result.out().indexOf("a-fallback")).isLessThan(result.out().indexOf("b-two-subflows"));
    }

    @Test
    void jsonIsForOneTrace() throws Exception {
        Path traces = folderOfTraces();
        CliRunner.Result result = CliRunner.run("analyze", "--json", traces.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("--jsonl");
    }

    @Test
    void reportWritesEachTraceToItsOwnFolder() throws Exception {
        Path traces = folderOfTraces();
        Path out = dir.resolve("out");
        CliRunner.Result result = CliRunner.run("report", "-o", out.toString(), traces.toString());
        assertThat(result.exitCode()).isLessThan(ExitCodes.ERROR);
        Path single = dir.resolve("single");
        CliRunner.run("report", "-o", single.toString(), traces.resolve("b-two-subflows.pcap").toString());
        try (var files = Files.list(single)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("manifest.json")).toList()) {
                // The manifests name the time they were written; every report file is the same.
                assertThat(out.resolve("b-two-subflows").resolve(file.getFileName())).hasSameTextualContentAs(file);
            }
        }
        assertThat(out.resolve("a-fallback")).isDirectory();
    }
}
