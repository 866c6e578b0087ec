package org.braid.ui;

import static org.braid.ui.ScreenshotTools.capture;
import static org.braid.ui.ScreenshotTools.fx;
import static org.braid.ui.ScreenshotTools.settle;
import static org.braid.ui.ScreenshotTools.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.braid.ui.find.FindQuery;
import org.braid.ui.prefs.UiPreferences;

/**
 * Takes the README's picture of Edit > Find Packet at 1280x800 on a real display (run under Xvfb,
 * as {@link ScreenshotTour} says); not a test. Arguments: the trace, the output folder.
 */
public final class FindScreenshot {
    private FindScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path trace = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Preferences node = Preferences.userRoot().node("org/braid/ui-screenshots/" + System.nanoTime());
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            MainWindow made = MainWindow.create(stage, new UiPreferences(node), Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "find-background");
                thread.setDaemon(true);
                return thread;
            }));
            stage.show();
            made.open(trace);
            return made;
        });
        waitFor(() -> window.viewModel().traceProperty().get() != null && !window.viewModel().busyProperty().get());
        fx(() -> {
            var find = window.viewModel().find();
            find.shownProperty().set(true);
            find.kindProperty().set(FindQuery.Kind.STRING);
            find.whereProperty().set(FindQuery.Where.PACKET_DETAILS);
            find.textProperty().set("reinjection of packet");
            find.findNext();
            return null;
        });
        waitFor(() -> !window.viewModel().find().searchingProperty().get());
        settle();
        capture(window.stage().getScene().getRoot(), out.resolve("find-packet.png"));
        Platform.exit();
        node.removeNode();
        System.exit(0);
    }
}
