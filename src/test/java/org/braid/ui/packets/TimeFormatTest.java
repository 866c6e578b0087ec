package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.braid.testing.Traces;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

/** The Time column's formats, as Wireshark's View > Time Display Format names them. */
class TimeFormatTest {
    @Test
    void eachFormatShowsThePacketsTimeItsWay() throws Exception {
        try (LoadedTrace trace = new TraceLoadTask(Traces.sampleTrace("dead-path.pcap"), "t").call(TaskProgress.NONE)) {
            PacketIndex index = trace.index();
            long nanos = index.timestampNanos(3);
            String seconds = Long.toString(nanos / 1_000_000_000L);
            String micros = String.format(java.util.Locale.ROOT, "%06d", nanos % 1_000_000_000L / 1000);

            assertThat(TimeFormat.SINCE_START.format(index, 0, null, ZoneOffset.UTC)).isEqualTo("0.000000");
            assertThat(TimeFormat.EPOCH.format(index, 3, null, ZoneOffset.UTC)).isEqualTo(seconds + "." + micros);
            String utc = TimeFormat.UTC_DATE_AND_TIME.format(index, 3, null, ZoneOffset.UTC);
            assertThat(utc).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}").endsWith("." + micros);
            assertThat(TimeFormat.DATE_AND_TIME.format(index, 3, null, ZoneOffset.UTC)).isEqualTo(utc);

            PacketRows shown = PacketRows.of(new int[] {1, 3, 7});
            assertThat(TimeFormat.SINCE_PREVIOUS_DISPLAYED.format(index, 1, shown, ZoneOffset.UTC)).isEqualTo("0.000000");
            assertThat(TimeFormat.SINCE_PREVIOUS_DISPLAYED.format(index, 7, shown, ZoneOffset.UTC))
                    .isEqualTo(StandardColumn.relativeSeconds(index.timestampNanos(7) - index.timestampNanos(3)));
        }
    }
}
