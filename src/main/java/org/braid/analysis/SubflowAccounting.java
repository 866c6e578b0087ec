package org.braid.analysis;

import org.braid.model.SubflowData;

/**
 * Data accounting of one TCP flow, per flow direction: its sequence space (for TCP
 * retransmissions and capture loss), and where each payload byte goes. Every payload byte is
 * exactly one of first-sent, reinjected, TCP-retransmitted, resent, or unmapped (its DSN is
 * unknown). Filled by {@link DataTracker}.
 */
final class SubflowAccounting {
    private final SubflowSequence[] sequence = new SubflowSequence[2];
    long retransmissions;
    final long[] firstSentBytes = new long[2];
    final long[] reinjectedBytes = new long[2];
    final long[] retransmittedBytes = new long[2];
    final long[] resentBytes = new long[2];
    final long[] unmappedBytes = new long[2];
    final long[] resends = new long[2];
    /** The first packet that acknowledged bytes the capture never saw (1-based, 0: none), and its file offset. */
    long firstLossPacket;
    long firstLossOffset;

    /** The sequence tracker of flow direction {@code direction}, made on first use. */
    SubflowSequence sequence(int direction) {
        if (sequence[direction] == null) {
            sequence[direction] = new SubflowSequence();
        }
        return sequence[direction];
    }

    long lostBytes(int direction) {
        return sequence[direction] == null ? 0 : sequence[direction].lostBytes();
    }

    long lostGaps(int direction) {
        return sequence[direction] == null ? 0 : sequence[direction].lostGaps();
    }

    SubflowData toModel() {
        return new SubflowData(side(0), side(1));
    }

    private SubflowData.Direction side(int d) {
        return new SubflowData.Direction(firstSentBytes[d], reinjectedBytes[d], retransmittedBytes[d],
                resentBytes[d], unmappedBytes[d], resends[d], lostBytes(d), lostGaps(d));
    }
}
