package org.braid.analysis;

import org.braid.model.SubflowData;

/**
 * Data accounting of one TCP flow, per flow direction: its sequence space (for TCP
 * retransmissions), and the data-level bytes it sent first or reinjected. Filled by {@link DataTracker}.
 */
final class SubflowAccounting {
    private final SubflowSequence[] sequence = new SubflowSequence[2];
    long retransmissions;
    final long[] firstSentBytes = new long[2];
    final long[] reinjectedBytes = new long[2];

    /** The sequence tracker of flow direction {@code direction}, made on first use. */
    SubflowSequence sequence(int direction) {
        if (sequence[direction] == null) {
            sequence[direction] = new SubflowSequence();
        }
        return sequence[direction];
    }

    SubflowData toModel() {
        return new SubflowData(firstSentBytes[0], reinjectedBytes[0], firstSentBytes[1], reinjectedBytes[1]);
    }
}
