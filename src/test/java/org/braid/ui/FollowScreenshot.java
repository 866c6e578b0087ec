package org.braid.ui;

import static org.braid.ui.ScreenshotTools.finish;
import static org.braid.ui.ScreenshotTools.fx;
import static org.braid.ui.ScreenshotTools.openWindow;
import static org.braid.ui.ScreenshotTools.waitFor;
import static org.braid.ui.ScreenshotTools.write;

import java.nio.file.Path;
import java.nio.file.Paths;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import org.braid.stream.FollowTarget;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamSide;
import org.braid.ui.controller.FollowStreams;
import org.braid.ui.viewmodel.FollowViewModel;

/**
 * Takes the README's screenshot of the Follow MPTCP Stream dialog on a real display (run under
 * Xvfb); not a test. The dialog's scene is snapshot and written as PNG. Usage, after
 * {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 * DISPLAY=:N java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.braid.ui.FollowScreenshot sample-traces/follow-two-subflows.pcap docs/screenshots/follow-stream.png
 * </pre>
 */
public final class FollowScreenshot {
    private FollowScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path trace = Paths.get(args[0]);
        Path png = Paths.get(args[1]);
        MainWindow window = openWindow(trace, 1400, 900);
        FollowStreams.Dialog dialog = fx(() -> FollowStreams.open(window.viewModel(), window.stage(),
                FollowTarget.mptcpConnection(0)));
        FollowViewModel follow = dialog.viewModel();
        waitFor(() -> follow.stream() != null && !follow.lines().isEmpty());
        fx(() -> {
            dialog.stage().setX(40);
            dialog.stage().setY(40);
            dialog.stage().setWidth(1100);
            dialog.stage().setHeight(760);
            follow.formatProperty().set(StreamFormat.HEX);
            return null;
        });
        // Page on to where the server's first answer comes between the client's chunks.
        waitFor(() -> {
            if (follow.lines().stream().noneMatch(l -> l.side() == StreamSide.SERVER)) {
                follow.nextPage();
            }
            return follow.lines().stream().anyMatch(l -> l.side() == StreamSide.SERVER);
        });
        fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<FollowViewModel.Line> lines = (ListView<FollowViewModel.Line>) dialog.stage().getScene()
                    .lookup(".follow-lines");
            int server = 0;
            while (follow.lines().get(server).side() != StreamSide.SERVER) {
                server++;
            }
            lines.scrollTo(Math.max(0, server - 1));
            return null;
        });
        Thread.sleep(1500);
        WritableImage image = fx(() -> dialog.stage().getScene().snapshot(null));
        write(image, png);
        finish();
    }
}
