package org.braid.analysis;

import java.util.Arrays;

/**
 * An open-addressing map from a TCP 4-tuple, in either direction, to a flow index: the per-packet
 * lookup of the analysis, on primitives only. Addresses are 128 bits (IPv4 as IPv4-mapped IPv6).
 * The two endpoints are stored in a canonical order, so both directions find the same entry.
 */
final class FlowTable {
    private static final int EMPTY = -1;

    private long[] lowHigh = new long[64];
    private long[] lowLow = new long[64];
    private long[] highHigh = new long[64];
    private long[] highLow = new long[64];
    /** Port of the lower endpoint in the upper 16 bits, of the higher in the lower 16. */
    private int[] ports = new int[64];
    private int[] values = filled(64);
    private int size;

    /** The flow index stored for this 4-tuple (either direction), or -1. */
    int get(long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort) {
        boolean swap = isAfter(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort);
        long aH = swap ? dstHigh : srcHigh;
        long aL = swap ? dstLow : srcLow;
        long bH = swap ? srcHigh : dstHigh;
        long bL = swap ? srcLow : dstLow;
        int p = swap ? (dstPort << 16) | srcPort : (srcPort << 16) | dstPort;
        int mask = values.length - 1;
        for (int slot = hash(aH, aL, bH, bL, p) & mask; ; slot = (slot + 1) & mask) {
            int value = values[slot];
            if (value == EMPTY) {
                return EMPTY;
            }
            if (ports[slot] == p && lowHigh[slot] == aH && lowLow[slot] == aL && highHigh[slot] == bH
                    && highLow[slot] == bL) {
                return value;
            }
        }
    }

    /** Stores (or replaces) the flow index of this 4-tuple. */
    void put(long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort, int flow) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        boolean swap = isAfter(srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort);
        long aH = swap ? dstHigh : srcHigh;
        long aL = swap ? dstLow : srcLow;
        long bH = swap ? srcHigh : dstHigh;
        long bL = swap ? srcLow : dstLow;
        int p = swap ? (dstPort << 16) | srcPort : (srcPort << 16) | dstPort;
        insert(aH, aL, bH, bL, p, flow);
    }

    int size() {
        return size;
    }

    private void insert(long aH, long aL, long bH, long bL, int p, int flow) {
        int mask = values.length - 1;
        for (int slot = hash(aH, aL, bH, bL, p) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == EMPTY) {
                lowHigh[slot] = aH;
                lowLow[slot] = aL;
                highHigh[slot] = bH;
                highLow[slot] = bL;
                ports[slot] = p;
                values[slot] = flow;
                size++;
                return;
            }
            if (ports[slot] == p && lowHigh[slot] == aH && lowLow[slot] == aL && highHigh[slot] == bH
                    && highLow[slot] == bL) {
                values[slot] = flow;
                return;
            }
        }
    }

    private void grow() {
        long[] oldAH = lowHigh;
        long[] oldAL = lowLow;
        long[] oldBH = highHigh;
        long[] oldBL = highLow;
        int[] oldPorts = ports;
        int[] oldValues = values;
        int capacity = oldValues.length * 2;
        lowHigh = new long[capacity];
        lowLow = new long[capacity];
        highHigh = new long[capacity];
        highLow = new long[capacity];
        ports = new int[capacity];
        values = filled(capacity);
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != EMPTY) {
                insert(oldAH[i], oldAL[i], oldBH[i], oldBL[i], oldPorts[i], oldValues[i]);
            }
        }
    }

    /** True when endpoint (h1, l1, p1) sorts after (h2, l2, p2). */
    private static boolean isAfter(long h1, long l1, int p1, long h2, long l2, int p2) {
        if (h1 != h2) {
            return Long.compareUnsigned(h1, h2) > 0;
        }
        if (l1 != l2) {
            return Long.compareUnsigned(l1, l2) > 0;
        }
        return p1 > p2;
    }

    private static int hash(long aH, long aL, long bH, long bL, int ports) {
        long h = aH * 0x9E3779B97F4A7C15L;
        h = (h ^ aL) * 0x9E3779B97F4A7C15L;
        h = (h ^ bH) * 0x9E3779B97F4A7C15L;
        h = (h ^ bL) * 0x9E3779B97F4A7C15L;
        h = (h ^ ports) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int[] filled(int capacity) {
        int[] array = new int[capacity];
        Arrays.fill(array, EMPTY);
        return array;
    }
}
