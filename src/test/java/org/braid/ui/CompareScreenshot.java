package org.braid.ui;

import static org.braid.ui.ScreenshotTools.BACKGROUND;
import static org.braid.ui.ScreenshotTools.capture;
import static org.braid.ui.ScreenshotTools.finish;
import static org.braid.ui.ScreenshotTools.fx;
import static org.braid.ui.ScreenshotTools.openWindow;
import static org.braid.ui.ScreenshotTools.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javafx.scene.control.TabPane;
import org.braid.ui.compare.CompareWindow;

/**
 * Takes the README's screenshots of the comparison window on a real display (Xvfb) as snapshots
 * of the window's scene; not a test. Usage, as for {@link ScreenshotTour}:
 * <pre>
 * xvfb-run -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.braid.ui.CompareScreenshot sample-traces/pairs/dead-path-client.pcap \
 *     sample-traces/pairs/dead-path-server.pcap docs/screenshots
 * </pre>
 */
public final class CompareScreenshot {
    private static final String[] FILES = {"compare-owd.png", "compare-losses.png", "compare-reinjections.png",
        "compare-hol.png"};

    private CompareScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path first = Paths.get(args[0]);
        Path second = Paths.get(args[1]);
        Path out = Paths.get(args[2]);
        Files.createDirectories(out);
        MainWindow window = openWindow(first, 1000, 700);
        CompareWindow compare = fx(() -> {
            CompareWindow made = CompareWindow.open(window.stage(), window.viewModel(), BACKGROUND, first, second);
            made.stage().setX(0);
            made.stage().setY(0);
            made.stage().setWidth(1600);
            made.stage().setHeight(1000);
            return made;
        });
        waitFor(() -> compare.viewModel().chartsProperty().get() != null);
        fx(() -> {
            window.viewModel().select(30);
            return null;
        });
        for (int tab = 0; tab < FILES.length; tab++) {
            int selected = tab;
            fx(() -> {
                ((TabPane) compare.stage().getScene().lookup("#compareCharts")).getSelectionModel().select(selected);
                compare.stage().toFront();
                return null;
            });
            Thread.sleep(1500);
            // The whole window once; then the charts alone.
            capture(tab == 0 ? compare.stage().getScene().getRoot()
                    : compare.stage().getScene().lookup("#compareCharts"), out.resolve(FILES[tab]));
        }
        finish();
    }
}
