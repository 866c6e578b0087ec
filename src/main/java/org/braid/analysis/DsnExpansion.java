package org.braid.analysis;

/** Expands the 32-bit forms of DSN and DATA_ACK to 64 bits (RFC 8684 3.3). */
public final class DsnExpansion {
    private static final long LOW_32 = 0xffffffffL;
    private static final long WRAP = 1L << 32;

    private DsnExpansion() {}

    /**
     * The 64-bit value whose low 32 bits are {@code low32} and which lies closest to {@code reference}
     * (the last 64-bit value of the same direction), so a value just past a 2^32 boundary lands in the
     * next block and a late retransmission just before it in the previous one.
     */
    public static long expand(long reference, long low32) {
        long candidate = (reference & ~LOW_32) | (low32 & LOW_32);
        long best = candidate;
        long above = candidate + WRAP;
        long below = candidate - WRAP;
        if (Math.abs(above - reference) < Math.abs(best - reference)) {
            best = above;
        }
        if (Math.abs(below - reference) < Math.abs(best - reference)) {
            best = below;
        }
        return best;
    }
}
