package org.braid.model;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct DSS mappings of one connection, in the order they were first seen, as compact
 * primitive columns (a mapping repeated on every segment it spans is one row), with their
 * checksum verdicts and the checksum failures. Immutable.
 */
public final class DssMappings {
    private static final ChecksumVerdict[] VERDICTS = ChecksumVerdict.values();

    private final long[] dsn;
    private final long[] relativeDsn;
    private final byte[] side;
    private final int[] flow;
    private final long[] subflowSeq;
    private final int[] length;
    private final long[] firstPacket;
    private final byte[] verdict;
    private final int[] checksum;
    private final int[] expectedChecksum;
    private final byte[] unverified;
    private final List<ChecksumFailure> failures;
    private final int verified;
    private final int failed;
    private final int unverifiable;

    /**
     * The checksum columns: the value carried and the one computed ({@link #NO_CHECKSUM} when not
     * known), and the {@link UnverifiedReason} ordinal of unverifiable mappings (-1 for the others).
     */
    public record Checksums(int[] carried, int[] expected, byte[] unverified) {}

    /** A checksum not carried, not captured or not computed. */
    public static final int NO_CHECKSUM = -1;
    private static final UnverifiedReason[] REASONS = UnverifiedReason.values();

    /** Takes the first {@code size} entries of each array (copied). */
    public DssMappings(int size, long[] dsn, long[] relativeDsn, byte[] side, int[] flow, long[] subflowSeq,
            int[] length, long[] firstPacket, byte[] verdict, Checksums checksums, List<ChecksumFailure> failures) {
        this.dsn = Arrays.copyOf(dsn, size);
        this.relativeDsn = Arrays.copyOf(relativeDsn, size);
        this.side = Arrays.copyOf(side, size);
        this.flow = Arrays.copyOf(flow, size);
        this.subflowSeq = Arrays.copyOf(subflowSeq, size);
        this.length = Arrays.copyOf(length, size);
        this.firstPacket = Arrays.copyOf(firstPacket, size);
        this.verdict = Arrays.copyOf(verdict, size);
        this.checksum = Arrays.copyOf(checksums.carried(), size);
        this.expectedChecksum = Arrays.copyOf(checksums.expected(), size);
        this.unverified = Arrays.copyOf(checksums.unverified(), size);
        this.failures = List.copyOf(failures);
        int[] counts = new int[VERDICTS.length];
        for (int i = 0; i < size; i++) {
            counts[this.verdict[i]]++;
        }
        verified = counts[ChecksumVerdict.VERIFIED.ordinal()];
        failed = counts[ChecksumVerdict.FAILED.ordinal()];
        unverifiable = counts[ChecksumVerdict.UNVERIFIABLE.ordinal()];
    }

    public int size() { return dsn.length; }

    /** The mapping's 64-bit data sequence number (expanded when the option carried 32 bits). */
    public long dsn(int i) { return dsn[i]; }

    /** The DSN relative to the sender's IDSN (or to its first DSN seen when the key is not in the trace). */
    public long relativeDsn(int i) { return relativeDsn[i]; }

    /** The data direction: 0 when the connection's client sent the mapping. */
    public int side(int i) { return side[i]; }

    /** The TCP flow (subflow) that carried the mapping, as in {@link Subflow#flow()}. */
    public int flow(int i) { return flow[i]; }

    /** The subflow sequence number of the mapping's first byte, relative to the subflow's ISN. */
    public long subflowSeq(int i) { return subflowSeq[i]; }

    /** The data-level length (a DATA_FIN counts one). */
    public int length(int i) { return length[i]; }

    /** The 1-based number of the packet that first carried the mapping. */
    public long firstPacket(int i) { return firstPacket[i]; }

    public ChecksumVerdict verdict(int i) { return VERDICTS[verdict[i]]; }

    /** The checksum the mapping carried, {@link #NO_CHECKSUM} when it carried none or the capture cut it. */
    public int checksum(int i) { return checksum[i]; }

    /** The checksum computed over the pseudo-header and the mapped bytes; {@link #NO_CHECKSUM} unless verified or failed. */
    public int expectedChecksum(int i) { return expectedChecksum[i]; }

    /** Why an unverifiable mapping could not be verified; null for the other verdicts. */
    public UnverifiedReason unverifiedReason(int i) { return unverified[i] < 0 ? null : REASONS[unverified[i]]; }

    /**
     * The row of the mapping {@code flow} carried with this subflow sequence number and data-level
     * length, whose DSN ends in {@code dsnLow32} (a DSS may carry 32 bits of it); -1 when none.
     */
    public int find(int flowIndex, long subflowSequence, int dataLength, long dsnLow32) {
        for (int i = 0; i < dsn.length; i++) {
            if (flow[i] == flowIndex && subflowSeq[i] == subflowSequence && length[i] == dataLength
                    && (dsn[i] & 0xffffffffL) == (dsnLow32 & 0xffffffffL)) {
                return i;
            }
        }
        return -1;
    }

    public int verified() { return verified; }

    public int failed() { return failed; }

    public int unverifiable() { return unverifiable; }

    /** The mappings whose checksum failed, with what followed each. */
    public List<ChecksumFailure> failures() { return failures; }
}
