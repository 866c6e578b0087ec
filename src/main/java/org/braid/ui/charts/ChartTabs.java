package org.braid.ui.charts;

import java.awt.geom.Point2D;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.Zoomable;

/**
 * The chart tabs of the charted connection: one JFreeChart viewer per {@link ChartKind}, each
 * made only when its tab is first shown (to spare the UI thread), keeping the user's zoom when
 * newer data of the same connection arrives (a live capture). A click on a point selects its packet.
 */
public final class ChartTabs {
    private static final String HINT = "Wheel: zoom · drag right/down: zoom to a rectangle, left/up: reset · "
            + "Alt+drag: pan · click a point: select its packet · right-click: export";

    private final Map<ChartKind, ChartViewer> viewers = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, Label> placeholders = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, Tab> tabs = new EnumMap<>(ChartKind.class);
    /** Charts made for the data shown. */
    private final Set<ChartKind> made = EnumSet.noneOf(ChartKind.class);
    /** The connection each viewer's chart shows: newer data of it keeps the zoom. */
    private final Map<ChartKind, Integer> chartedConnection = new EnumMap<>(ChartKind.class);
    private ConnectionChartData shown;

    /**
     * @param selectPacket selects a packet by its 0-based index, for a clicked point
     * @param direction    the direction charted, which each tab's selector shows and sets
     */
    public ChartTabs(IntConsumer selectPacket, ObjectProperty<ChartDirection> direction) {
        for (ChartKind kind : ChartKind.values()) {
            ChartViewer viewer = new ChartViewer(null);
            viewer.setId("chart-" + kind.name().toLowerCase(Locale.ROOT));
            viewer.addChartMouseListener(new PointClicks(selectPacket));
            // The level of detail follows the plot's width: a point or four per pixel column.
            viewer.widthProperty().addListener((o, was, now) -> {
                if (viewer.getChart() != null) {
                    LevelOfDetail.setWidth(viewer.getChart(), now.intValue());
                }
            });
            Label placeholder = new Label();
            placeholder.getStyleClass().add("chart-placeholder");
            Label hint = new Label(HINT);
            hint.getStyleClass().add("chart-hint");
            ComboBox<ChartDirection> selector = new ComboBox<>(FXCollections.observableArrayList(ChartDirection.values()));
            selector.valueProperty().bindBidirectional(direction);
            selector.getStyleClass().add("chart-direction");
            selector.setTooltip(new Tooltip("Which data to chart: the client's, the server's, or both"));
            Label label = new Label("Direction:");
            label.setMinWidth(Region.USE_PREF_SIZE);
            selector.setMinWidth(Region.USE_PREF_SIZE);
            selector.setPrefWidth(165);
            HBox bar = new HBox(6, label, selector, hint);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPadding(new Insets(2, 6, 2, 6));
            HBox.setHgrow(hint, Priority.ALWAYS);
            hint.setMinWidth(0);
            BorderPane pane = new BorderPane(new StackPane(viewer, placeholder));
            pane.setBottom(bar);
            Tab tab = new Tab(kind.title(), pane);
            tab.setClosable(false);
            viewers.put(kind, viewer);
            placeholders.put(kind, placeholder);
            tabs.put(kind, tab);
        }
    }

    /** The tabs, in {@link ChartKind} order. */
    public List<Tab> tabs() {
        return List.copyOf(tabs.values());
    }

    /** The kind whose tab is {@code tab}, or null for another tab. */
    public ChartKind kindOf(Tab tab) {
        return tabs.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * Shows {@code data} (null while it is gathered or when nothing is charted, with a placeholder
     * saying which) and makes the chart of {@code visible}, the kind on screen (null for none).
     */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: the same object, not an equal one
    public void show(ConnectionChartData data, boolean gathering, ChartKind visible) {
        if (data != shown) {
            if (data == null) {
                chartedConnection.clear(); // a new selection or trace: its charts start unzoomed
            }
            shown = data;
            made.clear();
        }
        for (ChartKind kind : ChartKind.values()) {
            viewers.get(kind).setVisible(data != null);
            Label placeholder = placeholders.get(kind);
            placeholder.setVisible(data == null);
            placeholder.setText(gathering ? "Gathering the chart data..."
                    : "Select an MPTCP connection in the connections panel to chart it.");
        }
        make(visible);
    }

    /** Makes the chart of {@code kind} for the data shown, unless made already. */
    public void make(ChartKind kind) {
        if (shown == null || kind == null || !made.add(kind)) {
            return;
        }
        ChartViewer viewer = viewers.get(kind);
        JFreeChart chart = kind.create(shown);
        Integer before = chartedConnection.put(kind, shown.connection());
        if (viewer.getChart() != null && before != null && before == shown.connection()) {
            copyZoom(viewer.getChart().getPlot(), chart.getPlot());
        }
        if (viewer.getWidth() > 0) {
            LevelOfDetail.setWidth(chart, (int) viewer.getWidth());
        }
        viewer.setChart(chart);
    }

    /**
     * Zooms the chart of {@code kind} about its centre: {@code factor} below 1 zooms in, above 1
     * out, 0 restores the full view. False when that chart is not drawn.
     */
    public boolean zoom(ChartKind kind, double factor) {
        ChartViewer viewer = kind == null ? null : viewers.get(kind);
        if (viewer == null || viewer.getChart() == null || !(viewer.getChart().getPlot() instanceof Zoomable plot)
                || viewer.getRenderingInfo() == null) {
            return false;
        }
        PlotRenderingInfo info = viewer.getRenderingInfo().getPlotInfo();
        Point2D centre = new Point2D.Double(info.getDataArea().getCenterX(), info.getDataArea().getCenterY());
        plot.zoomDomainAxes(factor, info, centre, true);
        plot.zoomRangeAxes(factor, info, centre, true);
        return true;
    }

    public ChartViewer viewer(ChartKind kind) {
        return viewers.get(kind);
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
            to.setRange(from.getRange(), true, true); // notified: the level of detail follows the range
        }
    }

    /** Selects the packet behind a clicked chart point. */
    private record PointClicks(IntConsumer selectPacket) implements ChartMouseListenerFX {
        @Override
        public void chartMouseClicked(ChartMouseEventFX event) {
            if (event.getEntity() instanceof XYItemEntity item && item.getDataset() instanceof PacketDataset data) {
                int packet = data.packetAt(item.getSeriesIndex(), item.getItem());
                if (packet >= 0) {
                    selectPacket.accept(packet);
                }
            }
        }

        @Override
        public void chartMouseMoved(ChartMouseEventFX event) {
            // Tooltips show what is under the mouse; nothing else to do.
        }
    }
}
