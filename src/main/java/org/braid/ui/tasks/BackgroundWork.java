package org.braid.ui.tasks;

/** The body of a {@link BackgroundTask}: a plain callable that reports progress and looks for cancellation. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T call(TaskProgress progress) throws Exception;
}
