package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.charts.ChartKind;
import org.braid.ui.charts.PacketDataset;
import org.braid.ui.charts.PacketSeries;
import org.braid.ui.packets.PacketRow;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Drives the real window over the analysis, headless on Monocle: connections panel, filtering by
 * connection and subflow, charts, reinjection links and tables, exports. Expected values come from
 * a separate run of the analyzer on the same file.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    /** The analyzer's own view of a trace: its result and columns. */
    private record Expected(AnalysisResult result, PacketColumns columns) {
        static Expected of(Path trace) throws IOException {
            MptcpAnalyzer analyzer = new MptcpAnalyzer();
            try (PacketSource source = TraceReader.open(trace)) {
                PacketPass.run(source, analyzer);
            }
            return new Expected(analyzer.result(), analyzer.columns());
        }

        long count(java.util.function.IntPredicate which) {
            long count = 0;
            for (int i = 0; i < columns.size(); i++) {
                count += which.test(i) ? 1 : 0;
            }
            return count;
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<PacketRow> packetList(FxRobot robot) {
        return robot.lookup(".packet-list").queryAs(TableView.class);
    }

    private TreeItem<ConnectionRow> connectionsRoot() {
        return fx(() -> driver.window.controller().connections().table().getRoot());
    }

    private void waitForCharts() {
        WindowDriver.waitUntil("the charts are drawn", () -> driver.viewModel().analysis().chartDataProperty().get() != null
                && !driver.viewModel().busyProperty().get());
    }

    @Test
    void connectionsPanelListsTheAnalyzersConnectionsAndSubflows(FxRobot robot) throws IOException {
        for (String name : List.of("dead-path.pcap", "many-connections.pcap", "fallback-tcp.pcap")) {
            Path trace = Traces.sampleTrace(name);
            Expected expected = Expected.of(trace);
            driver.openAndWait(trace);
            List<TreeItem<ConnectionRow>> groups = List.copyOf(connectionsRoot().getChildren());
            TreeItem<ConnectionRow> mptcp = groups.get(0);
            assertThat(mptcp.getValue().name()).startsWith("MPTCP connections");
            int fallbacks = groups.stream().filter(g -> g.getValue().name().startsWith("Fallen back"))
                    .mapToInt(g -> g.getChildren().size()).sum();
            assertThat(mptcp.getChildren().size() + fallbacks).as(name).isEqualTo(expected.result().connections().size());
            for (TreeItem<ConnectionRow> item : mptcp.getChildren()) {
                MptcpConnection connection = expected.result().connections().get(item.getValue().scope().connection());
                assertThat(item.getValue().name()).contains(connection.client().toString(), connection.server().toString());
                assertThat(item.getChildren()).hasSize(connection.subflows().size());
                for (int s = 0; s < connection.subflows().size(); s++) {
                    assertThat(item.getChildren().get(s).getValue().scope().flow())
                            .isEqualTo(connection.subflows().get(s).flow());
                }
                assertThat(item.getValue().reinjections()).isEqualTo(Long.toString(connection.data().reinjectedPackets()));
            }
            long tcp = groups.stream().filter(g -> g.getValue().name().startsWith("Plain TCP")
                    || g.getValue().name().startsWith("MPTCP refused")).mapToLong(g -> g.getChildren().size()).sum();
            assertThat(tcp).as(name).isEqualTo(expected.result().tcpConnections().size());
        }
    }

    @Test
    void selectingAConnectionOrSubflowFiltersTheList(FxRobot robot) throws IOException {
        Path many = Traces.sampleTrace("many-connections.pcap");
        Expected manyExpected = Expected.of(many);
        driver.openAndWait(many);
        // Row 0 is the group heading, row 1 connection 0 (collapsed: there are many), row 2 connection 1.
        TreeTableRow<?> connectionRow = robot.lookup(".connections .tree-table-row-cell")
                .match(n -> ((TreeTableRow<?>) n).getIndex() == 2).queryAs(TreeTableRow.class);
        clickName(robot, connectionRow);
        WindowDriver.waitUntil("the connection filter is applied", () -> !driver.viewModel().busyProperty().get()
                && driver.viewModel().filterBar().appliedProperty().get().equals("mptcp.connection == 1"));
        long inConnection = manyExpected.count(i -> manyExpected.columns().connectionOfPacket(i) == 1);
        assertThat(inConnection).isPositive().isLessThan(manyExpected.columns().size() / 10);
        assertThat(fx(() -> packetList(robot).getItems().size())).isEqualTo((int) inConnection);
        assertThat(driver.viewModel().filterBar().textProperty().get()).isEqualTo("mptcp.connection == 1");
        assertThat(driver.viewModel().analysis().chartConnectionProperty().get()).isEqualTo(1);

        Expected expected = Expected.of(DEAD_PATH);
        driver.openAndWait(DEAD_PATH);
        int secondFlow = expected.result().connections().get(0).subflows().get(1).flow();
        TreeTableRow<?> subflowRow = robot.lookup(".connections .tree-table-row-cell")
                .match(n -> ((TreeTableRow<?>) n).getIndex() == 3).queryAs(TreeTableRow.class);
        clickName(robot, subflowRow);
        WindowDriver.waitUntil("the subflow filter is applied", () -> !driver.viewModel().busyProperty().get()
                && driver.viewModel().filterBar().appliedProperty().get().equals("tcp.stream == " + secondFlow));
        long onSubflow = expected.count(i -> expected.columns().flowOfPacket(i) == secondFlow);
        assertThat(onSubflow).isPositive().isLessThan(expected.columns().size());
        assertThat(fx(() -> packetList(robot).getItems().size())).isEqualTo((int) onSubflow);
        // Every shown row is on that subflow, per the list's own columns.
        for (int row = 0; row < onSubflow; row += 11) {
            int packet = packetList(robot).getItems().get(row).index();
            assertThat(expected.columns().flowOfPacket(packet)).isEqualTo(secondFlow);
        }
    }

    /** Clicks a connections-panel line on its name, which is in view however narrow the panel. */
    private static void clickName(FxRobot robot, TreeTableRow<?> row) {
        javafx.geometry.Bounds bounds = fx(() -> row.localToScreen(row.getBoundsInLocal()));
        robot.clickOn(new Point2D(bounds.getMinX() + 120, bounds.getCenterY()));
    }

    @Test
    void timelineHasASeriesPerSubflowAndMarksEveryReinjection(FxRobot robot) throws IOException {
        Expected expected = Expected.of(DEAD_PATH);
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        XYPlot plot = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.TIMELINE).getChart().getXYPlot());
        MptcpConnection connection = expected.result().connections().get(0);
        PacketDataset data = (PacketDataset) plot.getDataset(0);
        assertThat(data.getSeriesCount()).isEqualTo(connection.subflows().size());
        PacketDataset reinjections = (PacketDataset) plot.getDataset(2);
        long flagged = expected.count(i -> expected.columns().connectionOfPacket(i) == 0
                && expected.columns().hasFlag(i, PacketColumns.REINJECTION));
        assertThat(flagged).isPositive();
        assertThat((long) reinjections.getItemCount(0)).isEqualTo(flagged);
        for (int item = 0; item < reinjections.getItemCount(0); item++) {
            int packet = reinjections.packetAt(0, item);
            assertThat(expected.columns().hasFlag(packet, PacketColumns.REINJECTION)).isTrue();
            assertThat(reinjections.getYValue(0, item)).isEqualTo(expected.columns().relativeDsn(packet));
        }
        // Each subflow's series holds exactly its own packets.
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int flow = connection.subflows().get(s).flow();
            for (int item = 0; item < data.getItemCount(s); item += 7) {
                assertThat(expected.columns().flowOfPacket(data.packetAt(s, item))).isEqualTo(flow);
            }
        }
        // The other charts are there too, one series per subflow where they have them (and the connection's
        // aggregate in Throughput); each is made when shown.
        var tabs = driver.window.controller().analysisTabs().tabs();
        fxRun(() -> tabs.getSelectionModel().select(ChartKind.THROUGHPUT.ordinal()));
        assertThat(fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.THROUGHPUT).getChart()
                .getXYPlot().getDataset().getSeriesCount())).isEqualTo(connection.subflows().size() + 1);
        fxRun(() -> tabs.getSelectionModel().select(ChartKind.LIFECYCLE.ordinal()));
        assertThat(fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.LIFECYCLE).getChart()
                .getXYPlot().getDataset(1).getItemCount(0))).isEqualTo(connection.subflows().size());
    }

    @Test
    void aClickOnAChartPointSelectsItsPacket(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        ChartViewer viewer = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.TIMELINE));
        WindowDriver.waitUntil("the timeline has drawn its points", () -> clickablePoint(viewer) != null);
        XYItemEntity point = fx(() -> clickablePoint(viewer));
        Rectangle2D area = point.getArea().getBounds2D();
        Point2D onScreen = fx(() -> viewer.getCanvas().localToScreen(area.getCenterX(), area.getCenterY()));
        int expected = ((PacketDataset) point.getDataset()).packetAt(point.getSeriesIndex(), point.getItem());
        fxRun(() -> driver.viewModel().select(0));
        robot.moveTo(onScreen).clickOn(onScreen);
        WindowDriver.waitUntil("packet " + (expected + 1) + " is selected",
                () -> driver.viewModel().selectedProperty().get() == expected);
        assertThat(fx(() -> packetList(robot).getSelectionModel().getSelectedItem().index())).isEqualTo(expected);
    }

    /**
     * A data point of the timeline on the screen, which is the one the chart finds at its centre
     * (where points overlap, the chart picks one), or null before the chart has drawn.
     */
    @SuppressWarnings("ReferenceEquality") // identity: the entity under the point is this very item
    private static XYItemEntity clickablePoint(ChartViewer viewer) {
        if (viewer.getRenderingInfo() == null || viewer.getRenderingInfo().getEntityCollection() == null) {
            return null;
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        for (Object entity : viewer.getRenderingInfo().getEntityCollection().getEntities()) {
            if (entity instanceof XYItemEntity item && item.getDataset() instanceof PacketDataset) {
                Rectangle2D area = item.getArea().getBounds2D();
                Point2D onScreen = viewer.getCanvas().localToScreen(area.getCenterX(), area.getCenterY());
                ChartEntity hit = viewer.getRenderingInfo().getEntityCollection()
                        .getEntity(area.getCenterX(), area.getCenterY());
                if (hit == item && onScreen != null && screen.contains(onScreen.getX(), onScreen.getY())
                        && onScreen.getY() < screen.getMaxY() - 20) {
                    return item;
                }
            }
        }
        return null;
    }

    @Test
    void aReinjectionRowAndTheDetailsLinkJumpToTheirPackets(FxRobot robot) throws IOException {
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        Reinjection first = driver.viewModel().analysis().reinjections().get(0);
        fxRun(() -> driver.window.controller().analysisTabs().tabs().getSelectionModel().select(ChartKind.values().length));
        TableRow<?> row = robot.lookup(".reinjection-table .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == 0).queryAs(TableRow.class);
        robot.doubleClickOn(row);
        WindowDriver.waitUntil("the reinjection is selected",
                () -> driver.viewModel().selectedProperty().get() == first.packet() - 1);
        assertThat(fx(() -> packetList(robot).getSelectionModel().getSelectedItem().index())).isEqualTo((int) first.packet() - 1);

        // The details say what it reinjects, as a link to the original.
        var tree = driver.window.controller().packetTree().tree();
        TreeItem<DetailNode> link = fx(() -> tree.getRoot().getChildren().stream()
                .filter(s -> s.getValue().text().equals("MPTCP analysis")).findFirst().orElseThrow()
                .getChildren().stream().filter(l -> l.getValue().text().startsWith("Reinjection of packet "))
                .findFirst().orElseThrow());
        long original = first.originalPackets().get(0);
        assertThat(link.getValue().text()).startsWith("Reinjection of packet " + original + " ");
        fxRun(() -> {
            tree.requestFocus();
            tree.getSelectionModel().select(link);
        });
        robot.type(KeyCode.ENTER);
        WindowDriver.waitUntil("the original is selected", () -> driver.viewModel().selectedProperty().get() == original - 1);
    }

    @Test
    void exportsWriteTheShownPacketsAndTheCharts(FxRobot robot, @TempDir Path dir) throws IOException {
        Expected expected = Expected.of(DEAD_PATH);
        driver.openAndWait(DEAD_PATH);
        fxRun(() -> driver.viewModel().filterBy("mptcp.reinjection"));
        driver.waitIdle();
        waitForCharts();
        Path packets = dir.resolve("reinjections.pcapng");
        fxRun(() -> driver.viewModel().export().exportPackets(packets));
        assertThat(WindowDriver.awaitDialog().getHeaderText()).isEqualTo("Export packets: done");
        WindowDriver.closeDialogs();
        long reinjections = expected.count(i -> expected.columns().hasFlag(i, PacketColumns.REINJECTION));
        assertThat(TraceFacts.count(packets, p -> true)).isEqualTo(reinjections);

        Path charts = dir.resolve("charts");
        fxRun(() -> driver.viewModel().export().exportCharts(charts));
        assertThat(WindowDriver.awaitDialog().getHeaderText()).isEqualTo("Export charts: done");
        for (ChartKind kind : ChartKind.values()) {
            var image = ImageIO.read(charts.resolve(kind.fileName(0)).toFile());
            assertThat(image.getWidth()).isEqualTo(1200);
        }
        try (var files = Files.list(charts)) {
            assertThat(files.count()).isEqualTo(ChartKind.values().length);
        }
    }

    @Test
    void csvAndJsonExportsParseBackToTheAnalysis(FxRobot robot, @TempDir Path dir) throws IOException {
        Path trace = Traces.sampleTrace("many-connections.pcap");
        Expected expected = Expected.of(trace);
        driver.openAndWait(trace);
        Path csv = dir.resolve("report");
        fxRun(() -> driver.viewModel().export().exportCsv(csv));
        assertThat(WindowDriver.awaitDialog().getHeaderText()).isEqualTo("Export CSV report: done");
        WindowDriver.closeDialogs();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser connections = CSVParser.parse(csv.resolve("connections.csv"), StandardCharsets.UTF_8, format)) {
            List<CSVRecord> rows = connections.getRecords();
            assertThat(rows).hasSize(expected.result().connections().size()).hasSizeGreaterThan(1);
            for (CSVRecord row : rows) {
                MptcpConnection connection = expected.result().connections().get(Integer.parseInt(row.get("connection")));
                assertThat(row.get("client")).isEqualTo(connection.client().toString());
                assertThat(row.get("server")).isEqualTo(connection.server().toString());
            }
        }
        try (CSVParser subflows = CSVParser.parse(csv.resolve("subflows.csv"), StandardCharsets.UTF_8, format)) {
            assertThat(subflows.getRecords()).hasSize(expected.result().connections().stream()
                    .mapToInt(c -> c.subflows().size()).sum());
        }

        Path json = dir.resolve("analysis.json");
        fxRun(() -> driver.viewModel().export().exportJson(json));
        assertThat(WindowDriver.awaitDialog().getHeaderText()).isEqualTo("Export JSON: done");
        JsonNode document = new ObjectMapper().readTree(json.toFile());
        assertThat(document.get("connections").size()).isEqualTo(expected.result().connections().size());
    }

    @Test
    void checksumVerdictsHaveATabOnlyWhereChecksumsAreUsed(FxRobot robot) throws IOException {
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        assertThat(fx(() -> driver.window.controller().analysisTabs().tabs().getTabs().stream()
                .map(t -> t.getText()).toList())).noneMatch(t -> t.startsWith("Checksums"));

        Path trace = Traces.sampleTrace("checksum-fail-two-subflows.pcap");
        Expected expected = Expected.of(trace);
        driver.openAndWait(trace);
        waitForCharts();
        var mappings = expected.result().connections().get(0).mappings();
        var tabs = driver.window.controller().analysisTabs().tabs();
        javafx.scene.control.Tab tab = fx(() -> tabs.getTabs().stream().filter(t -> t.getText().startsWith("Checksums"))
                .findFirst().orElseThrow());
        assertThat(tab.getText()).isEqualTo("Checksums (" + (mappings.verified() + mappings.failed()
                + mappings.unverifiable()) + ", " + mappings.failed() + " failed)");
        assertThat(mappings.failed()).isEqualTo(1);
        fxRun(() -> tabs.getSelectionModel().select(tab));
        TableView<org.braid.ui.analysis.ChecksumRow> table = driver.window.controller().analysisTabs().checksums();
        int failedRow = fx(() -> {
            for (int row = 0; row < table.getItems().size(); row++) {
                if (table.getItems().get(row).verdict() == org.braid.model.ChecksumVerdict.FAILED) {
                    return row;
                }
            }
            return -1;
        });
        long failedPacket = mappings.failures().get(0).firstPacket();
        assertThat(fx(() -> table.getItems().get(failedRow).packet())).isEqualTo(failedPacket);
        fxRun(() -> {
            table.scrollTo(failedRow);
            table.getSelectionModel().select(failedRow);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WindowDriver.waitUntil("the failed mapping's packet is selected",
                () -> driver.viewModel().selectedProperty().get() == failedPacket - 1);
        assertThat(fx(() -> driver.viewModel().details().detailsProperty().get().tree().stream()
                .filter(n -> n.text().equals("MPTCP analysis")).findFirst().orElseThrow().children().stream()
                .map(DetailNode::text).toList())).isNotEmpty();
    }

    @Test
    void chartsZoomFromTheKeyboardAndBack(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        ChartViewer viewer = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.TIMELINE));
        WindowDriver.waitUntil("the timeline is drawn", () -> viewer.getRenderingInfo().getPlotInfo().getDataArea()
                .getWidth() > 0);
        var domain = fx(() -> viewer.getChart().getXYPlot().getDomainAxis());
        double full = fx(() -> domain.getRange().getLength());
        fxRun(() -> driver.window.controller().packetList().table().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WindowDriver.waitUntil("the chart zooms in", () -> domain.getRange().getLength() < full * 0.6);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WindowDriver.waitUntil("the chart shows everything again",
                () -> Math.abs(domain.getRange().getLength() - full) < full * 1e-6);
    }

    @Test
    @SuppressWarnings("ReferenceEquality") // identity: a rebuilt chart is a new object
    void aLiveSnapshotRebuildsTheChartsKeepingTheZoom(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        waitForCharts();
        ChartViewer viewer = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.TIMELINE));
        WindowDriver.waitUntil("the timeline is drawn", () -> viewer.getRenderingInfo().getPlotInfo().getDataArea()
                .getWidth() > 0);
        var before = fx(() -> driver.viewModel().analysis().chartDataProperty().get());
        var chart = fx(viewer::getChart);
        double full = fx(() -> chart.getXYPlot().getDomainAxis().getRange().getLength());
        fxRun(() -> driver.window.controller().packetList().table().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WindowDriver.waitUntil("the chart zooms in",
                () -> chart.getXYPlot().getDomainAxis().getRange().getLength() < full * 0.6);
        var zoomed = fx(() -> chart.getXYPlot().getDomainAxis().getRange());
        // A live refresh with a newer snapshot (here the same trace again) rebuilds the charts in the background.
        fxRun(() -> driver.viewModel().showLive(driver.viewModel().traceProperty().get(), false, false));
        WindowDriver.waitUntil("the chart data is rebuilt",
                () -> driver.viewModel().analysis().chartDataProperty().get() != before
                        && driver.viewModel().analysis().chartDataProperty().get() != null);
        WindowDriver.waitUntil("the timeline is redrawn", () -> viewer.getChart() != chart);
        assertThat(fx(() -> viewer.getChart().getXYPlot().getDomainAxis().getRange())).isEqualTo(zoomed);
    }

    @Test
    void lifecycleShadesTheBackupPeriodBetweenTheTwoMpPrios(FxRobot robot) throws IOException {
        Path trace = Traces.sampleTrace("mp-prio-backup.pcap");
        Expected expected = Expected.of(trace);
        driver.openAndWait(trace);
        waitForCharts();
        var tabs = driver.window.controller().analysisTabs().tabs();
        fxRun(() -> tabs.getSelectionModel().select(ChartKind.LIFECYCLE.ordinal()));
        XYPlot plot = fx(() -> driver.window.controller().analysisTabs().viewer(ChartKind.LIFECYCLE).getChart().getXYPlot());
        org.jfree.data.xy.XYIntervalSeriesCollection bars = (org.jfree.data.xy.XYIntervalSeriesCollection) plot.getDataset(1);
        MptcpConnection connection = expected.result().connections().get(0);
        var changes = connection.subflows().stream().flatMap(s -> s.lifecycle().backupChanges().stream()).toList();
        assertThat(changes).hasSize(2); // frame 506 sets the backup flag, frame 953 clears it
        assertThat(bars.getSeries(1).getItemCount()).isEqualTo(1);
        long first = fx(() -> driver.viewModel().traceProperty().get().index().timestampNanos(0));
        assertThat(bars.getSeries(1).getXLowValue(0)).isCloseTo((changes.get(0).timeNanos() - first) / 1e9,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bars.getSeries(1).getXHighValue(0)).isCloseTo((changes.get(1).timeNanos() - first) / 1e9,
                org.assertj.core.data.Offset.offset(1e-9));
        PacketDataset events = (PacketDataset) plot.getDataset(0);
        assertThat(events.series().stream().map(PacketSeries::name)).contains("MP_PRIO");
    }
}
