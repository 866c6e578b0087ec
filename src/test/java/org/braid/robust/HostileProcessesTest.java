package org.braid.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braid.report.TraceIdentity;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a JVM of their own: a small heap, a trace on standard input. The million-join
 * flood is generated on the fly and piped in, never written to disk.
 */
class HostileProcessesTest {
    @TempDir Path temp;

    @Test
    void aTraceOnStandardInputAnalysesAsTheFile() throws Exception {
        Path trace = Traces.sampleTrace("two-subflows.pcapng");
        Run fromFile = run(BraidProcess.builder(List.of(), "analyze", "--json", trace.toString()), null);
        Run fromPipe = run(BraidProcess.builder(List.of(), "analyze", "--json", "-"), out -> {
            out.write(Files.readAllBytes(trace));
        });
        assertThat(fromPipe.exitCode()).isEqualTo(fromFile.exitCode()).isZero();
        assertThat(fromPipe.out()).isEqualTo(fromFile.out());
    }

    /** Issue 14: a million MP_JOIN SYNs with random tokens, each a new flow, analyse within a 1 GiB heap. */
    @Test
    void aMillionJoinsWithRandomTokensAnalyseWithinAGigabyte() throws Exception {
        Run run = run(BraidProcess.builder(List.of("-Xmx1g"), "analyze", "-"),
                out -> JoinFlood.write(out, 1_000_000, 14));
        assertThat(run.err()).doesNotContain("OutOfMemoryError").doesNotContain("out of memory");
        assertThat(run.exitCode()).isEqualTo(1); // warnings: the flow budget was reached
        // One flow per 16 KiB of the heap the collector can fill: 65,536 under G1, fewer under the
        // throughput collector that long command-line work gets (its survivor space does not count).
        Matcher budget = Pattern.compile("flow budget of (\\d+) flows reached \\(-Dbraid.maxFlows\\)").matcher(run.out());
        assertThat(budget.find()).as(run.err()).isTrue();
        int flows = Integer.parseInt(budget.group(1));
        assertThat(flows).isBetween(50_000, 65_536);
        assertThat(run.out()).startsWith("1,000,000 packets, " + flows + " MPTCP connection(s)")
                .contains("packet " + (flows + 1) + " at offset");
    }

    @Test
    void runningOutOfMemoryIsAMessageAndExitCodeTwo() throws Exception {
        // No flow budget and a heap far too small for 300,000 flows.
        Run run = run(BraidProcess.builder(List.of("-Xmx48m", "-Dbraid.maxFlows=100000000"), "analyze", "-"),
                out -> JoinFlood.write(out, 300_000, 2));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("braid: out of memory (Java heap of ").contains("-Xmx")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * SIGTERM and SIGKILL at increasing moments of {@code braid report} over a folder that holds
     * an older report: each CSV file is afterwards whole (the old or the new one), a manifest
     * present matches the files it lists, and after SIGTERM no temporary folder is left.
     */
    @Test
    void aSignalMidReportLeavesWholeFilesOnly() throws Exception {
        Path oldTrace = Traces.sampleTrace("two-subflows.pcap");
        Path newTrace = Traces.sampleTrace("mp-prio-backup.pcap");
        Path oldReport = report(oldTrace, temp.resolve("old"));
        Path newReport = report(newTrace, temp.resolve("new"));
        for (int attempt = 0; attempt < 8; attempt++) {
            boolean kill = attempt % 2 == 1;
            Path parent = Files.createDirectory(temp.resolve("signal-" + attempt));
            Path out = parent.resolve("report");
            copyFolder(oldReport, out);
            Process process = BraidProcess.builder(List.of(), "report", newTrace.toString(), "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(parent.resolve("log").toFile()).start();
            Thread.sleep(300L + 250L * attempt);
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy(); // SIGTERM
            }
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            for (Path file : listFiles(out)) {
                String name = file.getFileName().toString();
                assertThat(List.of(Files.readString(oldReport.resolve(name)), Files.readString(newReport.resolve(name))))
                        .as("%s after %s", name, kill ? "SIGKILL" : "SIGTERM").contains(Files.readString(file));
            }
            Path manifest = out.resolve("manifest.json");
            if (Files.exists(manifest)) { // a complete new report: the manifest vouches for every file
                for (JsonNode file : new ObjectMapper().readTree(manifest.toFile()).get("files")) {
                    assertThat(TraceIdentity.of(out.resolve(file.get("name").asText())).sha256())
                            .isEqualTo(file.get("sha256").asText());
                }
            }
            if (!kill) {
                try (var left = Files.list(parent)) {
                    assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".braid-report-"));
                }
                try (var left = Files.list(out)) {
                    assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".braid-report-"));
                }
            }
        }
    }

    private Path report(Path trace, Path out) throws Exception {
        Run run = run(BraidProcess.builder(List.of(), "report", trace.toString(), "--out", out.toString()), null);
        assertThat(run.exitCode()).isZero();
        // The manifest's time differs between runs; the rest is compared whole.
        Files.delete(out.resolve("manifest.json"));
        return out;
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.json"))
                    .toList();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : listFiles(from)) {
            Files.copy(file, to.resolve(file.getFileName()));
        }
    }

    interface Feed {
        void write(OutputStream out) throws IOException;
    }

    record Run(int exitCode, String out, String err) {}

    private Run run(ProcessBuilder builder, Feed stdin) throws Exception {
        Path out = temp.resolve("out-" + System.nanoTime());
        Path err = temp.resolve("err-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.write(in);
                }
            } catch (IOException e) {
                // the process stopped reading: its exit code and output tell why
            }
        });
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("braid did not finish in 10 minutes");
        }
        feeding.get(1, TimeUnit.MINUTES);
        return new Run(process.exitValue(), excerpt(out), excerpt(err));
    }

    /** The output, or its first and last parts when large: the join flood prints a line per connection. */
    private static String excerpt(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= 4 << 20) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(64 << 10);
            channel.read(head, 0);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(1 << 20);
            channel.read(tail, size - tail.capacity());
            return new String(head.array(), 0, head.position(), StandardCharsets.UTF_8) + "\n...\n"
                    + new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        }
    }
}
