package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingKind;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.analysis.ExpertRows;
import org.braid.ui.charts.ChartKind;
import org.braid.ui.charts.PacketDataset;
import org.braid.ui.charts.PacketSeries;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The expert findings in the window, headless: the Expert Info tab lists the dead path's findings
 * and a click selects the evidence packet; the health cell, the details tree, and the charts.
 */
@ExtendWith(ApplicationExtension.class)
class ExpertInfoWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    private Tab expertTab() {
        return fx(() -> driver.window.controller().analysisTabs().tabs().getTabs().stream()
                .filter(t -> "expert-info-tab".equals(t.getId())).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<ExpertRows> expertTable(FxRobot robot) {
        return robot.lookup("#expert-info").queryAs(TreeTableView.class);
    }

    @Test
    void expertTabListsTheDeadPathFindingsAndAClickSelectsTheEvidencePacket(FxRobot robot) throws Exception {
        AnalysisResult expected = MptcpAnalyzer.analyze(DEAD_PATH);
        driver.openAndWait(DEAD_PATH);
        Tab tab = expertTab();
        fxRun(() -> tab.getTabPane().getSelectionModel().select(tab));
        assertThat(fx(tab::getText)).isEqualTo("Expert Info (1 error, 2 warnings, 5 notes)");
        TreeTableView<ExpertRows> table = expertTable(robot);
        List<TreeItem<ExpertRows>> severities = fx(() -> List.copyOf(table.getRoot().getChildren()));
        assertThat(severities.stream().map(s -> s.getValue().text() + " " + s.getValue().count()))
                .containsExactly("Errors 1", "Warnings 2", "Notes 5");
        Set<String> listed = fx(() -> severities.stream().flatMap(s -> s.getChildren().stream())
                .flatMap(g -> g.getChildren().stream()).map(f -> f.getValue().text()).collect(Collectors.toSet()));
        assertThat(listed).isEqualTo(expected.findings().stream().map(Finding::summary).collect(Collectors.toSet()));

        // The path failure's line: a click charts connection 0 and selects its first evidence packet.
        TreeItem<ExpertRows> failure = fx(() -> severities.get(0).getChildren().get(0).getChildren().get(0));
        assertThat(failure.getValue().finding().kind()).isEqualTo(FindingKind.PATH_FAILURE);
        clickRow(robot, failure.getValue());
        WindowDriver.waitUntil("packet 1362 is selected", () -> driver.viewModel().selectedProperty().get() == 1361);
        assertThat(driver.viewModel().analysis().chartConnectionProperty().get()).isZero();

        // Expanded, the finding lists its packets; a click on one selects it.
        fxRun(() -> failure.setExpanded(true));
        ExpertRows retransmission = fx(() -> failure.getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.packet() == 1427).findFirst().orElseThrow());
        clickRow(robot, retransmission);
        WindowDriver.waitUntil("packet 1427 is selected", () -> driver.viewModel().selectedProperty().get() == 1426);
        List<DetailNode> tree = fx(() -> driver.viewModel().details().detailsProperty().get().tree());
        DetailNode expert = tree.get(tree.size() - 1);
        assertThat(expert.text()).startsWith("Expert Info (");
        assertThat(expert.children().get(0).text()).startsWith("[error/path] subflow 1 path failed");
    }

