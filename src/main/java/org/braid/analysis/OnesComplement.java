package org.braid.analysis;

import java.nio.ByteBuffer;

/** The 16-bit ones' complement sum (RFC 1071) used by the DSS checksum (RFC 8684 3.3.1). */
final class OnesComplement {
    private OnesComplement() {}

    /**
     * The folded sum of {@code count} bytes from {@code index}, the first byte taken as the high
     * byte of a 16-bit word. Sums 32-bit words: 2^16 = 1 modulo 0xffff, so that is the same sum.
     */
    static int sum(ByteBuffer buffer, int index, int count) {
        long sum = 0;
        int i = index;
        int end = index + count;
        for (; end - i >= 4; i += 4) {
            sum += buffer.getInt(i) & 0xffffffffL;
        }
        if (end - i >= 2) {
            sum += buffer.getShort(i) & 0xffff;
            i += 2;
        }
        if (end - i == 1) {
            sum += (buffer.get(i) & 0xff) << 8;
        }
        return fold(sum);
    }

    /** The sum of the DSS pseudo-header (64-bit DSN, subflow sequence, data-level length, zeros). */
    static int pseudoHeader(long dsn, long subflowSeq, int length) {
        long sum = (dsn >>> 48) + ((dsn >>> 32) & 0xffff) + ((dsn >>> 16) & 0xffff) + (dsn & 0xffff)
                + ((subflowSeq >>> 16) & 0xffff) + (subflowSeq & 0xffff) + (length & 0xffff);
        return fold(sum);
    }

    /** A word summed at an odd offset lands byte-swapped. */
    static int swap(int sum) {
        return ((sum & 0xff) << 8) | (sum >>> 8);
    }

    static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }
}
