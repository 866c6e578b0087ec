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
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.ui.packets.ConversationColor;

/**
 * Takes the README's pictures of custom columns (Apply as Column, a colorized conversation) and of
 * Statistics > Conversations on a real 1920x1080 display (run under Xvfb, as
 * {@link ScreenshotTour} says); not a test. Arguments: the trace, the output folder.
 */
public final class ColumnsScreenshot {
    private ColumnsScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path trace = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        Files.createDirectories(out);
        MainWindow window = openWindow(trace, 1920, 1080);
        fx(() -> {
            window.controller().packetList().applyAsColumn("tcp.len");
            window.controller().packetList().applyAsColumn("mptcp.reinjection_of");
            window.viewModel().conversationColoring().colorize("subflow", "tcp.stream == 1", ConversationColor.GREEN);
            return null;
        });
        settle();
        capture(fx(() -> window.controller().packetList().table()), out.resolve("custom-columns.png"));
        fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menuBar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "conversationsItem".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        Stage conversations = fx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Conversations"))
                .findFirst().orElseThrow());
        TabPane tabs = fx(() -> (TabPane) conversations.getScene().getRoot().lookup(".tab-pane"));
        waitFor(() -> !((TableView<?>) tabs.getTabs().get(0).getContent()).getItems().isEmpty());
        settle();
        capture(conversations.getScene().getRoot(), out.resolve("conversations-mptcp.png"));
        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        settle();
        capture(conversations.getScene().getRoot(), out.resolve("conversations-tcp.png"));
        finish();
    }
}
