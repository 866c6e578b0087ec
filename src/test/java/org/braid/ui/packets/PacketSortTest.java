package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.testing.Traces;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

/** The packet list sorts by any column: by the index's figures without decoding, by text otherwise; stably. */
class PacketSortTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");

    @Test
    void byLengthDescendingKeepsCaptureOrderAmongEqualLengths() throws Exception {
        try (LoadedTrace trace = load()) {
            int[] sorted = new PacketSort(StandardColumn.LENGTH, false)
                    .of(trace, PacketRows.all(trace.index().size()), false).call(TaskProgress.NONE);

            assertThat(sorted).hasSize(trace.index().size());
            for (int row = 1; row < sorted.length; row++) {
                int before = trace.index().originalLength(sorted[row - 1]);
                int now = trace.index().originalLength(sorted[row]);
                assertThat(before).isGreaterThanOrEqualTo(now);
                if (before == now) {
                    assertThat(sorted[row - 1]).as("stable").isLessThan(sorted[row]);
                }
            }
        }
    }

    @Test
    void byDecodedTextSortsOnlyTheShownRows() throws Exception {
        try (LoadedTrace trace = load()) {
            int[] shown = {5, 1, 9, 3, 7}; // any order in: the sort reads the rows in capture order
            java.util.Arrays.sort(shown);
            PacketColumn.RowContext context = new PacketColumn.RowContext(trace, new PacketSummaries(trace));
            int[] sorted = new PacketSort(StandardColumn.SOURCE, true)
                    .of(trace, PacketRows.of(shown), false).call(TaskProgress.NONE);

            assertThat(sorted).containsExactlyInAnyOrder(shown);
            for (int row = 1; row < sorted.length; row++) {
                assertThat(StandardColumn.SOURCE.text(context, sorted[row - 1]))
                        .isLessThanOrEqualTo(StandardColumn.SOURCE.text(context, sorted[row]));
            }
            PacketRows rows = PacketRows.sorted(sorted, trace.index().size());
            for (int row = 0; row < rows.size(); row++) {
                assertThat(rows.rowOf(rows.packetIndex(row))).isEqualTo(row);
            }
            assertThat(rows.rowOf(0)).isEqualTo(-1);
            assertThat(rows.inCaptureOrder()).containsExactly(shown);
        }
    }

    @Test
    void byRelativeDsnPutsPacketsWithoutDataLast() throws Exception {
        try (LoadedTrace trace = load()) {
            int[] sorted = new PacketSort(AnalysisColumn.DSN, true)
                    .of(trace, PacketRows.all(trace.index().size()), false).call(TaskProgress.NONE);
            long previous = Long.MIN_VALUE;
            boolean blanks = false;
            for (int packet : sorted) {
                long dsn = trace.analysis().columns().relativeDsn(packet);
                if (dsn == org.braid.analysis.PacketColumns.NO_DSN) {
                    blanks = true;
                } else {
                    assertThat(blanks).as("a DSN after the blanks").isFalse();
                    assertThat(dsn).isGreaterThanOrEqualTo(previous);
                    previous = dsn;
                }
            }
            assertThat(blanks).isTrue();
        }
    }

    private static LoadedTrace load() throws IOException {
        return new TraceLoadTask(DEAD_PATH, "dead-path").call(TaskProgress.NONE);
    }
}
