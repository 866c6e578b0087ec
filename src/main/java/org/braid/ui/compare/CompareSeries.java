package org.braid.ui.compare;

import java.awt.Color;
import java.util.Arrays;

/**
 * One series of a comparison chart as primitive columns: x (seconds since the first capture's
 * first packet), y, and the packet each point stands for (0-based, in capture {@link #inA}).
 *
 * @param name   the legend text
 * @param colour the points' colour
 * @param inA    true when {@link #packets} index the first capture
 * @param marker true for points drawn as larger marks on top of the others (losses)
 */
public record CompareSeries(String name, Color colour, boolean inA, boolean marker, double[] x, double[] y,
        int[] packets) {
    /** Most points a series keeps, so drawing stays fast on a big trace. */
    static final int MAX_POINTS = 20_000;

    public int size() { return x.length; }

    /** Collects points, keeping every n-th once there are too many for a chart. */
    static final class Builder {
        private final String name;
        private final Color colour;
        private final boolean inA;
        private boolean marker;
        private double[] x = new double[64];
        private double[] y = new double[64];
        private int[] packets = new int[64];
        private int size;

        Builder(String name, Color colour, boolean inA) {
            this.name = name;
            this.colour = colour;
            this.inA = inA;
        }

        /** Draws the points as larger marks on top of the others. */
        Builder marker() {
            marker = true;
            return this;
        }

        void add(double px, double py, int packet) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
                packets = Arrays.copyOf(packets, size * 2);
            }
            x[size] = px;
            y[size] = py;
            packets[size++] = packet;
        }

        boolean isEmpty() { return size == 0; }

        CompareSeries build() {
            int step = Math.max(1, (size + MAX_POINTS - 1) / MAX_POINTS);
            int n = (size + step - 1) / step;
            double[] sx = new double[n];
            double[] sy = new double[n];
            int[] sp = new int[n];
            for (int k = 0; k < n; k++) {
                sx[k] = x[k * step];
                sy[k] = y[k * step];
                sp[k] = packets[k * step];
            }
            return new CompareSeries(name, colour, inA, marker, sx, sy, sp);
        }
    }
}
