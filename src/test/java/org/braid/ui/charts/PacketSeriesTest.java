package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Long series are thinned to the cap, keeping both ends and each point's packet. */
class PacketSeriesTest {
    private static PacketSeries.Builder points(int n) {
        PacketSeries.Builder builder = new PacketSeries.Builder("s");
        for (int i = 0; i < n; i++) {
            builder.add(i * 0.001, i * 10.0, 1000 + i);
        }
        return builder;
    }

    @Test
    void shortSeriesStayWhole() {
        PacketSeries series = points(500).build(1000);
        assertThat(series.size()).isEqualTo(500);
        assertThat(series.packets()[499]).isEqualTo(1499);
    }

    @Test
    void longSeriesKeepAtMostTheCapPlusTheLastPoint() {
        PacketSeries series = points(300_001).build(ChartDataBuilder.MAX_POINTS);
        assertThat(series.size()).isBetween(ChartDataBuilder.MAX_POINTS / 2, ChartDataBuilder.MAX_POINTS + 1);
        assertThat(series.packets()[0]).isEqualTo(1000);
        assertThat(series.packets()[series.size() - 1]).isEqualTo(301_000);
        for (int i = 0; i < series.size(); i++) {
            int original = series.packets()[i] - 1000;
            assertThat(series.y()[i]).isEqualTo(original * 10.0);
            assertThat(series.x()[i]).isEqualTo(original * 0.001);
        }
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.x()[i]).isGreaterThan(series.x()[i - 1]);
        }
    }

    @Test
    void theLastPointIsKeptOnce() {
        assertThat(points(11).build(6).packets()).containsExactly(1000, 1002, 1004, 1006, 1008, 1010);
        PacketSeries series = points(10).build(5);
        assertThat(series.packets()).containsExactly(1000, 1002, 1004, 1006, 1008, 1009);
        PacketSeries odd = points(9).build(3);
        assertThat(odd.packets()).containsExactly(1000, 1003, 1006, 1008);
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
