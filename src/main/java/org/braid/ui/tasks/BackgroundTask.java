package org.braid.ui.tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Work for a {@link TaskExecutor}, as JabRef's {@code BackgroundTask}: a title, the work (a plain
 * {@link BackgroundWork}), and what to do with its outcome. The outcome callbacks and the progress
 * property run on the executor's UI side, so a view model that takes an executor can be tested with
 * one that runs everything on the calling thread. Exactly one of success, failure or cancellation
 * follows each run; a task cancelled while it runs ends as cancelled even if its work completed.
 */
public final class BackgroundTask<T> {
    private final String title;
    private final BackgroundWork<T> work;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private volatile boolean cancelled;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(String title, BackgroundWork<T> work) {
        this.title = title;
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(String title, BackgroundWork<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    /** Asks the work to stop; its cancellation callback follows once it has. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String title() {
        return title;
    }

    /** From 0 to 1, updated on the UI side. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Runs the work on the calling thread and hands its outcome and progress to {@code ui}. For
     * executors; progress updates never queue up on {@code ui} (at most one is pending).
     */
    public void run(Executor ui) {
        Reporter reporter = new Reporter(ui);
        T value;
        try {
            value = work.call(reporter);
        } catch (CancellationException e) {
            ui.execute(onCancelled);
            return;
        } catch (Exception | LinkageError | AssertionError e) {
            ui.execute(() -> {
                if (cancelled) {
                    onCancelled.run();
                } else {
                    onFailure.accept(e);
                }
            });
            return;
        }
        ui.execute(() -> {
            if (cancelled) {
                onCancelled.run();
            } else {
                progress.set(1);
                onSuccess.accept(value);
            }
        });
    }

    /** Passes progress to the UI side, folding updates made while one is pending. */
    private final class Reporter implements TaskProgress {
        private final Executor ui;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile double latest;

        Reporter(Executor ui) {
            this.ui = ui;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void update(long done, long total) {
            latest = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
            if (pending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    pending.set(false);
                    progress.set(latest);
                });
            }
        }
    }
}
