package org.braid.ui.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every task and action at once on the calling thread, so view models can be tested without
 * JavaFX's toolkit; delayed actions wait in a list until {@link #runDelayed()}, and tasks wait
 * while {@link #hold()} is in force, so a test can act while one is "running".
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final List<Runnable> delayed = new ArrayList<>();
    private final List<BackgroundTask<?>> held = new ArrayList<>();
    private boolean holding;

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (holding) {
            held.add(task);
        } else {
            task.run(Runnable::run);
        }
    }

    /** Keeps the next tasks waiting until {@link #release()}. */
    public void hold() {
        holding = true;
    }

    /** Runs the held tasks in the order they were started, and stops holding. */
    public void release() {
        holding = false;
        List<BackgroundTask<?>> due = new ArrayList<>(held);
        held.clear();
        due.forEach(task -> task.run(Runnable::run));
    }

    @Override
    public void runInBackground(Runnable action) {
        action.run();
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void schedule(long nanos, Runnable action) {
        delayed.add(action);
    }

    /** Runs the delayed actions scheduled so far, as if their time had come. */
    public void runDelayed() {
        List<Runnable> due = new ArrayList<>(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
    }
}
