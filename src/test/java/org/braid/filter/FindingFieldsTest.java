package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingGroup;
import org.braid.testing.Traces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The findings' filter fields select exactly their evidence packets. */
class FindingFieldsTest {
    private static final java.nio.file.Path TRACE = Traces.sampleTrace("dead-path.pcap");
    private static AnalysisResult result;
    private static FieldResolver fields;

    @BeforeAll
    static void analyze() throws IOException {
        result = MptcpAnalyzer.analyze(TRACE);
        fields = new FindingFields(result.findings()).or(PacketFields.instance());
    }

    private static List<Long> matches(String text) throws IOException {
        FilterResult parsed = FilterParser.parse(text, fields);
        assertThat(parsed.isValid()).as(text + ": " + parsed.error()).isTrue();
        FilterInput input = new FilterInput();
        List<Long> kept = new ArrayList<>();
        try (PacketSource source = TraceReader.open(TRACE)) {
            PacketPass.run(source, (frame, packet) -> {
                if (parsed.filter().matches(input.set(frame, packet))) {
                    kept.add(frame.packetNumber());
                }
            });
        }
        return kept;
    }

    private static List<Long> evidence(java.util.function.Predicate<Finding> which) {
        return result.findings().stream().filter(which).flatMapToLong(f -> java.util.Arrays.stream(f.evidence().packets()))
                .distinct().sorted().boxed().toList();
    }

    @Test
    void groupSelectsItsEvidencePackets() throws IOException {
        List<Long> path = matches("braid.finding.group == \"path\"");
        assertThat(path).isNotEmpty().contains(1427L, 1571L).isEqualTo(evidence(f -> f.group() == FindingGroup.PATH));
        assertThat(matches("braid.finding.group == path")).isEqualTo(path);
    }

    @Test
    void severityKindAndPresence() throws IOException {
        assertThat(matches("braid.finding.severity == \"warning\""))
                .isEqualTo(evidence(f -> f.severity().label().equals("warning")));
        assertThat(matches("braid.finding.kind == \"silent-subflow\"")).containsExactly(1384L);
        assertThat(matches("braid.finding")).isEqualTo(evidence(f -> true));
        List<Long> notPath = matches("braid.finding && braid.finding.group != \"path\"");
        assertThat(notPath).doesNotContain(1427L).isNotEmpty();
    }

    @Test
    void namesOutsideTheSetAndOrderingsAreErrors() {
        FilterResult unknown = FilterParser.parse("braid.finding.group == \"paths\"", fields);
        assertThat(unknown.isValid()).isFalse();
        assertThat(unknown.error().toString()).contains("is not one of").contains("data-level");
        assertThat(FilterParser.parse("braid.finding.group > \"path\"", fields).isValid()).isFalse();
        assertThat(FilterParser.parse("tcp.port == \"80\"", fields).isValid()).isFalse();
        assertThat(FilterParser.parse("braid.finding.group == \"path", fields).isValid()).isFalse();
    }
}