    @SuppressWarnings("ReferenceEquality") // the very row object shown in the tree
    private static void clickRow(FxRobot robot, ExpertRows value) {
        TreeTableView<ExpertRows> table = expertTable(robot);
        fxRun(() -> {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                if (table.getTreeItem(i).getValue() == value) {
                    table.scrollTo(i);
                }
            }
        });
        WindowDriver.waitUntil("the line is shown", () -> robot.lookup("#expert-info .tree-table-row-cell")
                .match(n -> ((TreeTableRow<?>) n).getItem() == value).tryQuery().isPresent());
        TreeTableRow<?> row = robot.lookup("#expert-info .tree-table-row-cell")
                .match(n -> ((TreeTableRow<?>) n).getItem() == value).queryAs(TreeTableRow.class);
        javafx.geometry.Bounds bounds = fx(() -> row.localToScreen(row.getBoundsInLocal()));
        robot.clickOn(new Point2D(bounds.getMinX() + 200, bounds.getCenterY()));
    }

    @Test
    void healthCellShowsTheWorstFindingWithTheRestInItsTooltip(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        WindowDriver.waitUntil("the health cells are drawn", () -> robot.lookup("#health").tryQuery().isPresent()
                || !robot.lookup(".connections .tree-table-cell").queryAll().isEmpty());
        List<TreeTableCell<?, ?>> cells = fx(() -> robot.lookup(".connections .tree-table-cell")
                .match(n -> n instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null
                        && "health".equals(c.getTableColumn().getId()) && c.getText() != null && !c.getText().isEmpty())
                .queryAll().stream().<TreeTableCell<?, ?>>map(n -> (TreeTableCell<?, ?>) n).toList());
        TreeTableCell<?, ?> connection = fx(() -> cells.stream()
                .filter(c -> c.getTableRow().getIndex() == 1).findFirst().orElseThrow());
        assertThat(fx(connection::getText)).startsWith("error: subflow 1 path failed").endsWith("(+7)");
        assertThat(fx(() -> connection.getTooltip().getText()).split("\n")).hasSize(8);
        assertThat(fx(() -> connection.getStyleClass().contains("expert-error"))).isTrue();
    }

    @Test
    void refusedReasonOnTheConnectionAndThePacket(FxRobot robot) {
        driver.openAndWait(Traces.sampleTrace("fallback-tcp.pcap"));
        fxRun(() -> driver.viewModel().goToPacket(2));
        WindowDriver.waitUntil("packet 2 is shown", () -> driver.viewModel().details().detailsProperty().get() != null
                && driver.viewModel().details().detailsProperty().get().packetNumber() == 2);
        List<DetailNode> tree = fx(() -> driver.viewModel().details().detailsProperty().get().tree());
        assertThat(tree.get(tree.size() - 1).children().get(0).text())
                .isEqualTo("[warning/handshake] 192.0.2.1:34940 -> 192.0.2.2:5201: SYN/ACK without MP_CAPABLE:"
                        + " the server refused MPTCP");
        List<String> healths = fx(() -> robot.lookup(".connections .tree-table-cell")
                .match(n -> n instanceof TreeTableCell<?, ?> c && c.getTableColumn() != null
                        && "health".equals(c.getTableColumn().getId()))
                .queryAll().stream().map(n -> ((TreeTableCell<?, ?>) n).getText()).toList());
        assertThat(healths).anyMatch(t -> t != null && t.startsWith("warning: ") && t.contains("refused MPTCP"));
    }

    @Test
    void chartsShowRttInFlightSilentGapsAndEveryEventType(FxRobot robot) throws Exception {
        AnalysisResult expected = MptcpAnalyzer.analyze(DEAD_PATH);
        driver.openAndWait(DEAD_PATH);
        WindowDriver.waitUntil("the charts are drawn", () -> driver.viewModel().analysis().chartDataProperty().get() != null
                && !driver.viewModel().busyProperty().get());
        var tabs = driver.window.controller().analysisTabs().tabs();
        assertThat(fx(() -> tabs.getTabs().stream().map(Tab::getText).toList())).contains("RTT", "In flight");

        fxRun(() -> tabs.getSelectionModel().select(ChartKind.RTT.ordinal()));
        XYPlot rtt = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.RTT).getChart().getXYPlot());
        List<PacketSeries> rttSeries = ((PacketDataset) rtt.getDataset()).series();
        assertThat(rttSeries).hasSize(2);
        assertThat(rttSeries.get(0).size()).isEqualTo(expected.paths().rttStats(0).samples());

        fxRun(() -> tabs.getSelectionModel().select(ChartKind.IN_FLIGHT.ordinal()));
        XYPlot flight = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.IN_FLIGHT).getChart()
                .getXYPlot());
        assertThat(((PacketDataset) flight.getDataset()).series().get(1).size()).isPositive();

        fxRun(() -> tabs.getSelectionModel().select(ChartKind.LIFECYCLE.ordinal()));
        XYPlot lifecycle = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.LIFECYCLE).getChart()
                .getXYPlot());
        var bars = (org.jfree.data.xy.XYIntervalSeriesCollection) lifecycle.getDataset(1);
        assertThat(bars.getSeries(2).getItemCount()).isEqualTo(1); // subflow 1's silence
        assertThat(bars.getSeries(2).getYValue(0)).isEqualTo(1.0);
        Set<String> marked = ((PacketDataset) lifecycle.getDataset(0)).series().stream().map(PacketSeries::name)
                .collect(Collectors.toSet());
        assertThat(marked).isEqualTo(expected.connections().get(0).events().stream().map(e -> e.type().name())
                .collect(Collectors.toSet()));
        assertThat(fx(() -> lifecycle.getLegendItems().getItemCount())).isGreaterThanOrEqualTo(marked.size());

        fxRun(() -> tabs.getSelectionModel().select(ChartKind.TIMELINE.ordinal()));
        XYPlot timeline = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.TIMELINE).getChart()
                .getXYPlot());
        var shaded = timeline.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND);
        assertThat(shaded).isNotNull();
        assertThat(((java.util.Collection<?>) shaded).stream()
                .map(m -> ((org.jfree.chart.plot.Marker) m).getLabel()).toList()).contains("head-of-line blocking", "path failure");
    }
}
