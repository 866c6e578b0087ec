package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.braid.model.MptcpConnection;
import org.braid.testing.Traces;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

/** The charts show either direction or both, and Throughput adds the connection's aggregate. */
class ChartDirectionTest {
    private static final Path TRACE = Traces.sampleTrace("dead-path.pcap");

    @Test
    void eachDirectionChartsOnlyWhatItsSideSentAndBothChartsEverything() throws Exception {
        try (LoadedTrace trace = new TraceLoadTask(TRACE, "t").call(TaskProgress.NONE)) {
            MptcpConnection c = trace.analysis().connection(0);
            int subflows = c.subflows().size();
            ConnectionChartData toServer = ChartDataBuilder.build(trace, 0, ChartDirection.CLIENT_TO_SERVER, done -> { });
            ConnectionChartData toClient = ChartDataBuilder.build(trace, 0, ChartDirection.SERVER_TO_CLIENT, done -> { });
            ConnectionChartData both = ChartDataBuilder.build(trace, 0, ChartDirection.BOTH, done -> { });

            assertThat(toServer.dataBySubflow()).hasSize(subflows);
            assertThat(both.dataBySubflow()).hasSize(2 * subflows);
            assertThat(toServer.direction()).isEqualTo(c.client() + " \u2192 " + c.server());
            assertThat(toClient.direction()).isEqualTo(c.server() + " \u2192 " + c.client());
            assertThat(both.charted()).isEqualTo(ChartDirection.BOTH);
            assertThat(points(both)).isEqualTo(points(toServer) + points(toClient));
            assertThat(both.dataAcks().size()).as("each direction has its own DATA_ACK").isZero();
            ConnectionChartData main = ChartDataBuilder.build(trace, 0, done -> { });
            assertThat(main.charted()).isEqualTo(ChartDataBuilder.mainDirection(c));
        }
    }

    @Test
    void throughputEndsWithTheConnectionsAggregate() throws Exception {
        try (LoadedTrace trace = new TraceLoadTask(TRACE, "t").call(TaskProgress.NONE)) {
            ConnectionChartData data = ChartDataBuilder.build(trace, 0, ChartDirection.BOTH, done -> { });
            int subflows = trace.analysis().connection(0).subflows().size();
            assertThat(data.throughput()).hasSize(subflows + 1);
            PacketSeries aggregate = data.throughput().get(subflows);
            for (int bin = 0; bin < aggregate.size(); bin += 7) {
                double sum = 0;
                for (int s = 0; s < subflows; s++) {
                    sum += data.throughput().get(s).y()[bin];
                }
                assertThat(aggregate.y()[bin]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void axisLabelsUseUnitsAPersonReads() {
        assertThat(ReadableNumbers.format(64_512, false)).isEqualTo("64.512k");
        assertThat(ReadableNumbers.format(12_600_000, false)).isEqualTo("12.6M");
        assertThat(ReadableNumbers.format(0, false)).isEqualTo("0");
        assertThat(ReadableNumbers.format(3e9, false)).isEqualTo("3G");
        assertThat(ReadableNumbers.format(0.25, true)).isEqualTo("250 ms");
        assertThat(ReadableNumbers.format(1.5, true)).isEqualTo("1.5 s");
        assertThat(ReadableNumbers.format(0, true)).isEqualTo("0 s");
    }

    private static int points(ConnectionChartData data) {
        return data.dataBySubflow().stream().mapToInt(PacketSeries::size).sum();
    }
}
