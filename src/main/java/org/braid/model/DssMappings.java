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
    private final List<ChecksumFailure> failures;
    private final int verified;
    private final int failed;
    private final int unverifiable;

    /** Takes the first {@code size} entries of each array (copied). */
    public DssMappings(int size, long[] dsn, long[] relativeDsn, byte[] side, int[] flow, long[] subflowSeq,
            int[] length, long[] firstPacket, byte[] verdict, List<ChecksumFailure> failures) {
        this.dsn = Arrays.copyOf(dsn, size);
        this.relativeDsn = Arrays.copyOf(relativeDsn, size);
        this.side = Arrays.copyOf(side, size);
        this.flow = Arrays.copyOf(flow, size);
        this.subflowSeq = Arrays.copyOf(subflowSeq, size);
        this.length = Arrays.copyOf(length, size);
        this.firstPacket = Arrays.copyOf(firstPacket, size);
        this.verdict = Arrays.copyOf(verdict, size);
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

    public int verified() { return verified; }

    public int failed() { return failed; }

    public int unverifiable() { return unverifiable; }

    /** The mappings whose checksum failed, with what followed each. */
    public List<ChecksumFailure> failures() { return failures; }
}
