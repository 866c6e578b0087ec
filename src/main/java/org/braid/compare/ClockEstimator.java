package org.braid.compare;

/**
 * Estimates the clock offset and drift from matched packets' apparent delays: {@code dAB = tB - tA}
 * for packets from the first capture point to the second, {@code dBA = tA - tB} the other way. The
 * minimum of each is the minimum one-way delay plus or minus the offset. The drift is the slope of
 * a least-squares line through the minima of windows over the trace, in whichever direction's
 * minima lie on the steadier line (the other is usually lifted by queueing).
 */
final class ClockEstimator {
    private static final int MAX_WINDOWS = 20;
    private static final int PACKETS_PER_WINDOW = 50;

    private long[] timeAB = new long[256];
    private long[] delayAB = new long[256];
    private int countAB;
    private long[] timeBA = new long[256];
    private long[] delayBA = new long[256];
    private int countBA;

    void aToB(long tA, long tB) {
        if (countAB == timeAB.length) {
            timeAB = java.util.Arrays.copyOf(timeAB, countAB * 2);
            delayAB = java.util.Arrays.copyOf(delayAB, countAB * 2);
        }
        timeAB[countAB] = tA;
        delayAB[countAB++] = tB - tA;
    }

    void bToA(long tA, long tB) {
        if (countBA == timeBA.length) {
            timeBA = java.util.Arrays.copyOf(timeBA, countBA * 2);
            delayBA = java.util.Arrays.copyOf(delayBA, countBA * 2);
        }
        timeBA[countBA] = tA;
        delayBA[countBA++] = tA - tB;
    }

    ClockEstimate estimate() {
        if (countAB == 0 || countBA == 0) {
            return new ClockEstimate(null, null, null, null, false, 0, countAB, countBA);
        }
        long start = Math.min(min(timeAB, countAB), min(timeBA, countBA));
        long end = Math.max(max(timeAB, countAB), max(timeBA, countBA));
        double[] drift = fitDrift(start, end);
        double slope = 0;
        boolean applied = false;
        if (drift != null) {
            long bound = bounds(start, 0)[1];
            applied = Math.abs(drift[0]) > 3 * drift[1] && Math.abs(drift[0]) * (end - start) > bound;
            slope = applied ? drift[0] : 0;
        }
        long[] fit = bounds(start, slope);
        return new ClockEstimate(fit[0], fit[1], drift == null ? null : drift[0] * 1e6,
                drift == null ? null : drift[1] * 1e6, applied, start, countAB, countBA);
    }

    /** Offset and half-width at {@code reference}, with delays corrected by {@code slope}. */
    private long[] bounds(long reference, double slope) {
        long minAB = Long.MAX_VALUE;
        for (int i = 0; i < countAB; i++) {
            minAB = Math.min(minAB, delayAB[i] - Math.round(slope * (timeAB[i] - reference)));
        }
        long minBA = Long.MAX_VALUE;
        for (int i = 0; i < countBA; i++) {
            minBA = Math.min(minBA, delayBA[i] + Math.round(slope * (timeBA[i] - reference)));
        }
        return new long[] {Math.floorDiv(minAB - minBA, 2), Math.max(0, Math.floorDiv(minAB + minBA + 1, 2))};
    }

    /** Slope and its standard error of the offset over time, or null with fewer than 3 windows. */
    private double[] fitDrift(long start, long end) {
        int windows = (int) Math.min(MAX_WINDOWS, Math.min(countAB, countBA) / PACKETS_PER_WINDOW);
        if (windows < 3 || end <= start) {
            return null;
        }
        long[] minAB = new long[windows];
        long[] minBA = new long[windows];
        java.util.Arrays.fill(minAB, Long.MAX_VALUE);
        java.util.Arrays.fill(minBA, Long.MAX_VALUE);
        double width = (end - start + 1) / (double) windows;
        for (int i = 0; i < countAB; i++) {
            int w = (int) ((timeAB[i] - start) / width);
            minAB[w] = Math.min(minAB[w], delayAB[i]);
        }
        for (int i = 0; i < countBA; i++) {
            int w = (int) ((timeBA[i] - start) / width);
            minBA[w] = Math.min(minBA[w], delayBA[i]);
        }
        double[] ab = line(minAB, 1, width);
        double[] ba = line(minBA, -1, width);
        if (ab == null) {
            return ba;
        }
        return ba == null || ab[1] <= ba[1] ? ab : ba;
    }

    /**
     * The least-squares line through one direction's window minima (times {@code sign}), as slope
     * and standard error: queueing lifts minima, so the direction with the steadier floor is kept.
     */
    private static double[] line(long[] minima, int sign, double width) {
        int windows = minima.length;
        double[] x = new double[windows];
        double[] y = new double[windows];
        int n = 0;
        for (int w = 0; w < windows; w++) {
            if (minima[w] != Long.MAX_VALUE) {
                x[n] = (w + 0.5) * width;
                y[n++] = sign * (double) minima[w];
            }
        }
        if (n < 3) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (my + slope * (x[i] - mx));
            residuals += r * r;
        }
        return new double[] {slope, Math.sqrt(residuals / (n - 2) / sxx)};
    }

    private static long min(long[] v, int n) {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, v[i]);
        }
        return m;
    }

    private static long max(long[] v, int n) {
        long m = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }
}
