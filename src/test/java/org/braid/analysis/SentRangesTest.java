package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The DSN ranges of one connection direction: new data, reinjections, out-of-order subflows. */
class SentRangesTest {
    private static final int A = 3;
    private static final int B = 7;

    private final SentRanges sent = new SentRanges();

    @Test
    void newDataOnTwoInterleavedSubflowsIsNeitherReinjectedNorCountedTwice() {
        // Each subflow sends its own mapping; their segments interleave out of DSN order.
        for (int i = 0; i < 10; i++) {
            place(A, i * 100L, 100, i);
            assertThat(sent.reinjectedBytes).isZero();
            place(B, 1000 + i * 100L, 100, 100 + i);
            assertThat(sent.reinjectedBytes).isZero();
            assertThat(sent.newBytes).isEqualTo(100);
        }
        assertThat(sent.uniqueBytes()).isEqualTo(2000);
    }

    @Test
    void bytesFirstSentOnAnotherSubflowAreAReinjectionOfThatPacket() {
        place(A, 0, 100, 0);
        place(A, 100, 100, 1);
        place(B, 200, 100, 2);
        place(B, 150, 100, 3); // overlaps packet 1 by 50 bytes, then packet 2 (its own subflow)
        assertThat(sent.reinjectedBytes).isEqualTo(50);
        assertThat(sent.newBytes).isZero();
        assertThat(sent.originalPacket).isEqualTo(1);
        assertThat(sent.originalFlow).isEqualTo(A);
        assertThat(sent.originalDsn).isEqualTo(150);
        assertThat(sent.originalCount(B)).isEqualTo(1);
        assertThat(sent.uniqueBytes()).isEqualTo(300);
    }

    @Test
    void aSegmentOverlappingSeveralOriginalsListsThemAllInDsnOrder() {
        place(A, 0, 100, 0);
        place(B, 100, 100, 1);
        place(A, 200, 100, 2);
        place(B, 300, 100, 3);
        place(B, 0, 300, 4); // over A's 0-100, its own 100-200, A's 200-300
        assertThat(sent.reinjectedBytes).isEqualTo(200);
        assertThat(sent.originalCount(B)).isEqualTo(2);
        assertThat(sent.originalPacket(B, 0)).isZero();
        assertThat(sent.originalPacket(B, 1)).isEqualTo(2);
        assertThat(sent.originalPacket).isZero();
    }

    @Test
    void aRepeatOnTheSameSubflowIsNoReinjection() {
        place(A, 0, 100, 0);
        place(A, 100, 100, 1);
        place(A, 0, 100, 2);
        assertThat(sent.reinjectedBytes).isZero();
        assertThat(sent.newBytes).isZero();
        assertThat(sent.uniqueBytes()).isEqualTo(200);
    }

    @Test
    void aReinjectionCarryingNewBytesTooLogsOnlyTheNewOnes() {
        place(A, 0, 100, 0);
        place(B, 500, 100, 1);
        place(B, 50, 200, 2); // 50 reinjected from A, 150 new (a gap below B's newest)
        assertThat(sent.reinjectedBytes).isEqualTo(50);
        assertThat(sent.newBytes).isEqualTo(150);
        place(A, 100, 100, 3); // now first sent on B: a reinjection from B
        assertThat(sent.reinjectedBytes).isEqualTo(100);
        assertThat(sent.originalPacket).isEqualTo(2);
        assertThat(sent.uniqueBytes()).isEqualTo(350);
    }

    @Test
    void manySegmentsGrowTheLogsAndStayFindable() {
        int segments = 10_000;
        for (int i = 0; i < segments; i++) {
            place(i % 2 == 0 ? A : B, i * 1000L, 1000, i);
        }
        place(B, 4_000_500L, 1000, segments); // over packet 4000 (A) and 4001 (B)
        assertThat(sent.reinjectedBytes).isEqualTo(500);
        assertThat(sent.originalPacket).isEqualTo(4000);
        place(A, 4_000_500L, 1000, segments + 1); // over 4000 (its own) and 4001 (B)
        assertThat(sent.reinjectedBytes).isEqualTo(500);
        assertThat(sent.originalPacket).isEqualTo(4001);
        assertThat(sent.uniqueBytes()).isEqualTo(segments * 1000L);
    }

    @Test
    void releasedLogsKeepTheCountsAndTreatOldBytesAsNeitherNewNorReinjected() {
        place(A, 0, 100, 0);
        place(B, 100, 100, 1);
        assertThat(sent.loggedRanges()).isEqualTo(2);
        sent.release();
        assertThat(sent.loggedRanges()).isZero();
        place(A, 150, 100, 2); // 50 old bytes first sent on B, 50 new
        assertThat(sent.reinjectedBytes).isZero();
        assertThat(sent.newBytes).isEqualTo(50);
        assertThat(sent.uniqueBytes()).isEqualTo(250);
        place(B, 200, 50, 3); // overlaps what A sent after the release
        assertThat(sent.reinjectedBytes).isEqualTo(50);
    }

