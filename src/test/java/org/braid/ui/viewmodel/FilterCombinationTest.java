package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.filter.FilterParser;
import org.braid.ui.packets.AnalysisColumn;
import org.braid.ui.packets.ColumnFilters;
import org.braid.ui.packets.StandardColumn;
import org.junit.jupiter.api.Test;

/** Apply/Prepare as Filter make filters the filter bar accepts, joined with its text as Wireshark does. */
class FilterCombinationTest {
    @Test
    void combinationsJoinWithTheBarsFilter() {
        assertThat(FilterCombination.SELECTED.combine("tcp.port == 80", "ip.src == 10.0.0.1")).isEqualTo("ip.src == 10.0.0.1");
        assertThat(FilterCombination.NOT_SELECTED.combine("", "ip.src == 10.0.0.1")).isEqualTo("!(ip.src == 10.0.0.1)");
        assertThat(FilterCombination.AND_SELECTED.combine("tcp.port == 80", "frame.len == 60"))
                .isEqualTo("(tcp.port == 80) && frame.len == 60");
        assertThat(FilterCombination.OR_SELECTED.combine(" ", "frame.len == 60")).isEqualTo("frame.len == 60");
    }

    @Test
    void columnFiltersParse() {
        for (String filter : new String[] {
            ColumnFilters.of(StandardColumn.SOURCE, "192.0.2.1").orElseThrow(),
            ColumnFilters.of(StandardColumn.DESTINATION, "2001:db8::1").orElseThrow(),
            ColumnFilters.of(StandardColumn.NUMBER, "12").orElseThrow(),
            ColumnFilters.of(AnalysisColumn.DSN, "1449").orElseThrow(),
            FilterCombination.AND_SELECTED.combine("tcp.port == 80", "frame.len == 60")}) {
            assertThat(FilterParser.parse(filter).isValid()).as(filter).isTrue();
        }
        assertThat(ColumnFilters.of(AnalysisColumn.SUBFLOW, "1")).contains("mptcp.subflow == 1");
        assertThat(ColumnFilters.of(StandardColumn.INFO, "x")).isEmpty();
        assertThat(ColumnFilters.of(AnalysisColumn.CONNECTION, "")).isEmpty();
    }
}
