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
import javafx.scene.control.SplitPane;
import org.braid.ui.analysis.Scope;
import org.braid.ui.charts.ChartKind;

/**
 * Takes the README's screenshots of the real window on a real display (run under Xvfb), from
 * snapshots of its nodes; not a test. Usage, from the project folder after
 * {@code mvn test-compile} and {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 * xvfb-run -s "-screen 0 1920x1080x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.braid.ui.ScreenshotTour sample-traces/dead-path.pcap docs/screenshots 1920 1080
 * </pre>
 * A size other than 1920x1080 names the window's picture after it ({@code main-window-1280x800.png})
 * and takes no chart pictures.

 */
public final class ScreenshotTour {
    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path trace = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        int width = args.length > 3 ? Integer.parseInt(args[2]) : 1920;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 1080;
        boolean full = width == 1920 && height == 1080;
        Files.createDirectories(out);
        MainWindow window = openWindow(trace, width, height);
        fx(() -> {
            window.viewModel().analysis().select(Scope.connection(0));
            return null;
        });
        waitFor(() -> window.viewModel().analysis().chartDataProperty().get() != null
                && !window.viewModel().busyProperty().get());
        fx(() -> {
            window.viewModel().goToPacket(firstReinjection(window));
            window.controller().connections().table().getSelectionModel().select(1);
            return null;
        });
        settle();
        capture(window.stage().getScene().getRoot(),
                out.resolve(full ? "main-window.png" : "main-window-" + width + "x" + height + ".png"));
        if (!full) {
            finish();
        }

        // The charts get most of the window.
        fx(() -> {
            ((SplitPane) window.stage().getScene().lookup("#workspace")).setDividerPositions(0.8);
            ((SplitPane) window.stage().getScene().lookup("#analysisPanes")).setDividerPositions(0.12);
            return null;
        });
        for (ChartKind kind : ChartKind.values()) {
            fx(() -> {
                window.controller().analysisTabs().tabs().getSelectionModel().select(kind.ordinal());
                return null;
            });
            settle();
            capture(window.controller().analysisTabs().viewer(kind), out.resolve(kind.fileName(0).replace("-0", "")));
        }
        // The Expert Info tab, with the connections panel and its health column above it.
        fx(() -> {
            ((SplitPane) window.stage().getScene().lookup("#analysisPanes")).setDividerPositions(0.3);
            var tabs = window.controller().analysisTabs().tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "expert-info-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
            return null;
        });
        settle();
        capture(window.stage().getScene().lookup("#analysisPanes"), out.resolve("expert-info.png"));
        finish();
    }

    private static long firstReinjection(MainWindow window) {
        var reinjections = window.viewModel().analysis().reinjections();
        return reinjections.isEmpty() ? 1 : reinjections.get(0).packet();
    }
}
