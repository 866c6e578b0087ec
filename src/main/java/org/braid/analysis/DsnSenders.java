package org.braid.analysis;

import java.util.Arrays;

/**
 * Which subflow sent a data-level byte, for the DATA_ACK a connection direction waits on: per
 * subflow, a ring of the DSN ranges it sent recently, oldest first. A subflow sends its DSNs
 * mostly in order, so ranges wholly below an advancing DATA_ACK leave each ring from its head, and
 * the byte waited for is at or near a head: a lookup costs a step or two per subflow. One ring in
 * send order, as before, held the other subflows' blocks between a subflow's ranges and was scanned
 * dozens of entries deep on every DATA_ACK.
 */
final class DsnSenders {
    /** Ranges remembered per subflow (a power of two); older ones are forgotten. */
    static final int RANGES = 512;
    /** Ranges looked at from a ring's head: a reinjected range can sit out of DSN order behind it. */
    static final int SCAN = 8;

    private Ring[] rings = new Ring[2];
    private int count;
    /** The ring of the last range added: consecutive segments usually come from one subflow. */
    private Ring last;
    /** Ranges added so far: the order of sending, across rings. */
    private long added;

    /** Subflow {@code flow} sent the DSNs [start, end). */
    void add(int flow, long start, long end) {
        Ring ring = last != null && last.flow == flow ? last : ring(flow);
        last = ring;
        if (ring.size == RANGES) {
            ring.head = (ring.head + 1) & (RANGES - 1);
            ring.size--;
        }
        int i = (ring.head + ring.size) & (RANGES - 1);
        if (ring.size > 0 && start < ring.end[(i - 1) & (RANGES - 1)]) {
            ring.disordered = added; // below what the subflow sent before it: a reinjection or a resend
        }
        ring.start[i] = start;
        ring.end[i] = end;
        ring.order[i] = added++;
        ring.size++;
    }

    /**
     * The subflow that first sent byte {@code dsn} (of those remembered: a reinjection sends it
     * again), or -1 when none is remembered. Called with a DATA_ACK that only moves forward, so
     * ranges wholly below it are dropped for good.
     */
    int senderOf(long dsn) {
        int sender = -1;
        long first = Long.MAX_VALUE;
        for (int r = 0; r < count; r++) {
            Ring ring = rings[r];
            int head = ring.head;
            int size = ring.size;
            while (size > 0 && ring.end[head] <= dsn) {
                head = (head + 1) & (RANGES - 1);
                size--;
            }
            ring.head = head;
            ring.size = size;
            // From a head added after the last range out of DSN order, the ranges ascend: the head
            // holds the byte or none does.
            int scan = size == 0 ? 0 : ring.order[head] > ring.disordered ? 1 : Math.min(size, SCAN);
            for (int n = 0; n < scan; n++) {
                int i = (head + n) & (RANGES - 1);
                if (ring.start[i] <= dsn && dsn < ring.end[i]) {
                    if (ring.order[i] < first) {
                        first = ring.order[i];
                        sender = ring.flow;
                    }
                    break;
                }
            }
        }
        return sender;
    }

    private Ring ring(int flow) {
        for (int r = 0; r < count; r++) {
            if (rings[r].flow == flow) {
                return rings[r];
            }
        }
        if (count == rings.length) {
            rings = Arrays.copyOf(rings, count * 2);
        }
        Ring ring = new Ring(flow);
        rings[count++] = ring;
        return ring;
    }

    private static final class Ring {
        final int flow;
        final long[] start = new long[RANGES];
        final long[] end = new long[RANGES];
        final long[] order = new long[RANGES];
        /** The add order of the last range that started below the one before it; -1 for none. */
        long disordered = -1;
        int head;
        int size;

        Ring(int flow) {
            this.flow = flow;
        }
    }
}
