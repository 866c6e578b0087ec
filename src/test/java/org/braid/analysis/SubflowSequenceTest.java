package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TCP retransmissions within one subflow direction: repeats, holes, the 32-bit wrap. */
class SubflowSequenceTest {
    private static final long MS = 1_000_000L;
    private static final long THRESHOLD = 10 * MS;

    private final SubflowSequence sequence = new SubflowSequence();

    @Test
    void newDataIsNoRetransmissionAndARepeatIs() {
        assertThat(sequence.sent(1000, 100, 0, THRESHOLD)).isFalse();
        assertThat(sequence.sent(1100, 100, MS, THRESHOLD)).isFalse();
        assertThat(sequence.sent(1100, 100, 2 * MS, THRESHOLD)).isTrue();
        assertThat(sequence.sent(1150, 100, 3 * MS, THRESHOLD)).as("partly new, partly repeated").isTrue();
        assertThat(sequence.sent(1250, 10, 4 * MS, THRESHOLD)).isFalse();
    }

    @Test
    void sequenceNumbersWrapPast2To32() {
        long nearTop = 0xffff_ff00L;
        assertThat(sequence.sent(nearTop, 0x100, 0, THRESHOLD)).isFalse();
        assertThat(sequence.sent(0, 1000, MS, THRESHOLD)).as("right after the wrap: new").isFalse();
        assertThat(sequence.sent(1000, 1000, 2 * MS, THRESHOLD)).isFalse();
        assertThat(sequence.sent(nearTop + 0x80, 0x100, 3 * MS, THRESHOLD)).as("straddles the wrap: repeat").isTrue();
        assertThat(sequence.sent(500, 100, 4 * MS, THRESHOLD)).isTrue();
        assertThat(sequence.sent(2000, 1000, 5 * MS, THRESHOLD)).isFalse();
    }

    @Test
    void aSegmentFillingAHoleSoonIsOutOfOrderAndLateIsARetransmission() {
        sequence.sent(0, 100, 0, THRESHOLD);
        sequence.sent(200, 100, MS, THRESHOLD);   // hole [100, 200)
        sequence.sent(400, 100, 2 * MS, THRESHOLD); // hole [300, 400)
        assertThat(sequence.holes()).isEqualTo(2);
        assertThat(sequence.sent(100, 100, 3 * MS, THRESHOLD)).as("overtaken, within the threshold").isFalse();
        assertThat(sequence.holes()).isEqualTo(1);
        assertThat(sequence.sent(300, 100, 2 * MS + THRESHOLD + MS, THRESHOLD))
                .as("fills a hole long after the highest sequence advanced: its original was lost").isTrue();
        assertThat(sequence.holes()).isZero();
    }

    @Test
    void aHoleFillOverlappingSeenBytesIsARetransmission() {
        sequence.sent(0, 100, 0, THRESHOLD);
        sequence.sent(200, 100, MS, THRESHOLD);
        assertThat(sequence.sent(150, 100, 2 * MS, THRESHOLD)).as("half in the hole, half seen").isTrue();
        assertThat(sequence.sent(100, 50, 3 * MS, THRESHOLD)).as("the rest of the hole, still soon").isFalse();
    }

    @Test
    void aHoleFillTheReceiverAskedForWithDuplicateAcksIsARetransmissionEvenSoon() {
        sequence.sent(0, 100, 0, THRESHOLD);
        sequence.sent(200, 100, MS, THRESHOLD);
        sequence.acknowledged(100, true);
        sequence.acknowledged(100, true);
        sequence.acknowledged(100, true);
        assertThat(sequence.sent(100, 100, 2 * MS, THRESHOLD)).isTrue();
    }

    @Test
    void oneDuplicateAckIsNotARequest() {
        sequence.sent(0, 100, 0, THRESHOLD);
        sequence.sent(200, 100, MS, THRESHOLD);
        sequence.acknowledged(100, false); // the ACK itself
        sequence.acknowledged(100, true);  // one duplicate
        assertThat(sequence.sent(100, 100, 2 * MS, THRESHOLD)).isFalse();
    }

    @Test
    void aHoleSplitInTwoKeepsBothHalves() {
        sequence.sent(0, 100, 0, THRESHOLD);
        sequence.sent(1000, 100, MS, THRESHOLD); // hole [100, 1000)
        assertThat(sequence.sent(400, 100, 2 * MS, THRESHOLD)).isFalse();
        assertThat(sequence.holes()).isEqualTo(2);
        assertThat(sequence.sent(100, 300, 3 * MS, THRESHOLD)).isFalse();
        assertThat(sequence.sent(500, 500, 4 * MS, THRESHOLD)).isFalse();
        assertThat(sequence.holes()).isZero();
        assertThat(sequence.sent(450, 100, 5 * MS, THRESHOLD)).isTrue();
    }

    @Test
    void theOldestHoleIsForgottenWhenTooManyAreOpen() {
        long seq = 0;
        sequence.sent(seq, 10, 0, THRESHOLD);
        for (int i = 0; i <= SubflowSequence.MAX_HOLES; i++) {
            seq += 20;
            sequence.sent(seq, 10, 0, THRESHOLD);
        }
        assertThat(sequence.holes()).isEqualTo(SubflowSequence.MAX_HOLES);
        assertThat(sequence.sent(10, 10, 0, THRESHOLD)).as("in the forgotten hole: counted as seen").isTrue();
        assertThat(sequence.sent(30, 10, 0, THRESHOLD)).as("in a kept hole").isFalse();
    }
}
