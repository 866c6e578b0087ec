package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.braid.testing.Traces;
import org.braid.ui.analysis.ChecksumRow;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.analysis.Figures;
import org.braid.ui.packets.PacketRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What a Wireshark user reaches for, in the real window: header sorts, relative numbers, coloured verdicts. */
@ExtendWith(ApplicationExtension.class)
class WiresharkHabitsTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @SuppressWarnings("unchecked")
    private static TableView<PacketRow> packetList(FxRobot robot) {
        return robot.lookup(".packet-list").queryAs(TableView.class);
    }

    private static Node header(FxRobot robot, String table, String title) {
        return robot.lookup(table + " .column-header").match(n -> n instanceof TableColumnHeader h
                && h.getTableColumn() != null && title.equals(h.getTableColumn().getText())).query();
    }

    @Test
    void aClickOnTheLengthHeaderSortsThePacketListAndASecondReversesIt(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        var index = driver.viewModel().traceProperty().get().index();
        robot.clickOn(header(robot, ".packet-list", "Length"));
        WindowDriver.waitUntil("the list is sorted", () -> driver.viewModel().sort() != null
                && !driver.viewModel().busyProperty().get());
        TableView<PacketRow> table = packetList(robot);
        List<Integer> lengths = fx(() -> table.getItems().stream().map(r -> index.originalLength(r.index())).toList());
        assertThat(lengths).isSorted();
        assertThat(lengths.get(0)).isLessThan(lengths.get(lengths.size() - 1));

        robot.clickOn(header(robot, ".packet-list", "Length"));
        WindowDriver.waitUntil("the list is sorted the other way", () -> !driver.viewModel().sort().ascending()
                && !driver.viewModel().busyProperty().get());
        int first = fx(() -> index.originalLength(table.getItems().get(0).index()));
        assertThat(first).isEqualTo(lengths.get(lengths.size() - 1));
    }

    @Test
    void theConnectionsPanelSortsItsFiguresAsNumbers(FxRobot robot) {
        driver.openAndWait(Traces.sampleTrace("many-connections.pcap"));
        var table = fx(() -> driver.window.controller().connections().table());
        var column = fx(() -> table.getColumns().stream()
                .filter(c -> "connections-client-sent".equals(c.getId())).findFirst().orElseThrow());
        fxRun(() -> {
            column.setSortType(javafx.scene.control.TreeTableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(column));
        });
        List<String> sent = fx(() -> table.getRoot().getChildren().get(0).getChildren().stream()
                .map(TreeItem::getValue).map(ConnectionRow::sent).toList());
        assertThat(sent).hasSizeGreaterThan(1);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Figures.value(sent.get(i - 1))).as(sent.toString()).isGreaterThanOrEqualTo(Figures.value(sent.get(i)));
        }
    }

    @Test
    void aFailedChecksumRowIsColouredAndTheChecksumTableSorts(FxRobot robot) {
        driver.openAndWait(Traces.sampleTrace("checksum-fail-one-subflow.pcap"));
        WindowDriver.waitUntil("the checksums are listed", () -> !driver.viewModel().analysis().checksums().isEmpty());
        var tabs = fx(() -> driver.window.controller().analysisTabs().tabs());
        fxRun(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().startsWith("Checksums")).findFirst().orElseThrow()));
        TableView<ChecksumRow> table = fx(() -> driver.window.controller().analysisTabs().checksums());
        robot.clickOn(header(robot, ".checksum-table", "Verdict"));
        WindowDriver.waitUntil("the table is sorted by verdict", () -> !table.getSortOrder().isEmpty());
        // "failed" sorts before "verified": the failed rows come first, and carry the failure's colour.
        assertThat(fx(() -> table.getItems().get(0).verdict().name())).isEqualTo("FAILED");
        WindowDriver.waitUntil("the first row is drawn failed", () -> robot.lookup(".checksum-table .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == 0).queryAs(TableRow.class).getStyleClass()
                .contains("checksum-failed"));
        TableRow<?> last = robot.lookup(".checksum-table .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == table.getItems().size() - 1).queryAs(TableRow.class);
        assertThat(fx(() -> List.copyOf(last.getStyleClass()))).doesNotContain("checksum-failed");
        // A single click on a row selects its packet: on its first cell, since the row, its columns
        // sized to their content, may be wider than the table and its centre out of sight.
        long packet = fx(() -> table.getItems().get(0).packet());
        TableRow<?> first = robot.lookup(".checksum-table .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == 0).queryAs(TableRow.class);
        robot.clickOn(robot.from(first).lookup(".table-cell").<javafx.scene.Node>query());
        WindowDriver.waitUntil("its packet is selected", () -> driver.viewModel().selectedProperty().get() == packet - 1);
    }

    @Test
    void theViewMenuSwitchesInfoToAbsoluteSequenceNumbers(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        TableView<PacketRow> table = packetList(robot);
        int info = fx(() -> table.getColumns().size() - 1);
        assertThat(cell(table, info, 0)).contains(" Seq=0 ");
        CheckMenuItem absolute = fx(() -> ((MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(CheckMenuItem.class::isInstance)
                .map(CheckMenuItem.class::cast).filter(i -> i.getText().contains("Absolute TCP Sequence")).findFirst()
                .orElseThrow());
        fxRun(() -> absolute.setSelected(!absolute.isSelected()));
        long seq = fx(() -> {
            var decoding = new org.braid.ui.packets.PacketDecoding(driver.viewModel().traceProperty().get());
            decoding.load(0);
            return decoding.packet().sequenceNumber();
        });
        assertThat(cell(table, info, 0)).contains(" Seq=" + seq + " ");
        assertThat(new org.braid.ui.prefs.UiPreferences(driver.preferences).absoluteSequence()).isTrue();
        fxRun(() -> absolute.setSelected(!absolute.isSelected()));
        assertThat(cell(table, info, 0)).contains(" Seq=0 ");
    }

    @Test
    void theDirectionSelectorChartsTheOtherSideAndBoth(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        WindowDriver.waitUntil("the charts are drawn", () -> driver.viewModel().analysis().chartDataProperty().get() != null);
        var analysis = driver.viewModel().analysis();
        org.braid.ui.charts.ChartDirection main = fx(() -> analysis.chartDataProperty().get().charted());
        org.braid.ui.charts.ChartDirection other = main == org.braid.ui.charts.ChartDirection.CLIENT_TO_SERVER
                ? org.braid.ui.charts.ChartDirection.SERVER_TO_CLIENT : org.braid.ui.charts.ChartDirection.CLIENT_TO_SERVER;
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.braid.ui.charts.ChartDirection> selector = robot.lookup(".chart-direction")
                .match(Node::isVisible).queryAs(javafx.scene.control.ComboBox.class);
        assertThat(fx(selector::getValue)).isEqualTo(main);
        robot.clickOn(selector);
        robot.clickOn(other.toString());
        WindowDriver.waitUntil("the other direction is charted", () -> analysis.chartDataProperty().get() != null
                && analysis.chartDataProperty().get().charted() == other);
        var viewer = fx(() -> driver.window.controller().analysisTabs().viewer(org.braid.ui.charts.ChartKind.TIMELINE));
        WindowDriver.waitUntil("the timeline is redrawn", () -> viewer.getChart() != null
                && viewer.getChart().getTitle().getText().endsWith(analysis.chartDataProperty().get().direction()));

        fxRun(() -> selector.setValue(org.braid.ui.charts.ChartDirection.BOTH));
        WindowDriver.waitUntil("both directions are charted", () -> analysis.chartDataProperty().get() != null
                && analysis.chartDataProperty().get().charted() == org.braid.ui.charts.ChartDirection.BOTH);
        int subflows = fx(() -> analysis.chartDataProperty().get().subflowNames().size());
        WindowDriver.waitUntil("the timeline has a series per subflow and direction", () -> viewer.getChart() != null
                && viewer.getChart().getXYPlot().getDataset(0).getSeriesCount() == 2 * subflows);
    }

    @Test
    void aSmallWindowKeepsEveryPaneAndCannotShrinkPastItsMinimum(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        Stage stage = driver.window.stage();
        fxRun(() -> {
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String pane : List.of(".packet-list", ".packet-tree", ".packet-bytes", ".connections", ".analysis-tabs")) {
            Node node = robot.lookup(pane).query();
            assertThat(fx(() -> node.getLayoutBounds().getHeight())).as(pane).isGreaterThanOrEqualTo(40);
            assertThat(fx(() -> node.getLayoutBounds().getWidth())).as(pane).isGreaterThanOrEqualTo(200);
        }
        assertThat(fx(stage::getMinWidth)).isEqualTo(800);
        assertThat(fx(stage::getMinHeight)).isEqualTo(500);
    }

    @Test
    void aRightClickOnASourceCellAppliesItAsAFilterOrPreparesIt(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        TableView<PacketRow> table = packetList(robot);
        Node source = robot.lookup(".packet-list .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 0)
                .lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                        && "Source".equals(c.getTableColumn().getText())).query();
        String address = fx(() -> ((javafx.scene.control.TableCell<?, ?>) source).getText());
        robot.rightClickOn(source);
        robot.clickOn(shown(robot, "Apply as Filter"));
        robot.clickOn(shown(robot, "Selected"));
        WindowDriver.waitUntil("the filter is applied", () -> !driver.viewModel().busyProperty().get()
                && driver.viewModel().filterBar().appliedProperty().get().equals("ip.src == " + address));
        int shown = fx(() -> table.getItems().size());
        assertThat(shown).isPositive().isLessThan(fx(() -> driver.viewModel().traceProperty().get().index().size()));
        assertThat(cell(table, 2, shown - 1)).isEqualTo(address);

        WaitForAsyncUtils.waitForFxEvents();
        Node length = robot.lookup(".packet-list .table-row-cell").match(n -> ((TableRow<?>) n).getIndex() == 0
                        && n.isVisible() && n.getScene() != null)
                .lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getScene() != null && "Length".equals(c.getTableColumn().getText())).query();
        String bytes = fx(() -> ((javafx.scene.control.TableCell<?, ?>) length).getText());
        robot.rightClickOn(length);
        robot.clickOn(shown(robot, "Prepare as Filter"));
        // Across to the submenu first, then down: a diagonal would pass over the other entries and close it.
        robot.clickOn(shown(robot, "\u2026and Selected"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
        assertThat(fx(() -> driver.viewModel().filterBar().textProperty().get()))
                .isEqualTo("(ip.src == " + address + ") && frame.len == " + bytes);
        assertThat(driver.viewModel().filterBar().appliedProperty().get()).as("only prepared")
                .isEqualTo("ip.src == " + address);
    }

    @Test
    void ctrlAlt7ShowsTheTimeSinceThePreviousDisplayedPacket(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        fxRun(() -> driver.viewModel().filterBy("frame.len == 84"));
        driver.waitIdle();
        TableView<PacketRow> table = packetList(robot);
        var index = driver.viewModel().traceProperty().get().index();
        int first = fx(() -> table.getItems().get(0).index());
        int second = fx(() -> table.getItems().get(1).index());
        fxRun(() -> table.requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT)
                .type(javafx.scene.input.KeyCode.DIGIT7)
                .release(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WindowDriver.waitUntil("the time format switches", () -> driver.viewModel().timeFormatProperty().get()
                == org.braid.ui.packets.TimeFormat.SINCE_PREVIOUS_DISPLAYED);
        assertThat(cell(table, 1, 1)).isEqualTo(org.braid.ui.packets.StandardColumn.relativeSeconds(
                index.timestampNanos(second) - index.timestampNanos(first)));
        assertThat(new org.braid.ui.prefs.UiPreferences(driver.preferences).timeFormat())
                .isEqualTo("SINCE_PREVIOUS_DISPLAYED");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT)
                .type(javafx.scene.input.KeyCode.DIGIT5)
                .release(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WindowDriver.waitUntil("back to the time since the start", () -> driver.viewModel().timeFormatProperty().get()
                == org.braid.ui.packets.TimeFormat.SINCE_START);
        assertThat(cell(table, 1, 1)).isEqualTo(org.braid.ui.packets.StandardColumn.relativeSeconds(
                index.relativeNanos(second)));
    }

    @Test
    void theColoringRulesListEveryColourAsTheListDrawsIt(FxRobot robot) {
        robot.clickOn("View");
        robot.clickOn(shown(robot, "Coloring Rules..."));
        javafx.scene.control.DialogPane dialog = WindowDriver.awaitDialog();
        assertThat(dialog.getHeaderText()).contains("first rule that applies");
        TableView<?> legend = (TableView<?>) dialog.lookup(".coloring-legend");
        assertThat(fx(() -> legend.getItems().size())).isEqualTo(org.braid.ui.packets.PacketColor.values().length);
        TableRow<?> reinjection = robot.lookup(".coloring-legend .table-row-cell")
                .match(n -> ((TableRow<?>) n).getStyleClass().contains(
                        org.braid.ui.packets.PacketColor.REINJECTION.styleClass()))
                .queryAs(TableRow.class);
        var fill = fx(() -> {
            reinjection.applyCss();
            return reinjection.getBackground().getFills().get(reinjection.getBackground().getFills().size() - 1)
                    .getFill();
        });
        assertThat(fill).isEqualTo(javafx.scene.paint.Color.web("#ffc46b"));
    }

    @Test
    void ctrlMMarksTheSelectedPacketWhiteOnBlack(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        fxRun(() -> driver.viewModel().select(2));
        fxRun(() -> packetList(robot).requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WindowDriver.waitUntil("packet 3 is marked", () -> driver.viewModel().isMarked(2));
        fxRun(() -> driver.viewModel().select(0));
        WindowDriver.waitUntil("its row is drawn marked", () -> robot.lookup(".packet-list .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == 2 && n.getScene() != null).queryAs(TableRow.class)
                .getStyleClass().contains("packet-marked"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT)
                .type(javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WindowDriver.waitUntil("the next mark is selected", () -> driver.viewModel().selectedProperty().get() == 2);
    }

    @Test
    void theFilterBarCompletesFieldNamesAndGuessesATypo(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        javafx.scene.control.TextField field = robot.lookup(".filter-bar .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        fxRun(() -> field.setText("ip.adr == 192.0.2.1"));
        assertThat(robot.lookup(".filter-message").queryLabeled().getText()).endsWith("did you mean 'ip.addr'?");
        fxRun(field::clear);
        // Focused on the UI thread, not clicked: a click reads the field's bounds from this thread,
        // which raced the filter bar's layout as its message went away.
        fxRun(field::requestFocus);
        robot.write("mptcp.con");
        WindowDriver.waitUntil("the completion shows", () -> robot.lookup(".auto-complete-popup .list-cell")
                .match(n -> n instanceof javafx.scene.control.ListCell<?> c && "mptcp.connection".equals(c.getText()))
                .tryQuery().isPresent());
    }

    /** The menu entry labelled {@code text} on screen now (menus shown before leave hidden copies). */
    private static Node shown(FxRobot robot, String text) {
        return robot.lookup(text).match(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).query();
    }

    @SuppressWarnings("unchecked")
    private static String cell(TableView<PacketRow> table, int column, int row) {
        return fx(() -> String.valueOf(((TableColumn<PacketRow, ?>) table.getColumns().get(column)).getCellData(row)));
    }
}
