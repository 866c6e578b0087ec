package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.report.JsonReport;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An analysis for its result alone keeps no per-packet DSNs, and finds exactly what a full one finds. */
class ResultOnlyAnalysisTest {
    @ParameterizedTest
    @ValueSource(strings = {"two-subflows.pcap", "loss-reinjections.pcap", "zero-window.pcap", "checksum-fail-two-subflows.pcap",
        "download-capture-loss.pcap"})
    void aResultOnlyAnalysisFindsWhatAFullOneFinds(String name) throws IOException {
        Path trace = Traces.sampleTrace(name);
        MptcpAnalyzer full = new MptcpAnalyzer(1024, trace.getFileName().toString());
        MptcpAnalyzer lean = MptcpAnalyzer.forResultOnly(trace.getFileName().toString());
        assertThat(json(lean, trace)).isEqualTo(json(full, trace));
        assertThat(full.columns().relativeDsn(0)).isEqualTo(PacketColumns.NO_DSN);
        assertThatThrownBy(() -> lean.columns().relativeDsn(0)).isInstanceOf(IllegalStateException.class);
        assertThat(lean.columns().size()).isEqualTo(full.columns().size());
    }

    private static String json(MptcpAnalyzer analyzer, Path trace) throws IOException {
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, analyzer);
            analyzer.finish();
            return JsonReport.document(analyzer.result(source.warnings())).toString();
        }
    }
}
