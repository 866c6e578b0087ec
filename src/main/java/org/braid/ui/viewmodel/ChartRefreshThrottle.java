package org.braid.ui.viewmodel;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Paces the rebuilds of the charted connection's data during a live capture: {@link #request()}
 * as often as snapshots arrive, and a build starts at most once per interval and never while one
 * is still running; requests meanwhile fold into a single follow-up, started when the build has
 * finished and the interval has passed. Confined to one thread (the UI thread), so the clock, the
 * delay and the build are all injected and the pacing can be tested without a window.
 */
final class ChartRefreshThrottle {
    /** Runs a task once {@code nanos} have passed, on the same thread as the throttle. */
    interface Delay {
        void after(long nanos, Runnable task);
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Delay delay;
    private final BooleanSupplier build;
    private boolean asked;
    private boolean building;
    private boolean waiting;
    private boolean everStarted;
    private long lastStart;

    /**
     * @param build starts a build and returns true, then {@link #finished()} must follow; or
     *              returns false when there is nothing to build
     */
    ChartRefreshThrottle(long intervalNanos, LongSupplier clock, Delay delay, BooleanSupplier build) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.delay = delay;
        this.build = build;
    }

    /** Asks for a rebuild from the latest snapshot; returns at once. */
    void request() {
        asked = true;
        pump();
    }

    /** A build started elsewhere (a new selection): it counts as running and restarts the interval. */
    void started() {
        building = true;
        everStarted = true;
        lastStart = clock.getAsLong();
    }

    /** The running build has finished (succeeded, failed or was cancelled). */
    void finished() {
        building = false;
        pump();
    }

    /** Drops a pending request (the capture ended, or the trace was replaced). */
    void clear() {
        asked = false;
    }

    boolean pending() {
        return asked;
    }

    private void pump() {
        if (!asked || building || waiting) {
            return;
        }
        long now = clock.getAsLong();
        long wait = everStarted ? lastStart + intervalNanos - now : 0;
        if (wait > 0) {
            waiting = true;
            delay.after(wait, () -> {
                waiting = false;
                pump();
            });
            return;
        }
        asked = false;
        building = true;
        everStarted = true;
        lastStart = now;
        if (!build.getAsBoolean()) {
            building = false;
        }
    }
}
