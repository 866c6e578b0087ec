package org.braid.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolTrackerTest {
    @Test
    void dataAboveAGapWaitsUntilThePacketThatFillsIt() {
        List<HolWait> waits = new ArrayList<>();
        HolTracker tracker = new HolTracker(0, true, false, 1L, waits);
        tracker.onData(0, 1, 10, 1_000, 0, 0);
        tracker.onData(1, 21, 10, 2_000, 1, 1);   // bytes 11-20 are missing: waits
        tracker.onData(2, 31, 10, 2_500, 1, 1);   // waits too
        tracker.onData(3, 21, 10, 2_600, 1, 1);   // a duplicate of a waiting range changes nothing
        tracker.onData(4, 11, 10, 5_000, 0, 1);   // subflow 0 fills the gap with data first sent on subflow 1
        tracker.onData(5, 61, 10, 6_000, 1, 1);   // never released within the capture
        tracker.finish();

        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isEqualTo(new HolWait(0, true, false, 21, 10, 1, 1, 0, 2, 5L, 2_000, 3_000L));
        assertThat(waits.get(1)).isEqualTo(new HolWait(0, true, false, 31, 10, 1, 1, 0, 3, 5L, 2_500, 2_500L));
        assertThat(waits.get(2).waitNanos()).isNull();
        assertThat(waits.get(2).blockingSubflow()).isNull();
        assertThat(tracker.blockedNanos()).isEqualTo(3_000); // 2,000 to 5,000, then 6,000 to the end
        assertThat(tracker.dataNanos()).isEqualTo(5_000);
    }

    @Test
    void withoutTheIdsnTheFirstDataSeenStartsTheStream() {
        List<HolWait> waits = new ArrayList<>();
        HolTracker tracker = new HolTracker(0, false, true, null, waits);
        tracker.onData(0, 500, 100, 1_000, 0, 0);
        tracker.onData(1, 600, 100, 1_100, 0, 0);
        tracker.finish();
        assertThat(waits).isEmpty();
        assertThat(tracker.blockedNanos()).isZero();
    }
}
