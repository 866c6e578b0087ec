package org.braid.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;
import org.braid.ui.prefs.UiPreferences;

/** The desktop application: one main window on the given trace, or on the bundled sample. */
public final class BraidApp extends Application {
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "braid-background");
        thread.setDaemon(true); // a load in progress must not keep the program alive after the window closes
        return thread;
    });

    /** Starts JavaFX and shows the window; {@code args} holds at most the trace to open. Returns when it closes. */
    public static void launchWindow(String... args) {
        Application.launch(BraidApp.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        MainWindow window = MainWindow.create(stage, UiPreferences.user(), background);
        stage.show();
        List<String> files = getParameters().getUnnamed();
        if (files.isEmpty()) {
            window.openBundledSample();
        } else {
            Path file = Paths.get(files.get(0));
            window.open(file);
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
