package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.capture.CaptureStatistics;
import org.junit.jupiter.api.Test;

/** The status bar's live counter names all three counters, while capturing and after. */
class CaptureCounterTest {
    @Test
    void counterShowsReceivedAndBothDrops() {
        CaptureStatistics statistics = new CaptureStatistics(120, 125, 3, 2, 1_000_000_000L);
        assertThat(CaptureViewModel.counter(statistics, true))
                .isEqualTo("Capturing: 125 received · 3 dropped by kernel · 2 dropped by interface");
        assertThat(CaptureViewModel.counter(statistics, false)).startsWith("Captured: 125 received");
    }
}
