package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.testing.Traces.sampleTrace;

import java.util.ArrayList;
import java.util.List;
import org.braid.filter.AnalysisFields;
import org.braid.filter.Filter;
import org.braid.filter.FilterInput;
import org.braid.filter.FilterParser;
import org.braid.filter.PacketFields;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

class FilterTaskTest {
    private static final String[] FILTERS = {"tcp.len > 1000", "mptcp.reinjection", "mptcp.reinjection || tcp.len > 1000",
        "tcp.flags.syn == 1", "mptcp.subflow == 1"};

    @Test
    void everyWayOfRunningKeepsWhatThePacketByPacketFilterKeeps() throws Exception {
        try (LoadedTrace trace = new TraceLoadTask(sampleTrace("loss-reinjections.pcap"), "loss").call(TaskProgress.NONE)) {
            var fields = new AnalysisFields(trace.analysis().columns(), trace.analysis()::subflowOfFlow)
                    .or(PacketFields.instance());
            for (String text : FILTERS) {
                Filter filter = FilterParser.parse(text, fields).filter();
                int[] expected = oneByOne(trace, filter);
                assertThat(expected).as(text).isNotEmpty();
                assertThat(FilterTask.run(trace, filter, done -> { }, 1)).as(text + ", one thread").isEqualTo(expected);
                assertThat(FilterTask.run(trace, filter, done -> { }, 3)).as(text + ", three chunks").isEqualTo(expected);
            }
        }
    }

    @Test
    void onlyFiltersOfAnalysisFieldsSkipTheDecode() {
        var fields = new AnalysisFields(new org.braid.analysis.MptcpAnalyzer().columns(), flow -> flow)
                .or(PacketFields.instance());
        assertThat(FilterParser.parse("mptcp.reinjection && mptcp.subflow == 1", fields).filter().needsDecode()).isFalse();
        assertThat(FilterParser.parse("mptcp.reinjection || tcp.len > 1000", fields).filter().needsDecode()).isTrue();
        assertThat(FilterParser.parse("tcp.len > 1000", fields).filter().needsDecode()).isTrue();
    }

    /** Each packet decoded and tested in turn, as the filter language defines it. */
    private static int[] oneByOne(LoadedTrace trace, Filter filter) {
        PacketDecoding decoding = new PacketDecoding(trace);
        FilterInput input = new FilterInput();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < trace.index().size(); i++) {
            if (decoding.load(i) && filter.matches(input.set(decoding.frame(), decoding.packet()))) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
