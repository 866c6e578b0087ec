package org.braid.ui.tasks;

import java.util.concurrent.CancellationException;

/** What background work may tell and ask while it runs, from its own thread. */
public interface TaskProgress {
    /** Progress for work that nobody watches and nobody cancels. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public boolean isCancelled() { return false; }

        @Override
        public void update(long done, long total) { }
    };

    boolean isCancelled();

    /** Reports {@code done} of {@code total}; cheap, call it every few thousand items. */
    void update(long done, long total);

    /** Ends the work with a {@link CancellationException} once it was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException();
        }
    }
}
