package org.braid.analysis;

import java.util.Arrays;
import java.util.List;
import org.braid.model.ChecksumFailure;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;
import org.braid.model.UnverifiedReason;

/**
 * Every distinct DSS mapping of one connection, as growable primitive columns, with an
 * open-addressing index on (flow, side, DSN, subflow sequence, length) so a mapping repeated on
 * each segment it spans is found again without allocating.
 */
final class MappingLog {
    static final int NOT_FOUND = -1;
    /** A checksum not carried, not captured or not computed. */
    static final int NO_CHECKSUM = -1;
    private static final byte NO_REASON = -1;
    private static final byte PENDING = -1;

    private int size;
    /** Rows a log starts with once it has one; until then, the columns are empty and allocate nothing. */
    private static final int FIRST_CAPACITY = 16;
    private long[] dsn = new long[0];
    private byte[] side = new byte[0];
    private int[] flow = new int[0];
    private long[] subflowSeq = new long[0];
    private int[] length = new int[0];
    private long[] firstPacket = new long[0];
    private byte[] verdict = new byte[0];
    /** The checksum carried and the one computed, {@link #NO_CHECKSUM} when not known. */
    private int[] checksum = new int[0];
    private int[] expectedChecksum = new int[0];
    /** The {@link UnverifiedReason} ordinal of an unverifiable mapping, else {@link #NO_REASON}. */
    private byte[] unverified = new byte[0];
    private int[] index = new int[0];
    /** The last row found or added per subflow and side (hashed into a few slots; a miss only costs a lookup). */
    private static final int RECENT = 16;
    private final int[] recent = filled(RECENT);
    /**
     * Where the last {@link #find} that missed ended its probe, and the hash it probed for: the
     * {@link #add} that follows a miss puts its row there instead of probing the table again.
     * -1 once anything changed the table.
     */
    private int missSlot = -1;
    private int missHash;

    int size() {
        return size;
    }

    /** The row of this mapping, or {@link #NOT_FOUND}. */
    int find(int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        // Linux repeats a mapping on every segment it spans: the subflow's last row usually answers.
        int cached = recent[(flowIndex * 2 + dataSide) & (RECENT - 1)];
        if (cached != NOT_FOUND && matches(cached, flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength)) {
            return cached;
        }
        int row = lookup(flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength);
        if (row != NOT_FOUND) {
            recent[(flowIndex * 2 + dataSide) & (RECENT - 1)] = row;
        }
        return row;
    }

    private boolean matches(int row, int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq,
            int mappingLength) {
        return dsn[row] == mappingDsn && subflowSeq[row] == mappingSubflowSeq && length[row] == mappingLength
                && flow[row] == flowIndex && side[row] == dataSide;
    }

