package org.braid.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports land whole or not at all, never through a symbolic link, and say what they are. */
class ReportFolderTest {
    private static final Path TRACE = Traces.sampleTrace("two-subflows.pcap");

    @TempDir Path temp;

    @Test
    void aSymbolicLinkInTheFolderIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(temp.resolve("precious.txt"), "do not overwrite");
        Path out = Files.createDirectory(temp.resolve("out"));
        Files.createSymbolicLink(out.resolve(CsvReport.EVENTS), elsewhere);

        CsvReport.write(analysis(), out, TraceIdentity.of(TRACE));

        assertThat(Files.readString(elsewhere)).isEqualTo("do not overwrite");
        assertThat(Files.isSymbolicLink(out.resolve(CsvReport.EVENTS))).isFalse();
        assertThat(Files.readString(out.resolve(CsvReport.EVENTS))).startsWith("connection,time,");
    }

    @Test
    void theManifestComesLastAndDescribesTheFiles() throws Exception {
        Path out = temp.resolve("out");
        List<Path> written = CsvReport.write(analysis(), out, TraceIdentity.of(TRACE));

        assertThat(written).last().isEqualTo(out.resolve(ReportFolder.MANIFEST));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(ReportFolder.MANIFEST).toFile());
        assertThat(manifest.get("trace").asText()).isEqualTo("two-subflows.pcap");
        assertThat(manifest.get("traceSha256").asText()).isEqualTo(sha256(TRACE));
        assertThat(manifest.get("braidVersion").asText()).isEqualTo(org.braid.BuildInfo.version());
        assertThat(manifest.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(manifest.get("files")).hasSize(7);
        for (JsonNode file : manifest.get("files")) {
            Path written1 = out.resolve(file.get("name").asText());
            assertThat(file.get("bytes").asLong()).isEqualTo(Files.size(written1));
            assertThat(file.get("sha256").asText()).isEqualTo(sha256(written1));
        }
    }

    @Test
    void nothingIsLeftBesideTheReport() throws IOException {
        Path out = temp.resolve("out");
        CsvReport.write(analysis(), out, TraceIdentity.of(TRACE));
        try (Stream<Path> beside = Files.list(temp)) {
            assertThat(beside).containsExactly(out);
        }
        try (Stream<Path> inside = Files.list(out)) {
            assertThat(inside.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(CsvReport.CONNECTIONS,
                    CsvReport.SUBFLOWS, CsvReport.REINJECTIONS, CsvReport.RESENDS, CsvReport.MAPPINGS, CsvReport.EVENTS,
                    FindingsReport.FINDINGS, ReportFolder.MANIFEST);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousReportWholeAndNoTemporaryFolder() throws IOException {
        Path out = temp.resolve("out");
        CsvReport.write(analysis(), out, TraceIdentity.of(TRACE));
        String before = Files.readString(out.resolve(CsvReport.CONNECTIONS));
        Map<String, ReportFolder.Content> files = new LinkedHashMap<>();
        files.put(CsvReport.CONNECTIONS, w -> w.write("half a row"));
        files.put(CsvReport.SUBFLOWS, w -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> ReportFolder.write(out, files, TraceIdentity.UNKNOWN)).hasMessage("disk full");

        assertThat(Files.readString(out.resolve(CsvReport.CONNECTIONS))).isEqualTo(before);
        assertThat(out.resolve(ReportFolder.MANIFEST)).exists();
        try (Stream<Path> beside = Files.list(temp)) {
            assertThat(beside).containsExactly(out);
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "mine");
        assertThatThrownBy(() -> CsvReport.write(analysis(), file)).isInstanceOf(FileSystemException.class)
                .hasMessage(file + ": is a file, not a folder for the report");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> CsvReport.write(analysis(), Path.of(""))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("an empty name is no output folder");
    }

    @Test
    void aSingleExportReplacesALinkWithoutFollowingIt() throws IOException {
        Path elsewhere = Files.writeString(temp.resolve("precious.txt"), "do not overwrite");
        Path target = temp.resolve("analysis.json");
        Files.createSymbolicLink(target, elsewhere);

        ReportFolder.writeFile(target, out -> JsonReport.write(analysis(), out));

        assertThat(Files.readString(elsewhere)).isEqualTo("do not overwrite");
        assertThat(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(target)).startsWith("{");
        try (Stream<Path> beside = Files.list(temp)) {
            assertThat(beside).containsExactlyInAnyOrder(elsewhere, target);
        }
    }

    private static AnalysisResult analysis() throws IOException {
        return MptcpAnalyzer.analyze(TRACE);
    }

    private static String sha256(Path file) throws IOException {
        return TraceIdentity.of(file).sha256();
    }
}
