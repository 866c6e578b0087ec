package org.braid.compare;

import java.util.Arrays;

/** A growable list of primitive longs. */
final class LongList {
    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() { return size; }

    long[] raw() { return values; }

    /** The median, or null when empty. */
    Long median() {
        return size == 0 ? null : DelayStats.of(values, size).medianNanos();
    }
}
