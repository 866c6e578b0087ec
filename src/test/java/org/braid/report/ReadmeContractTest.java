package org.braid.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The README documents the public names of the reports: every CSV column and every JSON key. */
class ReadmeContractTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyCsvColumnIsDocumented() throws Exception {
        String readme = readme();
        for (CsvTable<?> table : new CsvTable<?>[] {CsvReport.CONNECTION_TABLE, CsvReport.SUBFLOW_TABLE,
                CsvReport.REINJECTION_TABLE, CsvReport.MAPPING_TABLE, CsvReport.EVENT_TABLE, FindingsReport.FINDING_TABLE}) {
            for (String column : table.names()) {
                assertThat(readme).as("README names the CSV column %s", column).containsPattern("\\b" + column + "\\b");
            }
        }
    }

    @Test
    void everyJsonKeyIsDocumented() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Path trace : new Path[] {Traces.sampleTrace("checksum-fail-two-subflows.pcap"),
                Traces.sampleTrace("zero-window.pcap"), Traces.sampleTrace("checksum-fail-one-subflow.pcap"),
                Traces.sampleTrace("mp-prio-backup.pcap"), Traces.sampleTrace("fallback-tcp.pcap"),
                Traces.sampleTrace("dead-path.pcap")}) {
            collect(JsonReport.document(MptcpAnalyzer.analyze(trace)), keys);
        }
        String readme = readme();
        for (String key : keys) {
            assertThat(readme).as("README names the JSON key %s", key).contains("`" + key + "`");
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
