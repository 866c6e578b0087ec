package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {
    private static final List<PacketColumn> DEFAULTS = List.of(StandardColumn.NUMBER, AnalysisColumn.CONNECTION,
            StandardColumn.INFO);

    @Test
    void nothingSavedGivesTheDefaultsShownAndSizedToContent() {
        assertThat(ColumnLayout.parse(null, DEFAULTS)).containsExactly(
                new ColumnLayout.Entry(StandardColumn.NUMBER, true, Double.NaN),
                new ColumnLayout.Entry(AnalysisColumn.CONNECTION, true, Double.NaN),
                new ColumnLayout.Entry(StandardColumn.INFO, true, Double.NaN));
    }

    @Test
    void orderVisibilityWidthsAndFieldColumnsSurviveARoundTrip() {
        List<ColumnLayout.Entry> layout = List.of(
                new ColumnLayout.Entry(StandardColumn.INFO, true, 300),
                new ColumnLayout.Entry(new FieldColumn("tcp.len", true), true, Double.NaN),
                new ColumnLayout.Entry(new FieldColumn("ip.src", false), false, 120),
                new ColumnLayout.Entry(StandardColumn.NUMBER, false, Double.NaN),
                new ColumnLayout.Entry(AnalysisColumn.CONNECTION, true, 55));
        assertThat(ColumnLayout.parse(ColumnLayout.format(layout), DEFAULTS)).isEqualTo(layout);
    }

    @Test
    void unknownEntriesAreDroppedAndMissingDefaultsAppended() {
        String saved = "std:INFO|1|400;std:NO_SUCH|1|10;field:n:bad name|1|;garbage;mptcp:CONNECTION|0|";
        assertThat(ColumnLayout.parse(saved, DEFAULTS)).containsExactly(
                new ColumnLayout.Entry(StandardColumn.INFO, true, 400),
                new ColumnLayout.Entry(AnalysisColumn.CONNECTION, false, Double.NaN),
                new ColumnLayout.Entry(StandardColumn.NUMBER, true, Double.NaN));
    }
}
