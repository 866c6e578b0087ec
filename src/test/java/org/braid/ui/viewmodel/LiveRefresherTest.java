package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Requests fold while a refresh is in flight; the UI applies each taken snapshot once, in order. */
class LiveRefresherTest {
    /** An executor that runs its tasks only when the test says so. */
    private static final class Manual implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            tasks.remove().run();
        }
    }

    private final Manual background = new Manual();
    private final Manual ui = new Manual();
    private final AtomicInteger source = new AtomicInteger();
    private final List<Integer> applied = new ArrayList<>();
    private final LiveRefresher<Integer> refresher =
            new LiveRefresher<>(source::get, applied::add, background, ui);

    @Test
    void oneRequestTakesOneSnapshotOffTheUiThreadAndAppliesItOnIt() {
        source.set(7);
        refresher.request();
        assertThat(ui.tasks).isEmpty();
        background.runOne();
        assertThat(applied).isEmpty();
        ui.runOne();
        assertThat(applied).containsExactly(7);
        assertThat(background.tasks).isEmpty();
        assertThat(ui.tasks).isEmpty();
    }

    @Test
    void requestsWhileBusyFoldIntoOneFollowUpWithTheLatestState() {
        source.set(1);
        refresher.request();
        refresher.request();
        refresher.request();
        assertThat(background.tasks).hasSize(1);
        background.runOne();
        source.set(2);
        refresher.request();
        refresher.request();
        assertThat(background.tasks).isEmpty();
        ui.runOne(); // applies 1, then starts the single follow-up
        assertThat(background.tasks).hasSize(1);
        background.runOne();
        ui.runOne();
        assertThat(applied).containsExactly(1, 2);
        assertThat(background.tasks).isEmpty();
        refresher.request();
        assertThat(background.tasks).hasSize(1);
    }
}
