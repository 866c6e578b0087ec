package org.braid.compare;

import java.util.Arrays;

/**
 * One-way delays of one subflow direction; every value null when none was measured.
 *
 * @param count        matched packets measured
 * @param minNanos     smallest delay
 * @param medianNanos  median
 * @param p95Nanos     95th percentile (nearest rank)
 * @param maxNanos     largest delay
 */
public record DelayStats(int count, Long minNanos, Long medianNanos, Long p95Nanos, Long maxNanos) {
    static DelayStats of(long[] values, int count) {
        if (count == 0) {
            return new DelayStats(0, null, null, null, null);
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new DelayStats(count, sorted[0], sorted[rank(count, 0.5)], sorted[rank(count, 0.95)], sorted[count - 1]);
    }

    /** The nearest-rank percentile's index. */
    static int rank(int count, double quantile) {
        return Math.max(0, (int) Math.ceil(quantile * count) - 1);
    }
}
