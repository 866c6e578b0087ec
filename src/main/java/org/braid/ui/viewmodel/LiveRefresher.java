package org.braid.ui.viewmodel;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Refreshes a view from snapshots of something that changes on another thread, without ever
 * queueing work faster than it is done: {@link #request()} (from any thread, as often as it likes)
 * takes a snapshot on {@code background} and applies it on {@code ui}; while one refresh is in
 * flight, further requests fold into a single follow-up. So the UI thread only ever applies a
 * ready snapshot and a slow UI sees fewer, never queued-up, refreshes.
 */
final class LiveRefresher<T> {
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AND_ASKED_AGAIN = 2;

    private final Supplier<T> snapshot;
    private final Consumer<T> apply;
    private final Executor background;
    private final Executor ui;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    LiveRefresher(Supplier<T> snapshot, Consumer<T> apply, Executor background, Executor ui) {
        this.snapshot = snapshot;
        this.apply = apply;
        this.background = background;
        this.ui = ui;
    }

    /** Asks for a refresh; returns at once. */
    void request() {
        while (true) {
            int now = state.get();
            if (now == IDLE && state.compareAndSet(IDLE, RUNNING)) {
                background.execute(this::take);
                return;
            }
            if (now != IDLE && state.compareAndSet(now, RUNNING_AND_ASKED_AGAIN)) {
                return;
            }
        }
    }

    private void take() {
        T taken;
        try {
            taken = snapshot.get();
        } catch (RuntimeException e) {
            state.set(IDLE);
            throw e;
        }
        ui.execute(() -> {
            try {
                apply.accept(taken);
            } finally {
                done();
            }
        });
    }

    /** After an applied refresh: idle, or one more round when asked meanwhile. */
    private void done() {
        if (state.compareAndSet(RUNNING, IDLE)) {
            return;
        }
        state.set(RUNNING);
        background.execute(this::take);
    }
}
