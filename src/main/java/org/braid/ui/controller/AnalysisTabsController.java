package org.braid.ui.controller;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.braid.model.ChecksumVerdict;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.ui.analysis.ChecksumRow;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.charts.ChartKind;
import org.braid.ui.charts.ConnectionChartData;
import org.braid.ui.charts.PacketDataset;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.viewmodel.AnalysisViewModel;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The tabs beside the packet panes: the charted connection's charts (a click on a point selects
 * its packet) and its reinjection, event and (with DSS checksums) checksum tables; a row jumps to
 * its packet on double-click or Enter.
 */
public final class AnalysisTabsController {
    private static final String HINT = "Wheel: zoom · drag right/down: zoom to a rectangle, left/up: reset · "
            + "Alt+drag: pan · click a point: select its packet · right-click: export";

    private final AnalysisViewModel viewModel;
    private final Map<ChartKind, ChartViewer> viewers = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, Label> placeholders = new EnumMap<>(ChartKind.class);
    /** Charts made for the data shown; the others are made when their tab is first shown, to spare the UI thread. */
    private final java.util.Set<ChartKind> made = java.util.EnumSet.noneOf(ChartKind.class);
    private ConnectionChartData shown;
    /** The connection each viewer's chart shows: newer data of it (a live capture) keeps the zoom. */
    private final Map<ChartKind, Integer> chartedConnection = new EnumMap<>(ChartKind.class);
    @FXML private TabPane tabs;
    private TableView<Reinjection> reinjections;
    private TableView<MptcpEvent> events;
    private TableView<ChecksumRow> checksums;
    private Tab checksumTab;

