package org.braid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The painting of segments onto stream positions, on hand-made segments. */
class SideStreamTest {
    private final SegmentLog log = new SegmentLog();

    /** A segment of packet {@code packet} carrying [dsn, dsn + length) at TCP offset {@code tcp} of {@code flow}. */
    private void segment(int packet, long dsn, int length, long tcp, int flow) {
        log.add(packet, 0, packet, 40, length, length, dsn, tcp, flow, true);
    }

    private SideStream side(long start, long finEnd) {
        int[] segments = new int[log.size()];
        long[] positions = new long[log.size()];
        for (int s = 0; s < log.size(); s++) {
            segments[s] = s;
            positions[s] = log.relativeDsn(s);
        }
        return new SideStream(log, segments, positions, start, finEnd, finEnd != SegmentLog.NO_POSITION);
    }

    @Test
    void eachByteBelongsToThePacketThatCarriedItFirstAndRepeatsMarkTheirChunks() {
        segment(0, 150, 100, 0, 1);   // [150, 250) first, on flow 1
        segment(1, 100, 100, 0, 0);   // [100, 200): only [100, 150) is new; [150, 200) is a reinjection
        segment(2, 100, 50, 0, 0);    // the same bytes, same flow, same TCP offset: a retransmission
        segment(3, 150, 100, 500, 1); // the same bytes on flow 1 under a new TCP offset: resent
        SideStream side = side(100, SegmentLog.NO_POSITION);

        assertThat(side.chunkCount()).isEqualTo(2);
        assertThat(side.chunkStart(0)).isEqualTo(100);
        assertThat(side.chunkLength(0)).isEqualTo(50);
        assertThat(side.chunkSegment(0)).isEqualTo(1);
        assertThat(side.chunkFlags(0)).isEqualTo(SideStream.RETRANSMITTED);
        assertThat(side.chunkStart(1)).isEqualTo(150);
        assertThat(side.chunkLength(1)).isEqualTo(100);
        assertThat(side.chunkSegment(1)).isEqualTo(0);
        assertThat(side.chunkFlags(1)).isEqualTo((byte) (SideStream.REINJECTED | SideStream.RESENT));
        assertThat(side.chunkSkip(1)).isZero();
        assertThat(side.capturedBytes()).isEqualTo(150);
    }

    @Test
    void gapsAndTheRangeBeforeTheFinAreMissingAndNothingIsDroppedForAFinPlacedTooEarly() {
        segment(0, 1, 100, 0, 0);
        segment(1, 201, 100, 200, 0);
        SideStream finished = side(1, 401);
        assertThat(finished.end).isEqualTo(401);
        assertThat(finished.capturedBytes()).isEqualTo(200);
        assertThat(finished.end - finished.start - finished.capturedBytes()).isEqualTo(200); // [101, 201) and [301, 401)

        SideStream finTooEarly = side(1, 150);
        assertThat(finTooEarly.end).isEqualTo(301);
        assertThat(finTooEarly.capturedBytes()).isEqualTo(200);
    }

    @Test
    void segmentsWithoutAPositionAreLeftOutAndAnUnknownStartBeginsAtTheFirstPlacedByte() {
        segment(0, SegmentLog.NO_POSITION, 100, 0, 0);
        segment(1, 5000, 100, 100, 0);
        SideStream side = side(SegmentLog.NO_POSITION, SegmentLog.NO_POSITION);
        assertThat(side.startKnown).isFalse();
        assertThat(side.start).isEqualTo(5000);
        assertThat(side.chunkCount()).isEqualTo(1);
        assertThat(side.chunkSegment(0)).isEqualTo(1);
    }
}
