package org.braid.ui;

import static org.braid.ui.ScreenshotTools.capture;
import static org.braid.ui.ScreenshotTools.finish;
import static org.braid.ui.ScreenshotTools.fx;
import static org.braid.ui.ScreenshotTools.openWindow;
import static org.braid.ui.ScreenshotTools.settle;
import static org.braid.ui.ScreenshotTools.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.braid.ui.find.FindQuery;

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
        MainWindow window = openWindow(trace, 1280, 800);
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
        finish();
    }
}