    public AnalysisTabsController(AnalysisViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (ChartKind kind : ChartKind.values()) {
            ChartViewer viewer = new ChartViewer(null);
            viewer.setId("chart-" + kind.name().toLowerCase(Locale.ROOT));
            viewer.addChartMouseListener(new PointClicks());
            Label placeholder = new Label();
            placeholder.getStyleClass().add("chart-placeholder");
            viewers.put(kind, viewer);
            placeholders.put(kind, placeholder);
            Label hint = new Label(HINT);
            hint.getStyleClass().add("chart-hint");
            BorderPane pane = new BorderPane(new StackPane(viewer, placeholder));
            pane.setBottom(hint);
            Tab tab = new Tab(kind.title(), pane);
            tab.setClosable(false);
            tabs.getTabs().add(tab);
        }
        reinjections = reinjectionTable();
        events = eventTable();
        checksums = checksumTable();
        checksumTab = tab("Checksums", checksums);
        tabs.getTabs().addAll(tab("Reinjections", reinjections), tab("Events", events),
                ExpertInfoController.tab(viewModel.expert()));
        // Only a connection with DSS checksums has verdicts to show.
        viewModel.checksumsNegotiatedProperty().addListener((o, was, now) -> showChecksumTab(now));
        viewModel.checksums().addListener((ListChangeListener<ChecksumRow>) c -> retitle());
        viewModel.chartDataProperty().addListener((o, was, now) -> showCharts(now));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> makeSelectedChart());
        viewModel.chartingProperty().addListener((o, was, now) -> showCharts(viewModel.chartDataProperty().get()));
        viewModel.reinjections().addListener((ListChangeListener<Reinjection>) c -> retitle());
        viewModel.events().addListener((ListChangeListener<MptcpEvent>) c -> retitle());
        showCharts(viewModel.chartDataProperty().get());
    }

    private void showCharts(ConnectionChartData data) {
        if (data != shown) {
            if (data == null) {
                // A new selection or trace: its charts start unzoomed.
                chartedConnection.clear();
            }
            shown = data;
            made.clear();
        }
        for (ChartKind kind : ChartKind.values()) {
            ChartViewer viewer = viewers.get(kind);
            viewer.setVisible(data != null);
            Label placeholder = placeholders.get(kind);
            placeholder.setVisible(data == null);
            placeholder.setText(viewModel.chartingProperty().get() ? "Gathering the chart data..."
                    : "Select an MPTCP connection in the connections panel to chart it.");
        }
        makeSelectedChart();
    }

    private void makeSelectedChart() {
        int selected = tabs.getSelectionModel().getSelectedIndex();
        if (shown == null || selected < 0 || selected >= ChartKind.values().length) {
            return;
        }
        ChartKind kind = ChartKind.values()[selected];
        if (made.add(kind)) {
            ChartViewer viewer = viewers.get(kind);
            JFreeChart chart = kind.create(shown);
            Integer before = chartedConnection.put(kind, shown.connection());
            if (viewer.getChart() != null && before != null && before == shown.connection()) {
                copyZoom(viewer.getChart().getPlot(), chart.getPlot());
            }
            viewer.setChart(chart);
        }
    }

    /** Gives {@code to} the axis ranges the user zoomed or panned {@code from} to; auto-ranged axes stay automatic. */
    private static void copyZoom(Plot from, Plot to) {
        if (from instanceof CombinedDomainXYPlot a && to instanceof CombinedDomainXYPlot b) {
            copyRange(a.getDomainAxis(), b.getDomainAxis());
            List<XYPlot> was = a.getSubplots();
            List<XYPlot> now = b.getSubplots();
            for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
                copyRange(was.get(i).getRangeAxis(), now.get(i).getRangeAxis());
            }
        } else if (from instanceof XYPlot a && to instanceof XYPlot b) {
            copyRange(a.getDomainAxis(), b.getDomainAxis());
            copyRange(a.getRangeAxis(), b.getRangeAxis());
        }
    }

    private static void copyRange(ValueAxis from, ValueAxis to) {
        if (from != null && to != null && !from.isAutoRange()) {
            to.setRange(from.getRange(), true, false);
        }
    }

    private void showChecksumTab(boolean show) {
        if (show && !tabs.getTabs().contains(checksumTab)) {
            tabs.getTabs().add(checksumTab);
        } else if (!show) {
            tabs.getTabs().remove(checksumTab);
        }
    }

    private void retitle() {
        long failed = viewModel.checksums().stream().filter(r -> r.verdict() == ChecksumVerdict.FAILED).count();
        checksumTab.setText("Checksums (" + viewModel.checksums().size() + ", " + failed + " failed)");
        tabs.getTabs().get(ChartKind.values().length).setText("Reinjections (" + viewModel.reinjections().size() + ")");
        tabs.getTabs().get(ChartKind.values().length + 1).setText("Events (" + viewModel.events().size() + ")");
    }

    private static Tab tab(String title, TableView<?> table) {
        Tab tab = new Tab(title, table);
        tab.setClosable(false);
        return tab;
    }

    private TableView<Reinjection> reinjectionTable() {
        TableView<Reinjection> table = jumpingTable(Reinjection::packet);
        table.getStyleClass().add("reinjection-table");
        text(table, "Packet", 60, r -> Long.toString(r.packet()));
        text(table, "Time", 90, r -> time(r.timeNanos()));
        text(table, "From → to subflow", 110, r -> subflow(r.fromFlow()) + " \u2192 " + subflow(r.toFlow()));
        text(table, "Rel. DSN", 90, r -> Long.toString(r.dsn()));
        text(table, "Bytes", 60, r -> Long.toString(r.bytes()));
        text(table, "Delay (ms)", 80, r -> String.format(Locale.ROOT, "%.3f", r.delayNanos() / 1e6));
        text(table, "Originals", 150, r -> String.join(", ", r.originalPackets().stream().map(String::valueOf).toList()));
        table.setItems(viewModel.reinjections());
        return table;
    }

    private TableView<MptcpEvent> eventTable() {
        TableView<MptcpEvent> table = jumpingTable(MptcpEvent::packet);
        table.getStyleClass().add("event-table");
        text(table, "Time", 90, e -> time(e.timeNanos()));
        text(table, "Event", 110, MptcpEvent::type);
        text(table, "Packet", 60, e -> Long.toString(e.packet()));
        text(table, "Subflow", 60, e -> subflow(e.flow()));
        text(table, "Detail", 300, MptcpEvent::detail);
        table.setItems(viewModel.events());
        return table;
    }

    private TableView<ChecksumRow> checksumTable() {
        TableView<ChecksumRow> table = jumpingTable(ChecksumRow::packet);
        table.getStyleClass().add("checksum-table");
        text(table, "Packet", 60, r -> Long.toString(r.packet()));
        text(table, "Subflow", 60, r -> subflow(r.flow()));
        text(table, "Rel. DSN", 90, r -> Long.toString(r.relativeDsn()));
        text(table, "Length", 60, r -> Integer.toString(r.length()));
        text(table, "Verdict", 100, r -> r.verdict().name().toLowerCase(Locale.ROOT));
        text(table, "After a failure", 300, ChecksumRow::aftermath);
        table.setItems(viewModel.checksums());
        return table;
    }

    /** A table whose rows jump to their packet on double-click or Enter. */
    private <T> TableView<T> jumpingTable(ToLongFunction<T> packet) {
        TableView<T> table = new TableView<>();
        table.setRowFactory(view -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.jumpTo(packet.applyAsLong(row.getItem()));
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.jumpTo(packet.applyAsLong(selected));
                event.consume();
            }
        });
        table.setPlaceholder(new Label("None in the charted connection."));
        return table;
    }

    private static <T> void text(TableView<T> table, String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        table.getColumns().add(column);
    }

    private String time(long nanos) {
        var trace = viewModel.trace();
        long first = trace == null || trace.index().size() == 0 ? 0 : trace.index().timestampNanos(0);
        return StandardColumn.relativeSeconds(nanos - first);
    }

    private String subflow(int flow) {
        var trace = viewModel.trace();
        int position = trace == null ? TraceAnalysis.NONE : trace.analysis().subflowOfFlow(flow);
        return position == TraceAnalysis.NONE ? "flow " + flow : Integer.toString(position);
    }

    /** Selects the packet behind a clicked chart point. */
    private final class PointClicks implements ChartMouseListenerFX {
        @Override
        public void chartMouseClicked(ChartMouseEventFX event) {
            if (event.getEntity() instanceof XYItemEntity item && item.getDataset() instanceof PacketDataset data) {
                int packet = data.packetAt(item.getSeriesIndex(), item.getItem());
                if (packet >= 0) {
                    viewModel.jumpTo(packet + 1L);
                }
            }
        }

        @Override
        public void chartMouseMoved(ChartMouseEventFX event) {
            // Tooltips show what is under the mouse; nothing else to do.
        }
    }

    /**
     * Zooms the shown chart about its centre: {@code factor} below 1 zooms in, above 1 out, 0
     * restores the full view. False when no chart is shown.
     */
    public boolean zoom(double factor) {
        int selected = tabs.getSelectionModel().getSelectedIndex();
        if (selected < 0 || selected >= ChartKind.values().length) {
            return false;
        }
        ChartViewer viewer = viewers.get(ChartKind.values()[selected]);
        if (viewer.getChart() == null || !(viewer.getChart().getPlot() instanceof Zoomable plot)
                || viewer.getRenderingInfo() == null) {
            return false;
        }
        PlotRenderingInfo info = viewer.getRenderingInfo().getPlotInfo();
        java.awt.geom.Point2D centre = new java.awt.geom.Point2D.Double(info.getDataArea().getCenterX(),
                info.getDataArea().getCenterY());
        plot.zoomDomainAxes(factor, info, centre, true);
        plot.zoomRangeAxes(factor, info, centre, true);
        return true;
    }

    public ChartViewer viewer(ChartKind kind) {
        return viewers.get(kind);
    }

    public TabPane tabs() { return tabs; }
    public TableView<Reinjection> reinjections() { return reinjections; }
    public TableView<MptcpEvent> events() { return events; }
    public TableView<ChecksumRow> checksums() { return checksums; }
}
