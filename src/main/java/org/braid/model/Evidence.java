package org.braid.model;

import java.util.Arrays;

/**
 * The packets that show a finding: 1-based packet numbers, sorted and distinct, kept as one
 * primitive array (a finding on a dead path can name thousands of segments). Immutable.
 */
public final class Evidence {
    private static final Evidence NONE = new Evidence(new long[0]);
    private final long[] packets;

    private Evidence(long[] packets) {
        this.packets = packets;
    }

    /** The packets of {@code numbers} (any order, repeats allowed; values below 1 are left out). */
    public static Evidence of(long... numbers) {
        long[] sorted = Arrays.stream(numbers).filter(n -> n > 0).sorted().distinct().toArray();
        return sorted.length == 0 ? NONE : new Evidence(sorted);
    }

    public int count() { return packets.length; }

    public boolean isEmpty() { return packets.length == 0; }

    /** The first packet, or 0 when there is none. */
    public long first() { return packets.length == 0 ? 0 : packets[0]; }

    public long packet(int i) { return packets[i]; }

    /** A copy of every packet number. */
    public long[] packets() { return packets.clone(); }

    public boolean contains(long packet) {
        return Arrays.binarySearch(packets, packet) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && Arrays.equals(packets, e.packets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packets);
    }

    @Override
    public String toString() {
        return packets.length + " packet(s) from " + first();
    }
}
