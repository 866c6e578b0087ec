package org.braid.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
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
import org.braid.report.ReportFolder;

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

        for (Map.Entry<String, ReportFolder.Content> file : CsvReport.contents(result).entrySet()) {
            StringWriter csv = new StringWriter();
            file.getValue().writeTo(csv);
            checkCsv(file.getKey(), csv.toString());
        }
    }

    private static void checkCsv(String name, String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            int columns = parser.getHeaderNames().size();
            for (CSVRecord row : parser) {
                assertThat(row.size()).as("%s row %d", name, row.getRecordNumber()).isEqualTo(columns);
            }
        }
    }
}
