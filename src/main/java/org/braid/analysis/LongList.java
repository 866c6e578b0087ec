package org.braid.analysis;

import java.util.Arrays;

/** A growable list of primitive longs: evidence packets and samples without boxing. */
public final class LongList {
    private long[] values;
    private int size;

    public LongList() {
        this(8);
    }

    LongList(int capacity) {
        values = new long[Math.max(1, capacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() { return size; }

    public long get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return values[i];
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
