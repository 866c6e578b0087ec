package org.braid.ui.tasks;

import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/** The window's executor: work on {@code background}, outcomes and delays on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private final Executor background;

    public FxTaskExecutor(Executor background) {
        this.background = background;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        background.execute(() -> task.run(Platform::runLater));
    }

    @Override
    public void runInBackground(Runnable action) {
        background.execute(action);
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void schedule(long nanos, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(nanos / 1e6));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
