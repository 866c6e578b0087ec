package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mapping index finds exactly the keys added, in order or late, across the 32-bit wrap. */
class MappingIndexTest {
    private final List<long[]> log = new ArrayList<>(); // dsn, subflow sequence, length
    private final MappingIndex index = new MappingIndex(new MappingIndex.Keys() {
        @Override
        public long dsn(int row) {
            return log.get(row)[0];
        }

        @Override
        public long subflowSeq(int row) {
            return log.get(row)[1];
        }

        @Override
        public int length(int row) {
            return (int) log.get(row)[2];
        }
    });

    private int add(int flow, int side, long dsn, long seq, int length) {
        assertThat(index.find(flow, side, dsn, seq, length)).isEqualTo(MappingLog.NOT_FOUND);
        log.add(new long[] {dsn, seq, length});
        int row = log.size() - 1;
        index.add(flow, side, row);
        return row;
    }

    @Test
    void mappingsInOrderAreFoundAgainAndOnlyWithTheirWholeKey() {
        int a = add(0, 0, 1000, 1, 100);
        int b = add(0, 0, 1100, 101, 100);
        int c = add(0, 0, 1200, 201, 100);
        assertThat(index.find(0, 0, 1100, 101, 100)).isEqualTo(b);
        assertThat(index.find(0, 0, 1000, 1, 100)).isEqualTo(a);
        assertThat(index.find(0, 0, 1200, 201, 100)).isEqualTo(c);
        assertThat(index.find(0, 0, 1100, 101, 99)).isEqualTo(MappingLog.NOT_FOUND);
        assertThat(index.find(0, 0, 1101, 101, 100)).isEqualTo(MappingLog.NOT_FOUND);
        assertThat(index.find(0, 1, 1100, 101, 100)).isEqualTo(MappingLog.NOT_FOUND);
        assertThat(index.find(1, 0, 1100, 101, 100)).isEqualTo(MappingLog.NOT_FOUND);
        assertThat(index.find(0, 0, 1300, 301, 100)).isEqualTo(MappingLog.NOT_FOUND);
    }

    @Test
    void aLateMappingAndOnesSharingASequenceNumberAreFound() {
        int first = add(0, 0, 1000, 1, 100);
        int third = add(0, 0, 1200, 201, 100);
        int second = add(0, 0, 1100, 101, 100); // captured late
        int again = add(0, 0, 5000, 101, 100); // the same subflow bytes mapped to other data
        assertThat(index.find(0, 0, 1000, 1, 100)).isEqualTo(first);
        assertThat(index.find(0, 0, 1100, 101, 100)).isEqualTo(second);
        assertThat(index.find(0, 0, 5000, 101, 100)).isEqualTo(again);
        assertThat(index.find(0, 0, 1200, 201, 100)).isEqualTo(third);
    }

    @Test
    void theSequenceSpaceWrapsAndVeryOldMappingsAreNoLongerSearched() {
        long nearEnd = 0xffff_ff00L;
        int before = add(2, 1, 10, nearEnd, 0x100);
        int after = add(2, 1, 10 + 0x100, 0, 0x100); // wrapped to 0
        int late = add(2, 1, 5, nearEnd - 0x100, 0x100);
        assertThat(index.find(2, 1, 10, nearEnd, 0x100)).isEqualTo(before);
        assertThat(index.find(2, 1, 10 + 0x100, 0, 0x100)).isEqualTo(after);
        assertThat(index.find(2, 1, 5, nearEnd - 0x100, 0x100)).isEqualTo(late);
        // Move the newest mapping more than the searched span on: the old ones drop out.
        add(2, 1, 1L << 40, MappingIndex.SEARCHED_SPAN + 0x1000, 100);
        assertThat(index.find(2, 1, 10, nearEnd, 0x100)).isEqualTo(MappingLog.NOT_FOUND);
    }

    @Test
    void manySubflowsAndShuffledMappingsMatchALinearSearch() {
        Random random = new Random(7);
        List<int[]> keys = new ArrayList<>(); // flow, side, row
        for (int i = 0; i < 5000; i++) {
            int flow = random.nextInt(20);
            int side = random.nextInt(2);
            long seq = random.nextInt(4) == 0 ? random.nextInt(100_000) : 100_000L + i * 100L;
            long dsn = random.nextInt(50);
            int length = 1 + random.nextInt(3);
            int found = index.find(flow, side, dsn, seq, length);
            int expected = MappingLog.NOT_FOUND;
            for (int[] k : keys) {
                long[] m = log.get(k[2]);
                if (k[0] == flow && k[1] == side && m[0] == dsn && m[1] == seq && m[2] == length) {
                    expected = k[2];
                }
            }
            assertThat(found).isEqualTo(expected);
            if (found == MappingLog.NOT_FOUND) {
                keys.add(new int[] {flow, side, add(flow, side, dsn, seq, length)});
            }
        }
    }
}
