package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which subflow sent the byte a DATA_ACK waits for. */
class DsnSendersTest {
    private final DsnSenders senders = new DsnSenders();

    @Test
    void interleavedBlocksOfTwoSubflowsAreFoundAsTheDataAckAdvances() {
        // Subflow 0 sends [0, 10000), then [20000, 30000); subflow 1 [10000, 20000) meanwhile.
        for (int k = 0; k < 10; k++) {
            senders.add(0, k * 1000L, k * 1000L + 1000);
            senders.add(1, 10_000 + k * 1000L, 11_000 + k * 1000L);
        }
        for (int k = 0; k < 10; k++) {
            senders.add(0, 20_000 + k * 1000L, 21_000 + k * 1000L);
        }
        for (long ack = 0; ack < 30_000; ack += 500) {
            assertThat(senders.senderOf(ack)).as("DATA_ACK %d", ack).isEqualTo(ack >= 10_000 && ack < 20_000 ? 1 : 0);
        }
        assertThat(senders.senderOf(30_000)).isEqualTo(-1);
    }

    @Test
    void aReinjectedByteNamesTheSubflowThatSentItFirst() {
        senders.add(1, 5000, 6000);
        senders.add(0, 0, 5000);
        senders.add(0, 5000, 6000); // subflow 0 sends subflow 1's bytes again
        assertThat(senders.senderOf(100)).isEqualTo(0);
        assertThat(senders.senderOf(5500)).isEqualTo(1);
    }

    @Test
    void aSubflowRemembersItsLastRangesOnly() {
        for (int k = 0; k < DsnSenders.RANGES + 10; k++) {
            senders.add(3, k * 10L, k * 10L + 10);
        }
        assertThat(senders.senderOf(5)).isEqualTo(-1);
        assertThat(senders.senderOf(DsnSenders.RANGES * 10L + 5)).isEqualTo(3);
    }

    @Test
    void aRangeSentBelowTheSubflowsEarlierOnesIsStillFound() {
        senders.add(1, 5000, 6000);
        senders.add(1, 100, 200); // out of the subflow's DSN order: found by scanning past the head
        senders.add(1, 6000, 7000);
        assertThat(senders.senderOf(150)).isEqualTo(1);
        assertThat(senders.senderOf(250)).isEqualTo(-1);
        assertThat(senders.senderOf(6500)).isEqualTo(1);
    }
}
