package org.braid.ui.charts;

import java.util.Arrays;

/**
 * Level of detail for one series sorted by x: which of its points to draw over a visible x range
 * at a given pixel width. While there are no more than {@link #POINTS_PER_COLUMN} points a pixel
 * column, every point is drawn. Beyond that, each column keeps its first, lowest, highest and last
 * point: a line through them covers the same pixels as a line through every point, so spikes,
 * stalls and lone reinjections stay visible. Only real points are kept, none is invented, so an
 * empty column stays empty and a line crosses a gap exactly as it does at full detail (from the
 * last point before it to the first after it). One point beyond each edge of the range is kept too,
 * so lines run on to the plot's edges.
 */
final class MinMaxBuckets {
    /** Up to this many visible points a pixel column, every point is drawn. */
    static final int POINTS_PER_COLUMN = 4;

    private MinMaxBuckets() {}

    /**
     * The indices, ascending, of the points of ({@code x}, {@code y}) to draw when x from
     * {@code from} to {@code to} spans {@code columns} pixel columns; {@code x} is ascending.
     */
    static int[] visible(double[] x, double[] y, double from, double to, int columns) {
        int n = x.length;
        if (n == 0) {
            return new int[0];
        }
        int lo = firstAtOrAbove(x, from);
        int hi = firstAbove(x, to) - 1;
        int first = Math.max(0, lo - 1);
        int last = Math.min(n - 1, hi + 1);
        if (last < first) {
            return new int[0];
        }
        if (last - first + 1 <= (long) POINTS_PER_COLUMN * Math.max(1, columns) || !(to > from)) {
            int[] all = new int[last - first + 1];
            Arrays.setAll(all, i -> first + i);
            return all;
        }
        int[] kept = new int[POINTS_PER_COLUMN * columns + 2];
        int size = 0;
        if (first < lo) {
            kept[size++] = first;
        }
        // Column by column: a binary search finds where each ends, then a tight pass over its y values.
        int begin = lo;
        for (int c = 0; c < columns && begin <= hi; c++) {
            int end = c == columns - 1 ? hi : Math.min(hi, firstAtOrAbove(x, columnEnd(from, to, columns, c)) - 1);
            if (end < begin) {
                continue;
            }
            int lowest = begin;
            int highest = begin;
            double low = y[begin];
            double high = low;
            for (int i = begin + 1; i <= end; i++) {
                double value = y[i];
                if (value < low) {
                    low = value;
                    lowest = i;
                } else if (value > high) {
                    high = value;
                    highest = i;
                }
            }
            size = flush(kept, size, begin, lowest, highest, end);
            begin = end + 1;
        }
        if (last > hi) {
            kept[size++] = last;
        }
        return Arrays.copyOf(kept, size);
    }

    /** Where pixel column {@code c} of {@code columns} over x from {@code from} to {@code to} ends (exclusive). */
    static double columnEnd(double from, double to, int columns, int c) {
        return from + (to - from) * (c + 1) / columns;
    }

    /** Appends a column's first, lowest, highest and last points in x order, each once. */
    private static int flush(int[] kept, int size, int first, int lowest, int highest, int last) {
        int low = Math.min(lowest, highest);
        int high = Math.max(lowest, highest);
        int added = size;
        kept[added++] = first;
        for (int index : new int[] {low, high, last}) {
            if (index != kept[added - 1]) {
                kept[added++] = index;
            }
        }
        return added;
    }

    private static int firstAtOrAbove(double[] x, double value) {
        int low = 0;
        int high = x.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (x[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int firstAbove(double[] x, double value) {
        int low = 0;
        int high = x.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (x[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
