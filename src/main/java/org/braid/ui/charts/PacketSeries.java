package org.braid.ui.charts;

import java.util.Arrays;

/**
 * One chart series whose points each stand for a packet: x, y and the packet's 0-based index,
 * in primitive arrays (a chart of a 3M-packet connection must not cost an object a point), in
 * ascending x. It holds every point; {@link PacketDataset} draws those the screen can show.
 */
public record PacketSeries(String name, double[] x, double[] y, int[] packets) {
    public int size() {
        return x.length;
    }

    /** Collects points, in time order as a rule. */
    public static final class Builder {
        private final String name;
        private double[] x = new double[64];
        private double[] y = new double[64];
        private int[] packets = new int[64];
        private int size;

        public Builder(String name) {
            this.name = name;
        }

        public Builder add(double px, double py, int packet) {
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
                packets = Arrays.copyOf(packets, size * 2);
            }
            x[size] = px;
            y[size] = py;
            packets[size] = packet;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /**
         * The series, every point of it, in time order: the charts choose the points to draw for
         * what is on screen ({@link MinMaxBuckets}). Points added out of order (a capture's clock
         * stepping back) are sorted, stably.
         */
        public PacketSeries build() {
            double[] kx = Arrays.copyOf(x, size);
            double[] ky = Arrays.copyOf(y, size);
            int[] kp = Arrays.copyOf(packets, size);
            for (int i = 1; i < size; i++) {
                if (kx[i] < kx[i - 1]) {
                    return sorted(kx, ky, kp);
                }
            }
            return new PacketSeries(name, kx, ky, kp);
        }

        private PacketSeries sorted(double[] kx, double[] ky, int[] kp) {
            Integer[] order = new Integer[kx.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Double.compare(kx[a], kx[b]));
            double[] sx = new double[kx.length];
            double[] sy = new double[kx.length];
            int[] sp = new int[kx.length];
            for (int i = 0; i < order.length; i++) {
                sx[i] = kx[order[i]];
                sy[i] = ky[order[i]];
                sp[i] = kp[order[i]];
            }
            return new PacketSeries(name, sx, sy, sp);
        }
    }
}
