package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live chart rebuilds start at most once per interval, never overlap, and fold requests into one follow-up. */
class ChartRefreshThrottleTest {
    private static final long SECOND = 1_000_000_000L;

    private long now = 10 * SECOND;
    private final List<long[]> delays = new ArrayList<>();
    private final List<Runnable> delayed = new ArrayList<>();
    private int builds;
    private boolean buildable = true;
    private final ChartRefreshThrottle throttle = new ChartRefreshThrottle(SECOND, () -> now,
            (nanos, task) -> {
                delays.add(new long[] {nanos});
                delayed.add(task);
            },
            () -> {
                if (buildable) {
                    builds++;
                }
                return buildable;
            });

    private void fireDelay() {
        Runnable task = delayed.remove(0);
        task.run();
    }

    @Test
    void theFirstRequestBuildsAtOnce() {
        throttle.request();
        assertThat(builds).isEqualTo(1);
        assertThat(delayed).isEmpty();
    }

    @Test
    void requestsWhileABuildRunsFoldIntoOneFollowUp() {
        throttle.request();
        for (int i = 0; i < 5; i++) {
            now += SECOND / 2;
            throttle.request();
        }
        assertThat(builds).isEqualTo(1);
        assertThat(throttle.pending()).isTrue();
        throttle.finished();
        assertThat(builds).isEqualTo(2);
        assertThat(throttle.pending()).isFalse();
        throttle.finished();
        assertThat(builds).isEqualTo(2);
        assertThat(delayed).isEmpty();
    }

    @Test
    void aQuickBuildWaitsOutTheIntervalBeforeTheNext() {
        throttle.request();
        now += SECOND / 10;
        throttle.finished();
        now += SECOND / 10;
        throttle.request();
        throttle.request();
        assertThat(builds).isEqualTo(1);
        assertThat(delays).hasSize(1);
        assertThat(delays.get(0)[0]).isEqualTo(SECOND * 8 / 10);
        now += SECOND * 8 / 10;
        fireDelay();
        assertThat(builds).isEqualTo(2);
        assertThat(delayed).isEmpty();
    }

    @Test
    void aFollowUpAfterAQuickBuildIsDelayedNotDropped() {
        throttle.request();
        throttle.request();
        now += SECOND / 4;
        throttle.finished();
        assertThat(builds).isEqualTo(1);
        assertThat(delays).hasSize(1);
        assertThat(delays.get(0)[0]).isEqualTo(SECOND * 3 / 4);
        now += SECOND * 3 / 4;
        fireDelay();
        assertThat(builds).isEqualTo(2);
    }

    @Test
    void aBuildStartedElsewhereCountsAsRunning() {
        throttle.started();
        throttle.request();
        assertThat(builds).isZero();
        now += 2 * SECOND;
        throttle.finished();
        assertThat(builds).isEqualTo(1);
    }

    @Test
    void clearedRequestsAreDropped() {
        throttle.request();
        throttle.request();
        throttle.clear();
        now += 2 * SECOND;
        throttle.finished();
        assertThat(builds).isEqualTo(1);
        assertThat(delayed).isEmpty();
    }

    @Test
    void nothingToBuildLeavesTheThrottleIdle() {
        buildable = false;
        throttle.request();
        buildable = true;
        now += 2 * SECOND;
        throttle.request();
        assertThat(builds).isEqualTo(1);
    }
}
