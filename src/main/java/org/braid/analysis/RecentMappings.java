package org.braid.analysis;

/**
 * The last few DSS mappings of one subflow direction, in a ring. A segment usually falls in the
 * newest mapping, but a retransmission or a segment that overtook the next mapping's segment can
 * fall in an older one; Linux can have several large mappings in flight at once.
 */
final class RecentMappings {
    static final int CAPACITY = 64;

    // Allocated by the first mapping: most flows of a hostile or plain-TCP trace never carry one.
    private long[] dsn;
    private long[] subflowSeq;
    private int[] length;
    private int[] packet;
    private int count;
    private int next;

    /** Adds a mapping first carried by packet {@code packetIndex} (0-based); a repeat of the newest is ignored. */
    void add(long mappingDsn, long mappingSubflowSeq, int mappingLength, int packetIndex) {
        if (dsn == null) {
            dsn = new long[CAPACITY];
            subflowSeq = new long[CAPACITY];
            length = new int[CAPACITY];
            packet = new int[CAPACITY];
        }
        int newest = (next + CAPACITY - 1) % CAPACITY;
        if (count > 0 && dsn[newest] == mappingDsn && subflowSeq[newest] == mappingSubflowSeq
                && length[newest] == mappingLength) {
            return; // Linux repeats the mapping on every segment it spans
        }
        dsn[next] = mappingDsn;
        subflowSeq[next] = mappingSubflowSeq;
        length[next] = mappingLength;
        packet[next] = packetIndex;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /** True when this exact mapping is in the ring. */
    boolean contains(long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        for (int k = 1; k <= count; k++) {
            int i = (next + CAPACITY - k) % CAPACITY;
            if (dsn[i] == mappingDsn && subflowSeq[i] == mappingSubflowSeq && length[i] == mappingLength) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The slot of the newest mapping covering relative subflow sequence {@code relativeSeq}, or -1. */
    int find(long relativeSeq) {
        for (int k = 1; k <= count; k++) {
            int i = (next + CAPACITY - k) % CAPACITY;
            long offset = (relativeSeq - subflowSeq[i]) & 0xffffffffL;
            if (offset < length[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The 64-bit DSN of the byte at {@code relativeSeq} by the mapping in {@code slot} (from {@link #find}). */
    long dsnAt(int slot, long relativeSeq) {
        return dsn[slot] + ((relativeSeq - subflowSeq[slot]) & 0xffffffffL);
    }

    /** The packet that first carried the mapping in {@code slot}. */
    int packetOf(int slot) {
        return packet[slot];
    }
}
