package org.braid.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-subflow path measurements over time, as compact primitive columns in packet order: RTT
 * samples, and bytes in flight (highest sequence sent minus highest acknowledged, per subflow
 * direction, each time either changes). {@link PathSamples}: 16 bytes a sample.
 * Immutable.
 */
public final class PathMetrics {
    public static final PathMetrics EMPTY = new PathMetrics(new PathSamples(0), new PathSamples(0));

    /** Per sample: the flow, the packet that gave it, its time and the RTT in nanoseconds. */
    private final PathSamples rtt;
    /** Per sample: the flow times two plus the data side, the packet, its time and the bytes in flight. */
    private final PathSamples flight;
    /**
     * Per flow, computed on first use: a benchmark or a live snapshot that never asks pays nothing
     * (the sort of every sample). Derived from the columns, so two equal metrics stay equal.
     */
    private Map<Integer, RttStats> stats;

    /**
     * Snapshots of the samples as they are now ({@link PathSamples#frozen}: shared, not copied). A
     * flight sample's flow is {@code flow * 2 + side}.
     */
    public PathMetrics(PathSamples rtt, PathSamples flight) {
        this.rtt = rtt.frozen();
        this.flight = flight.frozen();
    }

    /** Min, median and p95 per flow: samples grouped by flow index in two counting passes, without boxing. */
    private Map<Integer, RttStats> computeStats() {
        Map<Integer, RttStats> computed = new HashMap<>();
        int flows = 0;
        int rttSize = rtt.size();
        for (int i = 0; i < rttSize; i++) {
            flows = Math.max(flows, rtt.flow(i) + 1);
        }
        int[] counts = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            counts[rtt.flow(i)]++;
        }
        long[][] byFlow = new long[flows][];
        for (int f = 0; f < flows; f++) {
            byFlow[f] = new long[counts[f]];
        }
        int[] filled = new int[flows];
        for (int i = 0; i < rttSize; i++) {
            int f = rtt.flow(i);
            byFlow[f][filled[f]++] = rtt.value(i);
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

    public int rttSamples() { return rtt.size(); }
    /** The TCP flow of RTT sample {@code i}. */
    public int rttFlow(int i) { return rtt.flow(i); }
    /** The 1-based packet (the ACK, or the SYN/ACK) that gave sample {@code i}. */
    public long rttPacket(int i) { return rtt.packet(i); }
    public long rttNanos(int i) { return rtt.nanos(i); }
    /** Sample {@code i}, in nanoseconds. */
    public long rtt(int i) { return rtt.value(i); }

    public int flightSamples() { return flight.size(); }
    public int flightFlow(int i) { return flight.flow(i) >> 1; }
    /** The data direction of sample {@code i}: 0 for data sent by the connection's client. */
    public int flightSide(int i) { return flight.flow(i) & 1; }
    public long flightPacket(int i) { return flight.packet(i); }
    public long flightNanos(int i) { return flight.nanos(i); }
    /** Bytes in flight on the subflow direction after packet {@link #flightPacket}. */
    public long flightBytes(int i) { return flight.value(i); }

    /** The bytes in flight on flow {@code flow}, direction {@code side}, just after packet {@code packet}; 0 before any. */
    public long flightAt(int flow, int side, long packet) {
        long value = 0;
        int flowSide = flow * 2 + side;
        for (int i = 0; i < flight.size() && flight.packet(i) <= packet; i++) {
            if (flight.flow(i) == flowSide) {
                value = flight.value(i);
            }
        }
        return value;
    }
}
