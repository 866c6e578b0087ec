package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Series keep every point and its packet; throughput bins are round. */
class PacketSeriesTest {
    private static PacketSeries.Builder points(int n) {
        PacketSeries.Builder builder = new PacketSeries.Builder("s");
        for (int i = 0; i < n; i++) {
            builder.add(i * 0.001, i * 10.0, 1000 + i);
        }
        return builder;
    }

    @Test
    void everyPointIsKeptWithItsPacket() {
        PacketSeries series = points(300_001).build();
        assertThat(series.size()).isEqualTo(300_001);
        assertThat(series.packets()[0]).isEqualTo(1000);
        assertThat(series.packets()[300_000]).isEqualTo(301_000);
        assertThat(series.y()[1234]).isEqualTo(12_340.0);
    }

    @Test
    void throughputBinsAreRoundAndAboutAHundred() {
        assertThat(ChartDataBuilder.binNanos(600_000_000L)).isEqualTo(10_000_000L);
        assertThat(ChartDataBuilder.binNanos(2_300_000_000L)).isEqualTo(50_000_000L);
        assertThat(ChartDataBuilder.binNanos(10_000_000_000L)).isEqualTo(100_000_000L);
        assertThat(ChartDataBuilder.binNanos(60_000_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(ChartDataBuilder.binNanos(1)).isEqualTo(10_000_000L);
    }
}
