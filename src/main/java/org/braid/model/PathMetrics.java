package org.braid.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-subflow path measurements over time, as compact primitive columns in packet order: RTT
 * samples, and bytes in flight (highest sequence sent minus highest acknowledged, per subflow
 * direction, each time either changes). Narrow {@link SampleColumn}s: about 12 bytes a sample.
 * Immutable.
 */
public final class PathMetrics {
    public static final PathMetrics EMPTY = new PathMetrics(empty(), empty(), empty(), empty(), empty(), empty(),
            empty(), empty());

    private final SampleColumn rttFlow;
    private final SampleColumn rttPacket;
    private final SampleColumn rttNanos;
    private final SampleColumn rtt;
    /** Flow index times two plus the data side: one narrow column for both. */
    private final SampleColumn flightFlowSide;
    private final SampleColumn flightPacket;
    private final SampleColumn flightNanos;
    private final SampleColumn flightBytes;
    private final int rttSize;
    private final int flightSize;
    /**
     * Per flow, computed on first use: a benchmark or a live snapshot that never asks pays nothing
     * (the sort of every sample). Derived from the columns, so two equal metrics stay equal.
     */
    private Map<Integer, RttStats> stats;

    /**
     * Snapshots of the columns as they are now ({@link SampleColumn#frozen}: the values are shared,
     * not copied). The RTT columns are of one length, the flight columns of another; a flight
     * sample's flow and side are {@code flow * 2 + side}.
     */
    public PathMetrics(SampleColumn rttFlow, SampleColumn rttPacket, SampleColumn rttNanos, SampleColumn rtt,
            SampleColumn flightFlowSide, SampleColumn flightPacket, SampleColumn flightNanos,
            SampleColumn flightBytes) {
        this.rttFlow = rttFlow.frozen();
        this.rttPacket = rttPacket.frozen();
        this.rttNanos = rttNanos.frozen();
        this.rtt = rtt.frozen();
        this.flightFlowSide = flightFlowSide.frozen();
        this.flightPacket = flightPacket.frozen();
        this.flightNanos = flightNanos.frozen();
        this.flightBytes = flightBytes.frozen();
        rttSize = this.rttFlow.size();
        flightSize = this.flightFlowSide.size();
        for (SampleColumn c : new SampleColumn[] {this.rttPacket, this.rttNanos, this.rtt}) {
            if (c.size() != rttSize) {
                throw new IllegalArgumentException("RTT columns of different lengths");
            }
        }
        for (SampleColumn c : new SampleColumn[] {this.flightPacket, this.flightNanos, this.flightBytes}) {
            if (c.size() != flightSize) {
                throw new IllegalArgumentException("flight columns of different lengths");
            }
        }
    }

    private static SampleColumn empty() {
        return new SampleColumn(0, Short.SIZE);
    }

    /** Min, median and p95 per flow: samples grouped by flow index in two counting passes, without boxing. */
    private Map<Integer, RttStats> computeStats() {
        Map<Integer, RttStats> computed = new HashMap<>();
        int flows = 0;
        int[] flowOf = new int[rttSize];
        for (int i = 0; i < rttSize; i++) {
            flowOf[i] = (int) rttFlow.get(i);
            flows = Math.max(flows, flowOf[i] + 1);
        }
        int[] counts = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            counts[flowOf[i]]++;
        }
        long[][] byFlow = new long[flows][];
        for (int f = 0; f < flows; f++) {
            byFlow[f] = new long[counts[f]];
        }
        int[] filled = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            byFlow[flowOf[i]][filled[flowOf[i]]++] = rtt.get(i);
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
    public int rttFlow(int i) { return (int) rttFlow.get(i); }
    /** The 1-based packet (the ACK, or the SYN/ACK) that gave sample {@code i}. */
    public long rttPacket(int i) { return rttPacket.get(i); }
    public long rttNanos(int i) { return rttNanos.get(i); }
    /** Sample {@code i}, in nanoseconds. */
    public long rtt(int i) { return rtt.get(i); }

    public int flightSamples() { return flightSize; }
    public int flightFlow(int i) { return (int) (flightFlowSide.get(i) >> 1); }
    /** The data direction of sample {@code i}: 0 for data sent by the connection's client. */
    public int flightSide(int i) { return (int) (flightFlowSide.get(i) & 1); }
    public long flightPacket(int i) { return flightPacket.get(i); }
    public long flightNanos(int i) { return flightNanos.get(i); }
    /** Bytes in flight on the subflow direction after packet {@link #flightPacket}. */
    public long flightBytes(int i) { return flightBytes.get(i); }

    /** The bytes in flight on flow {@code flow}, direction {@code side}, just after packet {@code packet}; 0 before any. */
    public long flightAt(int flow, int side, long packet) {
        long value = 0;
        long flowSide = (long) flow * 2 + side;
        for (int i = 0; i < flightSize && flightPacket.get(i) <= packet; i++) {
            if (flightFlowSide.get(i) == flowSide) {
                value = flightBytes.get(i);
            }
        }
        return value;
    }
}
