package org.braid.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-subflow path measurements over time, as compact primitive columns in packet order: RTT
 * samples, and bytes in flight (highest sequence sent minus highest acknowledged, per subflow
 * direction, each time either changes). Immutable.
 */
public final class PathMetrics {
    public static final PathMetrics EMPTY = new PathMetrics(0, new int[0], new long[0], new long[0], new long[0],
            0, new int[0], new byte[0], new long[0], new long[0], new long[0]);

    private final int[] rttFlow;
    private final long[] rttPacket;
    private final long[] rttNanos;
    private final long[] rtt;
    private final int[] flightFlow;
    private final byte[] flightSide;
    private final long[] flightPacket;
    private final long[] flightNanos;
    private final long[] flightBytes;
    private final int rttSize;
    private final int flightSize;
    /**
     * Per flow, computed on first use: a benchmark or a live snapshot that never asks pays nothing
     * (the sort of every sample). Derived from the columns, so two equal metrics stay equal.
     */
    private Map<Integer, RttStats> stats;

    /** Takes the first {@code rttSize} and {@code flightSize} entries of the arrays (copied). */
    public PathMetrics(int rttSize, int[] rttFlow, long[] rttPacket, long[] rttNanos, long[] rtt, int flightSize,
            int[] flightFlow, byte[] flightSide, long[] flightPacket, long[] flightNanos, long[] flightBytes) {
        this.rttSize = rttSize;
        this.rttFlow = Arrays.copyOf(rttFlow, rttSize);
        this.rttPacket = Arrays.copyOf(rttPacket, rttSize);
        this.rttNanos = Arrays.copyOf(rttNanos, rttSize);
        this.rtt = Arrays.copyOf(rtt, rttSize);
        this.flightSize = flightSize;
        this.flightFlow = Arrays.copyOf(flightFlow, flightSize);
        this.flightSide = Arrays.copyOf(flightSide, flightSize);
        this.flightPacket = Arrays.copyOf(flightPacket, flightSize);
        this.flightNanos = Arrays.copyOf(flightNanos, flightSize);
        this.flightBytes = Arrays.copyOf(flightBytes, flightSize);
    }

    /** Min, median and p95 per flow: samples grouped by flow index in two counting passes, without boxing. */
    private Map<Integer, RttStats> computeStats() {
        Map<Integer, RttStats> computed = new HashMap<>();
        int flows = 0;
        for (int i = 0; i < rttSize; i++) {
            flows = Math.max(flows, rttFlow[i] + 1);
        }
        int[] counts = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            counts[rttFlow[i]]++;
        }
        long[][] byFlow = new long[flows][];
        for (int f = 0; f < flows; f++) {
            byFlow[f] = new long[counts[f]];
        }
        int[] filled = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            byFlow[rttFlow[i]][filled[rttFlow[i]]++] = rtt[i];
        }
        for (int f = 0; f < flows; f++) {
            long[] values = byFlow[f];
            int n = values.length;
            if (n > 0) {
                Arrays.sort(values);
                computed.put(f, new RttStats(n, values[0], values[(n - 1) / 2],
                        values[Math.max(0, (int) Math.ceil(0.95 * n) - 1)]));
            }
        }
        return computed;
    }

    /** The RTT figures of the subflow on TCP flow {@code flow}, or null without samples. */
    public synchronized RttStats rttStats(int flow) {
        if (stats == null) {
            stats = computeStats();
        }
        return stats.get(flow);
    }

    public int rttSamples() { return rttSize; }
    /** The TCP flow of RTT sample {@code i}. */
    public int rttFlow(int i) { return rttFlow[i]; }
    /** The 1-based packet (the ACK, or the SYN/ACK) that gave sample {@code i}. */
    public long rttPacket(int i) { return rttPacket[i]; }
    public long rttNanos(int i) { return rttNanos[i]; }
    /** Sample {@code i}, in nanoseconds. */
    public long rtt(int i) { return rtt[i]; }

    public int flightSamples() { return flightSize; }
    public int flightFlow(int i) { return flightFlow[i]; }
    /** The data direction of sample {@code i}: 0 for data sent by the connection's client. */
    public int flightSide(int i) { return flightSide[i]; }
    public long flightPacket(int i) { return flightPacket[i]; }
    public long flightNanos(int i) { return flightNanos[i]; }
    /** Bytes in flight on the subflow direction after packet {@link #flightPacket}. */
    public long flightBytes(int i) { return flightBytes[i]; }

    /** The bytes in flight on flow {@code flow}, direction {@code side}, just after packet {@code packet}; 0 before any. */
    public long flightAt(int flow, int side, long packet) {
        long value = 0;
        for (int i = 0; i < flightSize && flightPacket[i] <= packet; i++) {
            if (flightFlow[i] == flow && flightSide[i] == side) {
                value = flightBytes[i];
            }
        }
        return value;
    }
}
