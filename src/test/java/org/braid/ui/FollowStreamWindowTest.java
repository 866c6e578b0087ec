package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.stream.FollowDirection;
import org.braid.stream.FollowTarget;
import org.braid.stream.KnownPayload;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamSide;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.braid.ui.controller.FollowStreams;
import org.braid.ui.viewmodel.FollowViewModel;
import org.braid.ui.viewmodel.FollowViewModel.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Analyze > Follow MPTCP Stream on a two-subflow trace with a known payload (make-traces.sh, payload.py). */
@ExtendWith(ApplicationExtension.class)
class FollowStreamWindowTest {
    private static final Path TWO_SUBFLOWS = Traces.sampleDir().resolve("follow-two-subflows.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @TempDir Path dir;

    @AfterEach
    void closeFollowWindows() {
        fxRun(() -> followWindows().forEach(Stage::close));
    }

    @Test
    void theAnalyzeMenuFollowsTheSelectedPacketsConnectionInBothDirectionsAndColours(FxRobot robot) {
        driver.openAndWait(TWO_SUBFLOWS);
        fxRun(() -> driver.viewModel().select(3));
        fxRun(() -> analyzeItem("Follow _MPTCP Stream").fire());
        Stage dialog = awaitFollowWindow();
        ListView<Line> lines = linesOf(dialog);
        WindowDriver.waitUntil("the first page shows", () -> !lines.getItems().isEmpty());
        assertThat(dialog.getTitle()).contains("mptcp.connection == 0");

        // The client sends 100000 bytes before the server's first answer: page through to it.
        WindowDriver.waitUntil("a server chunk shows", () -> {
            if (lines.getItems().stream().noneMatch(l -> l.side() == StreamSide.SERVER)) {
                button(dialog, "Next Pa_ge").fire();
            }
            return lines.getItems().stream().anyMatch(l -> l.side() == StreamSide.SERVER);
        });
        Set<StreamSide> sides = fx(() -> lines.getItems().stream().map(Line::side).collect(Collectors.toSet()));
        assertThat(sides).containsExactlyInAnyOrder(StreamSide.CLIENT, StreamSide.SERVER);
        int server = fx(() -> indexOf(lines, l -> l.side() == StreamSide.SERVER));
        fxRun(() -> lines.scrollTo(Math.max(0, server - 1)));
        WindowDriver.waitUntil("both colours are drawn", () ->
                !dialog.getScene().getRoot().lookupAll(".follow-server").isEmpty()
                        && !dialog.getScene().getRoot().lookupAll(".follow-client").isEmpty());
        assertThat(fx(() -> lines.getItems().stream().map(Line::subflow).collect(Collectors.toSet())))
                .contains(0, 1);
        assertThat(fx(() -> dialog.getScene().getRoot().lookupAll(".follow-subflow-0").size()
                + dialog.getScene().getRoot().lookupAll(".follow-subflow-1").size())).isPositive();

        // A click on a chunk selects its packet in the main window.
        ListCell<?> cell = fx(() -> visibleCells(lines).stream()
                .filter(c -> c.getItem() != null && ((Line) c.getItem()).side() == StreamSide.SERVER)
                .findFirst().orElseThrow());
        long packet = fx(() -> ((Line) cell.getItem()).packetNumber());
        robot.clickOn(cell);
        WindowDriver.waitUntil("the chunk's packet is selected",
                () -> driver.viewModel().selectedProperty().get() == packet - 1);
    }

    @Test
    void savingWritesEachDirectionsBytesAndTheShownText() throws IOException {
        driver.openAndWait(TWO_SUBFLOWS);
        FollowViewModel follow = openFollow(FollowTarget.mptcpConnection(0)).viewModel();
        Path client = dir.resolve("client.bin");
        Path server = dir.resolve("server.bin");
        Path text = dir.resolve("shown.txt");
        fxRun(() -> follow.saveBytes(StreamSide.CLIENT, client, () -> { }));
        WindowDriver.waitUntil("the client's bytes are saved", () -> follow.statusProperty().get().startsWith("Saved"));
        fxRun(() -> follow.saveBytes(StreamSide.SERVER, server, () -> { }));
        WindowDriver.waitUntil("the server's bytes are saved", () -> follow.statusProperty().get().contains("server"));
        fxRun(() -> follow.directionProperty().set(FollowDirection.SERVER));
        fxRun(() -> follow.formatProperty().set(StreamFormat.HEX));
        fxRun(() -> follow.saveText(text, () -> { }));
        WindowDriver.waitUntil("the text is saved", () -> follow.statusProperty().get().contains("shown text"));

        assertThat(KnownPayload.sha256(Files.readAllBytes(client))).isEqualTo(KnownPayload.sha256(11, 300_000));
        assertThat(KnownPayload.sha256(Files.readAllBytes(server))).isEqualTo(KnownPayload.sha256(12, 90_000));
        // The hex dump of the server's bytes, read back, is those bytes.
        ByteArrayOutputStream dumped = new ByteArrayOutputStream();
        for (String line : Files.readAllLines(text)) {
            assertThat(line).matches("[0-9a-f]{8}  .*");
            dumped.writeBytes(HexFormat.of().parseHex(line.substring(10, Math.min(line.length(), 59)).replace(" ", "")));
        }
        assertThat(KnownPayload.sha256(dumped.toByteArray())).isEqualTo(KnownPayload.sha256(12, 90_000));
    }

    @Test
    void holesAreDrawnAndTheFilterButtonsFilterThePacketList(FxRobot robot) throws IOException {
        Path cut = dir.resolve("snaplen-160.pcap");
        Files.write(cut, PcapEdits.withSnaplen(Files.readAllBytes(TWO_SUBFLOWS), 160));
        driver.openAndWait(cut);
        fxRun(() -> driver.viewModel().select(3));
        TableView<?> packets = robot.lookup(".packet-list").queryAs(TableView.class);
        MenuItem follow = fx(() -> packets.getContextMenu().getItems().get(0));
        assertThat(follow.getText()).isEqualTo("Follow MPTCP Stream");
        fxRun(follow::fire);
        Stage dialog = awaitFollowWindow();
        ListView<Line> lines = linesOf(dialog);
        WindowDriver.waitUntil("the first page shows", () -> !lines.getItems().isEmpty());
        List<Line> holes = fx(() -> lines.getItems().stream().filter(Line::hole).toList());
        assertThat(holes).isNotEmpty();
        assertThat(holes.get(0).text()).matches("\\[\\d+ bytes missing: DSN \\d+–\\d+, not in the capture]");
        WindowDriver.waitUntil("a hole is drawn", () -> !dialog.getScene().getRoot().lookupAll(".follow-hole").isEmpty());

        fxRun(() -> button(dialog, "_Filter Out This Stream").fire());
        driver.waitIdle();
        assertThat(fx(() -> driver.viewModel().filterBar().appliedProperty().get()))
                .isEqualTo("!(mptcp.connection == 0)");
        fxRun(() -> button(dialog, "Show _Only This Stream").fire());
        driver.waitIdle();
        assertThat(fx(() -> driver.viewModel().filterBar().appliedProperty().get())).isEqualTo("mptcp.connection == 0");
    }

    @Test
    void aConnectionsContextMenuFollowsASubflowAsATcpStream(FxRobot robot) {
        driver.openAndWait(TWO_SUBFLOWS);
        var connections = fx(() -> driver.window.controller().connections().table());
        // The first group is the MPTCP connections; its first child is connection 0, whose second child is subflow 1.
        fxRun(() -> connections.getSelectionModel().select(
                connections.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(1)));
        MenuItem tcp = fx(() -> connections.getContextMenu().getItems().get(1));
        fxRun(() -> connections.getContextMenu().getOnShowing().handle(null));
        assertThat(fx(tcp::isDisable)).isFalse();
        fxRun(tcp::fire);
        Stage dialog = awaitFollowWindow();
        assertThat(dialog.getTitle()).contains("tcp.stream == 1");
        ListView<Line> lines = linesOf(dialog);
        WindowDriver.waitUntil("the first page shows", () -> !lines.getItems().isEmpty());
        assertThat(fx(() -> lines.getItems().stream().allMatch(l -> l.hole() || l.subflow() == 1))).isTrue();
    }

    private FollowStreams.Dialog openFollow(FollowTarget target) {
        FollowStreams.Dialog dialog = fx(() -> FollowStreams.open(driver.viewModel(), driver.window.stage(), target));
        WindowDriver.waitUntil("the stream is read", () -> dialog.viewModel().stream() != null
                && !dialog.viewModel().lines().isEmpty());
        return dialog;
    }

    private MenuItem analyzeItem(String text) {
        MenuBar bar = (MenuBar) driver.window.stage().getScene().getRoot().lookup(".menu-bar");
        Menu analyze = bar.getMenus().stream().filter(m -> m.getText().equals("_Analyze")).findFirst().orElseThrow();
        return analyze.getItems().stream().filter(i -> i.getText().equals(text)).findFirst().orElseThrow();
    }

    private static List<Stage> followWindows() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(Stage.class::isInstance)
                .map(Stage.class::cast).filter(s -> s.getTitle() != null && s.getTitle().startsWith("Follow "))
                .toList();
    }

    private static Stage awaitFollowWindow() {
        WindowDriver.waitUntil("a Follow Stream window shows", () -> !followWindows().isEmpty());
        return fx(() -> followWindows().get(0));
    }

    @SuppressWarnings("unchecked")
    private static ListView<Line> linesOf(Stage dialog) {
        return fx(() -> (ListView<Line>) dialog.getScene().getRoot().lookup(".follow-lines"));
    }

    private static Button button(Stage dialog, String text) {
        return (Button) dialog.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> text.equals(((Button) n).getText())).findFirst().orElseThrow();
    }

    private static List<ListCell<?>> visibleCells(ListView<Line> lines) {
        return lines.lookupAll(".list-cell").stream().filter(ListCell.class::isInstance).filter(Node::isVisible)
                .<ListCell<?>>map(n -> (ListCell<?>) n).toList();
    }

    private static int indexOf(ListView<Line> lines, java.util.function.Predicate<Line> test) {
        for (int i = 0; i < lines.getItems().size(); i++) {
            if (test.test(lines.getItems().get(i))) {
                return i;
            }
        }
        return -1;
    }
}
