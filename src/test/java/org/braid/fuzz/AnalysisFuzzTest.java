package org.braid.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.io.PacketSource;
import org.braid.io.TraceFormatException;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.report.CsvReport;
import org.braid.report.JsonReport;

/**
 * The analysis and both writers on any trace: the analysis never throws, the JSON parses back
 * with one entry per connection, and every CSV file parses back with as many cells in each row as
 * in its header. Seeded with short MPTCP traces (AnalysisFuzzTestInputs/).
 */
class AnalysisFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = FuzzDuration.DEFAULT)
    void analyseAndWrite(byte[] data) throws IOException {
        AnalysisResult result;
        try (PacketSource source = TraceReader.open("fuzz", new ByteArrayInputStream(data))) {
            result = MptcpAnalyzer.analyze(source);
        } catch (TraceFormatException notATrace) {
            return;
        }
        StringWriter json = new StringWriter();
        JsonReport.write(result, json);
        JsonNode document = JSON.readTree(json.toString());
        assertThat(document.get("connections")).hasSize(result.connections().size());
        assertThat(document.get("packets").asLong()).isEqualTo(result.packets());

        Path folder = Files.createTempDirectory("braid-fuzz-");
        try {
            for (Path file : CsvReport.write(result, folder)) {
                if (file.getFileName().toString().endsWith(".csv")) {
                    checkCsv(file);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void checkCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            int columns = parser.getHeaderNames().size();
            for (CSVRecord row : parser) {
                assertThat(row.size()).as("%s row %d", file.getFileName(), row.getRecordNumber()).isEqualTo(columns);
            }
        }
    }
}
