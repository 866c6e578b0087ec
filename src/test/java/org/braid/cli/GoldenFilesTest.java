package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.braid.report.CsvReport;
import org.braid.testing.Traces;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in outputs of {@code braid analyze}, {@code analyze --json} and {@code report} for
 * a few sample traces (src/test/resources/golden/TRACE/), compared byte for byte: any change of
 * the output contract shows up here as a diff to review. After an intended change, regenerate
 * them with {@code mvn test -Dtest=GoldenFilesTest -Dbraid.updateGolden=true} and review
 * {@code git diff src/test/resources/golden} before committing (see the README's "Tests").
 */
class GoldenFilesTest {
    static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("braid.updateGolden");
    private static final List<String> CSV_FILES = List.of(CsvReport.CONNECTIONS, CsvReport.SUBFLOWS,
            CsvReport.REINJECTIONS, CsvReport.MAPPINGS, CsvReport.EVENTS);

    @TempDir Path temp;

    /** Small and varied: checksum failure, MP_FASTCLOSE, fallback to TCP, a headers-only capture, IPv6, window scale unknown. */
    static Stream<Path> traces() {
        return Stream.of(Traces.sampleTrace("checksum-fail-one-subflow.pcap"), Traces.sampleTrace("fastclose.pcap"),
                Traces.sampleTrace("fallback-tcp.pcap"), Traces.sampleTrace("headers-only-s96.pcap"),
                Traces.sampleTrace("ipv6-two-subflows.pcap"), Traces.publicTrace("mptcpanalyzer_client_2.pcap"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void outputsEqualTheGoldenFiles(Path trace) throws IOException {
        Path golden = GOLDEN.resolve(trace.getFileName().toString());
        List<String> differing = new ArrayList<>();

        CliRunner.Result text = CliRunner.run("analyze", trace.toString());
        check(golden.resolve("analyze.txt"), text.out(), differing);
        CliRunner.Result json = CliRunner.run("analyze", "--json", trace.toString());
        check(golden.resolve("analyze.json"), json.out(), differing);
        Path out = temp.resolve("report");
        CliRunner.Result report = CliRunner.run("report", trace.toString(), "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isLessThan(ExitCodes.ERROR);
        // Every CSV file the report writes, so a file added to the report gets its golden file too.
        List<String> written = csvFiles(out);
        assertThat(written).containsAll(CSV_FILES);
        for (String file : written) {
            check(golden.resolve("report").resolve(file), Files.readString(out.resolve(file), StandardCharsets.UTF_8),
                    differing);
        }
        if (!UPDATE) {
            csvFiles(golden.resolve("report")).stream().filter(f -> !written.contains(f))
                    .forEach(f -> differing.add(golden.resolve("report").resolve(f) + " (no longer written)"));
        }

        assertThat(differing).as("outputs that differ from their golden files; if the change is intended, run "
                + "mvn test -Dtest=GoldenFilesTest -Dbraid.updateGolden=true and review git diff").isEmpty();
    }

    private static List<String> csvFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }

    /** Compares {@code actual} with the golden file verbatim, or (with -Dbraid.updateGolden=true) rewrites it. */
    private static void check(Path goldenFile, String actual, List<String> differing) throws IOException {
        if (UPDATE) {
            Files.createDirectories(goldenFile.getParent());
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(goldenFile) ? Files.readString(goldenFile, StandardCharsets.UTF_8) : null;
        if (!actual.equals(expected)) {
            differing.add(goldenFile + (expected == null ? " (missing)" : " (first difference at line "
                    + firstDifferentLine(expected, actual) + ")"));
        }
    }

    private static int firstDifferentLine(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return i + 1;
            }
        }
        return Math.min(a.length, b.length) + 1;
    }
}
