package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.WindowLimit;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

class ExpertChartBuilderTest {
    @Test
    void eachWindowLimitedPeriodIsShadedForItsDirectionOnly() throws Exception {
        AnalysisResult result = MptcpAnalyzer.analyze(Traces.sampleTrace("zero-window.pcap"));
        MptcpConnection c = result.connections().get(0);
        long first = c.startNanos();
        List<String> names = c.subflows().stream().map(s -> "subflow").toList();
        int limitedSide = c.window().client() != null && !c.window().client().windowLimits().isEmpty() ? 0 : 1;
        List<WindowLimit> periods = (limitedSide == 0 ? c.window().client() : c.window().server()).windowLimits();
        assertThat(periods).isNotEmpty();

        List<ExpertChartData.Shade> limited = ExpertChartBuilder.build(result, 0, limitedSide, first, names).shaded()
                .stream().filter(s -> s.label().equals("window limited")).toList();

        assertThat(limited).hasSameSizeAs(periods);
        for (int i = 0; i < periods.size(); i++) {
            assertThat(limited.get(i).start()).isEqualTo((periods.get(i).startNanos() - first) / 1e9);
            assertThat(limited.get(i).end()).isEqualTo((periods.get(i).endNanos() - first) / 1e9);
        }
        assertThat(ExpertChartBuilder.build(result, 0, 1 - limitedSide, first, names).shaded())
                .noneMatch(s -> s.label().equals("window limited"));
    }
}