    @Test
    void aSubflowFillingItsBlockBelowTheHighestDsnStillSeesBytesAnotherSubflowSentThere() {
        place(A, 0, 100, 0);
        place(B, 1000, 100, 1); // B's block starts at 1000: A's block is 100 to 1000
        place(A, 100, 100, 2);
        place(A, 200, 100, 3);
        assertThat(sent.newBytes).isEqualTo(100);
        place(B, 400, 100, 4); // B sends into A's block
        assertThat(sent.newBytes).isEqualTo(100);
        place(A, 300, 200, 5); // 100 new, then B's 400-500
        assertThat(sent.newBytes).isEqualTo(100);
        assertThat(sent.reinjectedBytes).isEqualTo(100);
        assertThat(sent.originalPacket).isEqualTo(4);
        place(A, 500, 600, 6); // 500 new, then B's first 100 at 1000
        assertThat(sent.newBytes).isEqualTo(500);
        assertThat(sent.reinjectedBytes).isEqualTo(100);
        assertThat(sent.originalPacket).isEqualTo(1);
        assertThat(sent.uniqueBytes()).isEqualTo(1100);
    }

    /** Random segments of three subflows against a byte-by-byte model of who sent each DSN first. */
    @Test
    void randomSegmentsAgreeWithAByteModel() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            SentRanges ranges = new SentRanges();
            int[] firstFlow = new int[4000];
            int[] firstPacket = new int[4000];
            java.util.Arrays.fill(firstFlow, -1);
            long[] next = new long[3];
            for (int f = 0; f < 3; f++) {
                next[f] = f * 300L;
            }
            for (int packet = 0; packet < 300; packet++) {
                int f = random.nextInt(3);
                int length = 1 + random.nextInt(60);
                long start = random.nextInt(10) == 0 ? random.nextInt(3000) : next[f];
                if (start + length > 4000) {
                    start = random.nextInt(3000);
                }
                next[f] = start + length + (random.nextInt(8) == 0 ? 400 : 0);
                long newBytes = 0;
                long reinjected = 0;
                int original = PacketColumns.NO_PACKET;
                for (long d = start; d < start + length; d++) {
                    int i = (int) d;
                    if (firstFlow[i] < 0) {
                        newBytes++;
                        firstFlow[i] = f;
                        firstPacket[i] = packet;
                    } else if (firstFlow[i] != f) {
                        reinjected++;
                        original = original == PacketColumns.NO_PACKET ? firstPacket[i] : original;
                    }
                }
                ranges.place(f, start, start + length, packet, packet);
                assertThat(ranges.newBytes).as("trial %d packet %d new", trial, packet).isEqualTo(newBytes);
                assertThat(ranges.reinjectedBytes).as("trial %d packet %d reinjected", trial, packet)
                        .isEqualTo(reinjected);
                assertThat(ranges.ownBytes).isEqualTo(length - newBytes - reinjected);
                assertThat(ranges.originalPacket).as("trial %d packet %d original", trial, packet).isEqualTo(original);
            }
        }
    }

    /**
     * Subflows given alternate blocks of the data, as Linux's scheduler does, each filling its own
     * block below the highest DSN while the others fill theirs, with some segments sent again on
     * another subflow: the fast path through each subflow's gap must agree with the byte model.
     */
    @Test
    void subflowsFillingInterleavedBlocksAgreeWithAByteModel() {
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 200; trial++) {
            SentRanges ranges = new SentRanges();
            int size = 20_000;
            int[] firstFlow = new int[size];
            java.util.Arrays.fill(firstFlow, -1);
            long nextBlock = 0;
            long[] next = new long[3];
            long[] blockEnd = new long[3];
            for (int packet = 0; packet < 400; packet++) {
                int f = random.nextInt(3);
                if (next[f] >= blockEnd[f]) {
                    int block = 50 + random.nextInt(250);
                    if (nextBlock + block > size - 100) {
                        break;
                    }
                    next[f] = nextBlock;
                    blockEnd[f] = nextBlock + block;
                    nextBlock += block;
                }
                long start;
                int length;
                if (random.nextInt(12) == 0 && next[f] > 0) {
                    start = random.nextInt((int) Math.min(nextBlock, size - 100)); // sent again, maybe elsewhere
                    length = 1 + random.nextInt(40);
                } else {
                    start = next[f];
                    length = (int) Math.min(1 + random.nextInt(40), blockEnd[f] - start);
                    next[f] = start + length;
                }
                long newBytes = 0;
                long reinjected = 0;
                for (long d = start; d < start + length; d++) {
                    int i = (int) d;
                    if (firstFlow[i] < 0) {
                        newBytes++;
                        firstFlow[i] = f;
                    } else if (firstFlow[i] != f) {
                        reinjected++;
                    }
                }
                ranges.place(f, start, start + length, packet, packet);
                assertThat(ranges.newBytes).as("trial %d packet %d new", trial, packet).isEqualTo(newBytes);
                assertThat(ranges.reinjectedBytes).as("trial %d packet %d reinjected", trial, packet)
                        .isEqualTo(reinjected);
            }
        }
    }

    private void place(int flow, long start, int length, int packet) {
        sent.place(flow, start, start + length, packet, packet * 1000L);
    }
}
