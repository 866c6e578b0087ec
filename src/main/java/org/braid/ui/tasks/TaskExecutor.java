package org.braid.ui.tasks;

/**
 * Where view models run work: tasks in the background with their outcome on the UI thread, plain
 * runnables on either side, and delayed actions on the UI thread. The window passes
 * {@link FxTaskExecutor}; tests pass one that runs everything at once on the calling thread.
 */
public interface TaskExecutor {
    /** Starts {@code task}: its work in the background, its callbacks on the UI thread. */
    <T> void execute(BackgroundTask<T> task);

    void runInBackground(Runnable action);

    void runOnUi(Runnable action);

    /** Runs {@code action} on the UI thread once {@code nanos} have passed. */
    void schedule(long nanos, Runnable action);
}
