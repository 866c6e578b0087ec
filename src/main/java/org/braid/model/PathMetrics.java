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
    private final Map<Integer, RttStats> stats = new HashMap<>();

    /** Takes the first {@code rttSize} and {@code flightSize} entries of the arrays (copied). */
    public PathMetrics(int rttSize, int[] rttFlow, long[] rttPacket, long[] rttNanos, long[] rtt, int flightSize,
            int[] flightFlow, byte[] flightSide, long[] flightPacket, long[] flightNanos, long[] flightBytes) {
        this.rttFlow = Arrays.copyOf(rttFlow, rttSize);
        this.rttPacket = Arrays.copyOf(rttPacket, rttSize);
        this.rttNanos = Arrays.copyOf(rttNanos, rttSize);
        this.rtt = Arrays.copyOf(rtt, rttSize);
        this.flightFlow = Arrays.copyOf(flightFlow, flightSize);
        this.flightSide = Arrays.copyOf(flightSide, flightSize);
        this.flightPacket = Arrays.copyOf(flightPacket, flightSize);
        this.flightNanos = Arrays.copyOf(flightNanos, flightSize);
        this.flightBytes = Arrays.copyOf(flightBytes, flightSize);
        computeStats();
    }

    private void computeStats() {
        Map<Integer, long[]> byFlow = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int f : rttFlow) {
            counts.merge(f, 1, Integer::sum);
        }
        counts.forEach((f, n) -> byFlow.put(f, new long[n]));
        Map<Integer, Integer> filled = new HashMap<>();
        for (int i = 0; i < rttFlow.length; i++) {
            int at = filled.merge(rttFlow[i], 1, Integer::sum) - 1;
            byFlow.get(rttFlow[i])[at] = rtt[i];
        }
        byFlow.forEach((f, values) -> {
            Arrays.sort(values);
            int n = values.length;
            stats.put(f, new RttStats(n, values[0], values[(n - 1) / 2],
                    values[Math.max(0, (int) Math.ceil(0.95 * n) - 1)]));
        });
    }

    /** The RTT figures of the subflow on TCP flow {@code flow}, or null without samples. */
    public RttStats rttStats(int flow) {
        return stats.get(flow);
    }

    public int rttSamples() { return rttFlow.length; }
    /** The TCP flow of RTT sample {@code i}. */
    public int rttFlow(int i) { return rttFlow[i]; }
    /** The 1-based packet (the ACK, or the SYN/ACK) that gave sample {@code i}. */
    public long rttPacket(int i) { return rttPacket[i]; }
    public long rttNanos(int i) { return rttNanos[i]; }
    /** Sample {@code i}, in nanoseconds. */
    public long rtt(int i) { return rtt[i]; }

    public int flightSamples() { return flightFlow.length; }
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
        for (int i = 0; i < flightFlow.length && flightPacket[i] <= packet; i++) {
            if (flightFlow[i] == flow && flightSide[i] == side) {
                value = flightBytes[i];
            }
        }
        return value;
    }
}
