package org.braid.analysis;

import java.util.Arrays;
import java.util.List;
import org.braid.model.ChecksumFailure;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;
import org.braid.model.UnverifiedReason;
import org.braid.model.column.ByteColumn;
import org.braid.model.column.IntColumn;
import org.braid.model.column.LongColumn;

/**
 * Every distinct DSS mapping of one connection, as chunked primitive columns (about 30 bytes a
 * mapping when no checksum is in use, never copied as they grow), with a {@link MappingIndex} on
 * (flow, side, DSN, subflow sequence, length) so a mapping repeated on each segment it spans is
 * found again without allocating.
 */
final class MappingLog {
    static final int NOT_FOUND = -1;
    /** A checksum not carried, not captured or not computed. */
    static final int NO_CHECKSUM = -1;
    private static final byte NO_REASON = -1;
    private static final byte PENDING = DssMappings.PENDING;

    private int size;
    private final LongColumn dsn = new LongColumn(0);
    private final ByteColumn side = new ByteColumn((byte) 0);
    private final IntColumn flow = new IntColumn(0);
    private final LongColumn subflowSeq = new LongColumn(0);
    private final IntColumn length = new IntColumn(0);
    /** 1-based packet numbers, as ints: a packet index is an int everywhere else. */
    private final IntColumn firstPacket = new IntColumn(0);
    private final ByteColumn verdict = new ByteColumn((byte) 0);
    /** The checksum carried and the one computed, {@link #NO_CHECKSUM} when not known: chunks only where known. */
    private final IntColumn checksum = new IntColumn(NO_CHECKSUM);
    private final IntColumn expectedChecksum = new IntColumn(NO_CHECKSUM);
    /** The {@link UnverifiedReason} ordinal of an unverifiable mapping, else {@link #NO_REASON}. */
    private final ByteColumn unverified = new ByteColumn(NO_REASON);
    private final MappingIndex index = new MappingIndex(new MappingIndex.Keys() {
        @Override
        public long dsn(int row) {
            return dsn.get(row);
        }

        @Override
        public long subflowSeq(int row) {
            return subflowSeq.get(row);
        }

        @Override
        public int length(int row) {
            return length.get(row);
        }
    });
    /** The last row found or added per subflow and side (hashed into a few slots; a miss only costs a lookup). */
    private static final int RECENT = 16;
    private final int[] recent = filled(RECENT);
    /** The key of each recent row, kept beside it so a hit reads no column. */
    private final long[] recentDsn = new long[RECENT];
    private final long[] recentSubflowSeq = new long[RECENT];
    private final int[] recentLength = new int[RECENT];
    private final int[] recentFlow = new int[RECENT];
    private final int[] recentSide = new int[RECENT];

    int size() {
        return size;
    }

    /** The row of this mapping, or {@link #NOT_FOUND}. */
    int find(int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq, int mappingLength) {
        // Linux repeats a mapping on every segment it spans: the subflow's last row usually answers.
        int slot = (flowIndex * 2 + dataSide) & (RECENT - 1);
        int cached = recent[slot];
        if (cached != NOT_FOUND && recentDsn[slot] == mappingDsn && recentSubflowSeq[slot] == mappingSubflowSeq
                && recentLength[slot] == mappingLength && recentFlow[slot] == flowIndex
                && recentSide[slot] == dataSide) {
            return cached;
        }
        int row = index.find(flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength);
        if (row != NOT_FOUND) {
            remember(row, flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength);
        }
        return row;
    }

    private void remember(int row, int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq,
            int mappingLength) {
        int slot = (flowIndex * 2 + dataSide) & (RECENT - 1);
        recent[slot] = row;
        recentDsn[slot] = mappingDsn;
        recentSubflowSeq[slot] = mappingSubflowSeq;
        recentLength[slot] = mappingLength;
        recentFlow[slot] = flowIndex;
        recentSide[slot] = dataSide;
    }

    /** Adds a mapping not yet in the log (see {@link #find}); pending when its checksum is still to be verified. */
    int add(int flowIndex, int dataSide, long mappingDsn, long mappingSubflowSeq, int mappingLength, long packet,
            boolean pending) {
        int row = size++;
        dsn.set(row, mappingDsn);
        side.set(row, (byte) dataSide);
        flow.set(row, flowIndex);
        subflowSeq.set(row, mappingSubflowSeq);
        length.set(row, mappingLength);
        firstPacket.set(row, Math.toIntExact(packet));
        verdict.set(row, pending ? PENDING : (byte) ChecksumVerdict.NONE.ordinal());
        index.add(flowIndex, dataSide, row);
        remember(row, flowIndex, dataSide, mappingDsn, mappingSubflowSeq, mappingLength);
        return row;
    }

    /**
     * @param carried  the checksum the option carried, or {@link #NO_CHECKSUM}
     * @param expected the checksum computed over the mapping, or {@link #NO_CHECKSUM}
     * @param reason   why an unverifiable mapping is so, else null
     */
    void setVerdict(int row, ChecksumVerdict value, int carried, int expected, UnverifiedReason reason) {
        verdict.set(row, (byte) value.ordinal());
        checksum.set(row, carried);
        expectedChecksum.set(row, expected);
        unverified.set(row, reason == null ? NO_REASON : (byte) reason.ordinal());
    }

    int checksum(int row) { return checksum.get(row); }
    int expectedChecksum(int row) { return expectedChecksum.get(row); }

    long dsn(int row) { return dsn.get(row); }
    int flow(int row) { return flow.get(row); }
    int side(int row) { return side.get(row); }
    long subflowSeq(int row) { return subflowSeq.get(row); }
    int length(int row) { return length.get(row); }
    long firstPacket(int row) { return firstPacket.get(row); }

    /**
     * The view of the mappings so far, sharing this log's columns: the pass may go on adding rows
     * past its size, and settling the verdicts of its pending mappings, which it reads as
     * unverifiable until then.
     */
    DssMappings toModel(long[] dsnBase, List<ChecksumFailure> failures) {
        DssMappings.Columns columns = new DssMappings.Columns(dsn, side, flow, subflowSeq, length, firstPacket,
                verdict, new DssMappings.Checksums(checksum, expectedChecksum, unverified));
        return new DssMappings(size, columns, dsnBase, failures);
    }

    private static int[] filled(int capacity) {
        int[] table = new int[capacity];
        Arrays.fill(table, NOT_FOUND);
        return table;
    }
}
