package org.braid.model;

import java.util.List;
import org.braid.model.column.ByteColumn;
import org.braid.model.column.IntColumn;
import org.braid.model.column.LongColumn;

/**
 * The distinct DSS mappings of one connection, in the order they were first seen, as compact
 * primitive columns (a mapping repeated on every segment it spans is one row), with their
 * checksum verdicts and the checksum failures.
 */
public final class DssMappings {
    private static final ChecksumVerdict[] VERDICTS = ChecksumVerdict.values();

    private final int size;
    private final Columns columns;
    private final Checksums checksums;
    /** The DSN base of each data direction, which relative DSNs count from. */
    private final long[] dsnBase;
    private final List<ChecksumFailure> failures;
    private final int verified;
    private final int failed;
    private final int unverifiable;

    /** The columns of a mapping, one row each. */
    public record Columns(LongColumn dsn, ByteColumn side, IntColumn flow, LongColumn subflowSeq, IntColumn length,
            IntColumn firstPacket, ByteColumn verdict, Checksums checksums) {}

    /**
     * The checksum columns: the value carried and the one computed ({@link #NO_CHECKSUM} when not
     * known), and the {@link UnverifiedReason} ordinal of unverifiable mappings (-1 for the others).
     */
    public record Checksums(IntColumn carried, IntColumn expected, ByteColumn unverified) {}

    /** A checksum not carried, not captured or not computed. */
    public static final int NO_CHECKSUM = -1;
    private static final UnverifiedReason[] REASONS = UnverifiedReason.values();

    /** The verdict of a mapping still waiting for its bytes: read as unverifiable, bytes missing. */
    public static final byte PENDING = -1;

    /**
     * The first {@code size} rows of the columns, shared, not copied: a big trace has millions of
     * mappings. The analysis pass only adds rows past {@code size} and settles pending verdicts,
     * so a view taken while it goes on stays valid, and sees its pending mappings resolve.
     *
     * @param dsnBase the base of relative DSNs of data direction 0 and 1
     */
    public DssMappings(int size, Columns columns, long[] dsnBase, List<ChecksumFailure> failures) {
        this.size = size;
        this.columns = columns;
        this.checksums = columns.checksums();
        this.dsnBase = new long[] {dsnBase[0], dsnBase[1]};
        this.failures = List.copyOf(failures);
        int[] counts = new int[VERDICTS.length];
        for (int i = 0; i < size; i++) {
            counts[verdictOrdinal(i)]++;
        }
        verified = counts[ChecksumVerdict.VERIFIED.ordinal()];
        failed = counts[ChecksumVerdict.FAILED.ordinal()];
        unverifiable = counts[ChecksumVerdict.UNVERIFIABLE.ordinal()];
    }

    public int size() { return size; }

    /** The mapping's 64-bit data sequence number (expanded when the option carried 32 bits). */
    public long dsn(int i) { return columns.dsn().get(check(i)); }

    /** The DSN relative to the sender's IDSN (or to its first DSN seen when the key is not in the trace). */
    public long relativeDsn(int i) { return dsn(i) - dsnBase[side(i)]; }

    /** The data direction: 0 when the connection's client sent the mapping. */
    public int side(int i) { return columns.side().get(check(i)); }

    /** The TCP flow (subflow) that carried the mapping, as in {@link Subflow#flow()}. */
    public int flow(int i) { return columns.flow().get(check(i)); }

    /** The subflow sequence number of the mapping's first byte, relative to the subflow's ISN. */
    public long subflowSeq(int i) { return columns.subflowSeq().get(check(i)); }

    /** The data-level length (a DATA_FIN counts one). */
    public int length(int i) { return columns.length().get(check(i)); }

    /** The 1-based number of the packet that first carried the mapping. */
    public long firstPacket(int i) { return columns.firstPacket().get(check(i)); }

    public ChecksumVerdict verdict(int i) { return VERDICTS[verdictOrdinal(check(i))]; }

    private int verdictOrdinal(int i) {
        byte verdict = columns.verdict().get(i);
        return verdict == PENDING ? ChecksumVerdict.UNVERIFIABLE.ordinal() : verdict;
    }

    /** The checksum the mapping carried, {@link #NO_CHECKSUM} when it carried none or the capture cut it. */
    public int checksum(int i) { return checksums.carried().get(check(i)); }

    /** The checksum computed over the pseudo-header and the mapped bytes; {@link #NO_CHECKSUM} unless verified or failed. */
    public int expectedChecksum(int i) { return checksums.expected().get(check(i)); }

    /** Why an unverifiable mapping could not be verified; null for the other verdicts. */
    public UnverifiedReason unverifiedReason(int i) {
        if (columns.verdict().get(check(i)) == PENDING) {
            return UnverifiedReason.BYTES_MISSING;
        }
        byte reason = checksums.unverified().get(i);
        return reason < 0 ? null : REASONS[reason];
    }

    /**
     * The row of the mapping {@code flow} carried with this subflow sequence number and data-level
     * length, whose DSN ends in {@code dsnLow32} (a DSS may carry 32 bits of it); -1 when none.
     */
    public int find(int flowIndex, long subflowSequence, int dataLength, long dsnLow32) {
        for (int i = 0; i < size; i++) {
            if (flow(i) == flowIndex && subflowSeq(i) == subflowSequence && length(i) == dataLength
                    && (dsn(i) & 0xffffffffL) == (dsnLow32 & 0xffffffffL)) {
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

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("mapping " + i + " of " + size);
        }
        return i;
    }
}
