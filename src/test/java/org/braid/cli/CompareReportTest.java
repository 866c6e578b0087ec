package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.braid.compare.Comparer;
import org.braid.compare.Comparison;
import org.braid.report.CsvTable;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare report's CSV files parse back, agree with the comparison, and every name is in the README. */
class CompareReportTest {
    private static Comparison deadPath() throws Exception {
        return Comparer.compare(Traces.sampleTrace("pairs/dead-path-client.pcap"),
                Traces.sampleTrace("pairs/dead-path-server.pcap"));
    }

    @Test
    void everyCsvColumnAndJsonKeyIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (CsvTable<?> table : List.of(CompareReport.OWD_TABLE, CompareReport.LOSS_TABLE,
                CompareReport.REINJECTION_TABLE, CompareReport.HOL_TABLE)) {
            for (String column : table.names()) {
                assertThat(readme).as("README names the CSV column %s", column).containsPattern("\\b" + column + "\\b");
            }
        }
        Set<String> keys = new TreeSet<>();
        collect(CompareReport.document(deadPath()), keys);
        for (String key : keys) {
            assertThat(readme).as("README names the JSON key %s", key).contains("`" + key + "`");
        }
    }

    @Test
    void csvFilesHoldOneRowPerItem(@TempDir Path dir) throws Exception {
        Comparison c = deadPath();
        CompareReport.writeCsv(c, dir);
        List<CSVRecord> losses = read(dir.resolve(CompareReport.LOSSES));
        assertThat(losses).hasSize(c.losses().size());
        assertThat(losses).filteredOn(r -> r.get("kind").equals("network")).hasSize(76)
                .allMatch(r -> r.get("direction").equals("client") && r.get("capture").equals("a"));
        List<CSVRecord> reinjections = read(dir.resolve(CompareReport.REINJECTIONS));
        assertThat(reinjections).hasSize(c.reinjections().size());
        assertThat(read(dir.resolve(CompareReport.HOL))).hasSize(c.holWaits().size());
        List<CSVRecord> owd = read(dir.resolve(CompareReport.OWD));
        assertThat((long) owd.size()).isEqualTo(c.matched());
        for (CSVRecord r : owd) {
            assertThat(Double.parseDouble(r.get("owd"))).isGreaterThan(-c.clock().uncertaintyNanos() / 1e9);
        }
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private static void collect(Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                keys.add((String) key);
                collect(value, keys);
            });
        } else if (node instanceof Iterable<?> list) {
            list.forEach(item -> collect(item, keys));
        }
    }
}