    private int lookup(int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        if (size == 0) {
            return NOT_FOUND;
        }
        int mask = index.length - 1;
        int hash = hash(flowIndex, mappingDsn, mappingSubflowSeq, mappingLength);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int row = index[slot];
            if (row == NOT_FOUND) {
                missSlot = slot;
                missHash = hash;
                return NOT_FOUND;
            }
            if (matches(row, flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength)) {
                return row;
            }
        }
    }

    /** Adds a mapping not yet in the log (see {@link #find}); pending when its checksum is still to be verified. */
    int add(int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq, int mappingLength, long packet,
            boolean pending) {
        if (size == dsn.length) {
            int capacity = Math.max(FIRST_CAPACITY, size * 2);
            dsn = Arrays.copyOf(dsn, capacity);
            side = Arrays.copyOf(side, capacity);
            flow = Arrays.copyOf(flow, capacity);
            subflowSeq = Arrays.copyOf(subflowSeq, capacity);
            length = Arrays.copyOf(length, capacity);
            firstPacket = Arrays.copyOf(firstPacket, capacity);
            verdict = Arrays.copyOf(verdict, capacity);
            checksum = Arrays.copyOf(checksum, capacity);
            expectedChecksum = Arrays.copyOf(expectedChecksum, capacity);
            unverified = Arrays.copyOf(unverified, capacity);
        }
        if ((size + 1) * 2 > index.length) {
            rehash(Math.max(2 * FIRST_CAPACITY, index.length * 2));
        }
        int row = size++;
        dsn[row] = mappingDsn;
        side[row] = (byte) dataSide;
        int hash = hash(flowIndex, mappingDsn, mappingSubflowSeq, mappingLength);
        flow[row] = flowIndex;
        subflowSeq[row] = mappingSubflowSeq;
        length[row] = mappingLength;
        firstPacket[row] = packet;
        verdict[row] = pending ? PENDING : (byte) ChecksumVerdict.NONE.ordinal();
        checksum[row] = NO_CHECKSUM;
        expectedChecksum[row] = NO_CHECKSUM;
        unverified[row] = NO_REASON;
        if (missSlot >= 0 && missHash == hash) {
            index[missSlot] = row; // the end of this key's probe, found empty by the find that missed
            missSlot = -1;
        } else {
            insert(row);
        }
        recent[(flowIndex * 2 + dataSide) & (RECENT - 1)] = row;
        return row;
    }

    /**
     * @param carried  the checksum the option carried, or {@link #NO_CHECKSUM}
     * @param expected the checksum computed over the mapping, or {@link #NO_CHECKSUM}
     * @param reason   why an unverifiable mapping is so, else null
     */
    void setVerdict(int row, ChecksumVerdict value, int carried, int expected, UnverifiedReason reason) {
        verdict[row] = (byte) value.ordinal();
        checksum[row] = carried;
        expectedChecksum[row] = expected;
        unverified[row] = reason == null ? NO_REASON : (byte) reason.ordinal();
    }

    int checksum(int row) { return checksum[row]; }
    int expectedChecksum(int row) { return expectedChecksum[row]; }

    long dsn(int row) { return dsn[row]; }
    int flow(int row) { return flow[row]; }
    int side(int row) { return side[row]; }
    long subflowSeq(int row) { return subflowSeq[row]; }
    int length(int row) { return length[row]; }
    long firstPacket(int row) { return firstPacket[row]; }

    /** The immutable view; mappings still waiting for bytes count as unverifiable. */
    DssMappings toModel(long[] dsnBase, List<ChecksumFailure> failures) {
        long[] relative = new long[size];
        byte[] verdicts = Arrays.copyOf(verdict, size);
        byte[] reasons = Arrays.copyOf(unverified, size);
        for (int i = 0; i < size; i++) {
            relative[i] = dsn[i] - dsnBase[side[i]];
            if (verdicts[i] == PENDING) {
                verdicts[i] = (byte) ChecksumVerdict.UNVERIFIABLE.ordinal();
                reasons[i] = (byte) UnverifiedReason.BYTES_MISSING.ordinal();
            }
        }
        return new DssMappings(size, dsn, relative, side, flow, subflowSeq, length, firstPacket, verdicts,
                new DssMappings.Checksums(checksum, expectedChecksum, reasons), failures);
    }

    private void rehash(int capacity) {
        index = filled(capacity);
        missSlot = -1;
        for (int row = 0; row < size; row++) {
            insert(row);
        }
    }

    private void insert(int row) {
        missSlot = -1;
        int mask = index.length - 1;
        int slot = hash(flow[row], dsn[row], subflowSeq[row], length[row]) & mask;
        while (index[slot] != NOT_FOUND) {
            slot = (slot + 1) & mask;
        }
        index[slot] = row;
    }

    private static int hash(int flowIndex, long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        long h = mappingDsn * 0x9E3779B97F4A7C15L + mappingSubflowSeq * 0xC2B2AE3D27D4EB4FL
                + ((long) flowIndex << 20 ^ mappingLength) * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private static int[] filled(int capacity) {
        int[] table = new int[capacity];
        Arrays.fill(table, NOT_FOUND);
        return table;
    }
}
