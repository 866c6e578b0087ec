package org.braid.ui.charts;

import java.util.Arrays;

/**
 * One chart series whose points each stand for a packet: x, y and the packet's 0-based index,
 * in primitive arrays (a chart of a 300k-packet connection must not cost an object a point).
 */
public record PacketSeries(String name, double[] x, double[] y, int[] packets) {
    public int size() {
        return x.length;
    }

    /** Collects points in order, then keeps at most a given number of them. */
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
         * The series with at most {@code maxPoints} points: every k-th point when there are more,
         * plus the last, so the shape and the ends stay while drawing stays fast.
         */
        public PacketSeries build(int maxPoints) {
            if (size <= maxPoints) {
                return new PacketSeries(name, Arrays.copyOf(x, size), Arrays.copyOf(y, size),
                        Arrays.copyOf(packets, size));
            }
            int stride = (size + maxPoints - 1) / maxPoints;
            int kept = (size - 1) / stride + 1 + ((size - 1) % stride == 0 ? 0 : 1);
            double[] kx = new double[kept];
            double[] ky = new double[kept];
            int[] kp = new int[kept];
            int k = 0;
            for (int i = 0; i < size; i += stride) {
                kx[k] = x[i];
                ky[k] = y[i];
                kp[k] = packets[i];
                k++;
            }
            if (k < kept) {
                kx[k] = x[size - 1];
                ky[k] = y[size - 1];
                kp[k] = packets[size - 1];
            }
            return new PacketSeries(name, kx, ky, kp);
        }
    }
}
