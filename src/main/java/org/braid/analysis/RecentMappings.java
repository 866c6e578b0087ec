package org.braid.analysis;

/**
 * The last few DSS mappings of one subflow direction, in a ring. A segment usually falls in the
 * newest mapping, but a retransmission or a segment that overtook the next mapping's segment can
 * fall in an older one; Linux can have several large mappings in flight at once.
 */
final class RecentMappings {
    static final int CAPACITY = 64;

    private final long[] dsn = new long[CAPACITY];
    private final long[] subflowSeq = new long[CAPACITY];
    private final int[] length = new int[CAPACITY];
    private int count;
    private int next;

    void add(long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        int newest = (next + CAPACITY - 1) % CAPACITY;
        if (count > 0 && dsn[newest] == mappingDsn && subflowSeq[newest] == mappingSubflowSeq
                && length[newest] == mappingLength) {
            return; // Linux repeats the mapping on every segment it spans
        }
        dsn[next] = mappingDsn;
        subflowSeq[next] = mappingSubflowSeq;
        length[next] = mappingLength;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * The 64-bit DSN of the byte at relative subflow sequence {@code relativeSeq}, from the newest
     * mapping that covers it; {@code notFound} when none does.
     */
    long dsnAt(long relativeSeq, long notFound) {
        for (int k = 1; k <= count; k++) {
            int i = (next + CAPACITY - k) % CAPACITY;
            long offset = (relativeSeq - subflowSeq[i]) & 0xffffffffL;
            if (offset < length[i]) {
                return dsn[i] + offset;
            }
        }
        return notFound;
    }
}
