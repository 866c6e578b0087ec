package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Zoomed out, each pixel column keeps its extremes and its ends; zoomed in, every point. */
class MinMaxBucketsTest {
    @Test
    void zoomedInEveryVisiblePointIsKeptWithOneBeyondEachEdge() {
        double[] x = ramp(10_000, 0.001);
        double[] y = ramp(10_000, 1);
        int[] kept = MinMaxBuckets.visible(x, y, 2.0, 2.5, 1000);
        // 2.000 to 2.500 holds points 2000 to 2500: every one, and 1999 and 2501 so lines reach the edges.
        assertThat(kept).hasSize(503);
        assertThat(kept[0]).isEqualTo(1999);
        assertThat(kept[kept.length - 1]).isEqualTo(2501);
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i]).isEqualTo(kept[i - 1] + 1);
        }
    }

    @Test
    void zoomedOutEachColumnKeepsItsFirstLowestHighestAndLast() {
        int n = 1_000_000;
        double[] x = ramp(n, 1e-6);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7919L) % 1000; // noise between 0 and 999
        }
        y[123_456] = -5_000; // a dip a single point deep
        y[654_321] = 9_000; // a spike
        int columns = 800;
        int[] kept = MinMaxBuckets.visible(x, y, 0, 1, columns);
        assertThat(kept.length).isLessThanOrEqualTo(MinMaxBuckets.POINTS_PER_COLUMN * columns + 2);
        assertThat(kept).contains(123_456, 654_321, 0, n - 1);
        assertThat(kept).isSorted();
        assertThat(Arrays.stream(kept).distinct().count()).isEqualTo(kept.length);
        // Within every column, the kept points include the column's true minimum and maximum.
        int[] column = new int[n];
        for (int i = 0, c = 0; i < n; i++) {
            while (c < columns - 1 && x[i] >= MinMaxBuckets.columnEnd(0, 1, columns, c)) {
                c++;
            }
            column[i] = c;
        }
        assertThat(extremes(y, column, columns, java.util.stream.IntStream.range(0, n).toArray()))
                .isEqualTo(extremes(y, column, columns, kept));
    }

    /** Per column, the lowest and highest y of the points {@code of}. */
    private static double[][] extremes(double[] y, int[] column, int columns, int[] of) {
        double[][] extremes = new double[columns][];
        for (int i : of) {
            double[] e = extremes[column[i]];
            extremes[column[i]] = e == null ? new double[] {y[i], y[i]}
                    : new double[] {Math.min(e[0], y[i]), Math.max(e[1], y[i])};
        }
        return extremes;
    }

    @Test
    void aGapStaysAGapBoundedByTheRealPointsAroundIt() {
        // 200,000 points a microsecond apart, then nothing for 0.3 s, then 200,000 more.
        int n = 400_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 1e-6 + (i >= 200_000 ? 0.3 : 0);
            y[i] = i;
        }
        int[] kept = MinMaxBuckets.visible(x, y, 0, x[n - 1], 500);
        assertThat(kept.length).isLessThan(2500);
        for (int i : kept) {
            assertThat(x[i] <= x[199_999] || x[i] >= x[200_000]).as("no point inside the gap").isTrue();
        }
        // The line crosses the gap from the last point before it to the first after it, as at full detail.
        int before = Arrays.binarySearch(kept, 199_999);
        assertThat(before).isNotNegative();
        assertThat(kept[before + 1]).isEqualTo(200_000);
    }

    @Test
    void aLonePointInAnEmptyStretchIsKept() {
        double[] x = {0, 1, 2, 500, 998, 999, 1000};
        double[] y = {0, 0, 0, 42, 0, 0, 0};
        assertThat(MinMaxBuckets.visible(x, y, 0, 1000, 1)).contains(3);
        assertThat(MinMaxBuckets.visible(x, y, 400, 600, 100)).containsExactly(2, 3, 4);
        assertThat(MinMaxBuckets.visible(new double[0], new double[0], 0, 1, 10)).isEmpty();
        assertThat(MinMaxBuckets.visible(x, y, 2000, 3000, 10)).containsExactly(6);
    }

    private static double[] ramp(int n, double step) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * step;
        }
        return values;
    }
}
