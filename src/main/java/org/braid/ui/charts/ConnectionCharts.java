package org.braid.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.braid.model.EventType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The connection charts as JFreeChart charts, built from {@link ConnectionChartData}: every plot
 * zooms (wheel, drag a rectangle) and pans (Alt+drag), and the points of their
 * {@link PacketDataset}s name the packets a click selects. The one place for chart code.
 */
public final class ConnectionCharts {
    /** One colour per subflow, in order; distinct on screen and in print. */
    private static final Color[] SUBFLOW_COLORS = {
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22)};
    private static final Color REINJECTION = new Color(0xd62728);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);
    /** Charts with fewer points than this are drawn antialiased. */
    private static final int SMOOTH_ITEMS = 4000;
    private static final Shape DOT = new Ellipse2D.Double(-1.5, -1.5, 3, 3);

    private ConnectionCharts() {}

    /** The colour of subflow {@code position}. */
    public static Color subflowColor(int position) {
        return SUBFLOW_COLORS[position % SUBFLOW_COLORS.length];
    }

    /** DSN against time, a colour per subflow, reinjections marked, DATA_ACK and window edge as lines. */
    public static JFreeChart timeline(ConnectionChartData d) {
        XYPlot plot = plot(axis("time (s)"), bytesAxis("relative DSN (bytes)"));
        plot.setDataset(0, new PacketDataset(d.dataBySubflow()));
        plot.setRenderer(0, dots(d.dataBySubflow().size(), d.subflowNames().size()));
        // DATA_ACK: a thin line drawn behind the points, so no subflow point hides under it.
        plot.setDataset(1, new PacketDataset(List.of(d.dataAcks())));
        XYStepRenderer lines = new XYStepRenderer();
        lines.setSeriesPaint(0, Color.BLACK);
        lines.setSeriesStroke(0, new BasicStroke(0.6f));
        lines.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(1, lines);
        plot.setDataset(2, new PacketDataset(List.of(d.reinjections())));
        // The window edge runs far above small transfers: drawn, but left out of the range the axis fits.
        plot.setDataset(3, PacketDataset.stepped(List.of(d.windowEdge())));
        XYLineAndShapeRenderer edge = new XYLineAndShapeRenderer(true, false) {
            @Override
            public org.jfree.data.Range findRangeBounds(org.jfree.data.xy.XYDataset dataset) {
                return null;
            }
        };
        edge.setSeriesPaint(0, Color.GRAY);
        dashedPath(edge, 0);
        plot.setRenderer(3, edge);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesShape(0, ShapeUtils.createDiamond(6));
        marks.setSeriesPaint(0, REINJECTION);
        marks.setUseOutlinePaint(true);
        marks.setSeriesOutlinePaint(0, REINJECTION.darker());
        marks.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(2, marks);
        // The last dataset first: the edge and the DATA_ACK under the points.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        PathCharts.shade(plot, d.expert());
        return chart("Connection " + d.connection() + ": DSN over time, " + d.direction(), plot,
                d.reinjections().size() + " reinjections marked"
                        + (d.dataAcks().size() == 0 ? "; no DATA_ACK line (none sent, or the keys are not in the trace)" : ""));
    }

    /** Payload throughput per subflow in fixed bins, with each subflow's share of the bytes. */
    public static JFreeChart throughput(ConnectionChartData d) {
        XYPlot plot = plot(axis("time (s)"), bytesAxis("throughput (Mbit/s)"));
        plot.setDataset(new PacketDataset(d.throughput()));
        // Steps: each bin's rate holds over its whole width; the last series is the whole connection.
        XYStepRenderer lines = new XYStepRenderer();
        int subflows = d.throughput().size() - 1;
        for (int s = 0; s < subflows; s++) {
            lines.setSeriesPaint(s, subflowColor(s));
            lines.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        lines.setSeriesPaint(subflows, Color.BLACK);
        lines.setSeriesStroke(subflows, new BasicStroke(2.2f));
        lines.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(lines);
        List<String> shares = new ArrayList<>();
        for (int s = 0; s < d.shares().length; s++) {
            shares.add(String.format(Locale.ROOT, "subflow %d %.1f %%", s, 100 * d.shares()[s]));
        }
        return chart(String.format(Locale.ROOT, "Connection %d: throughput per subflow (%.0f ms bins), %s",
                d.connection(), d.binSeconds() * 1000, d.direction()), plot, "share of the payload sent (retransmissions included): " + String.join(", ", shares));
    }

    /** A bar per subflow from its first to its last packet, backup periods shaded, events marked. */
    public static JFreeChart lifecycle(ConnectionChartData d) {
        String[] names = d.lifecycle().stream().map(ConnectionChartData.SubflowLife::name).toArray(String[]::new);
        SymbolAxis subflows = new SymbolAxis("subflow", names);
        subflows.setTickLabelFont(SUBTITLE);
        NumberAxis time = axis("time (s)");
        // Events at a subflow's first or last packet sit on the plot's edge without a margin.
        time.setLowerMargin(0.02);
        time.setUpperMargin(0.02);
        time.setAutoRangeStickyZero(false);
        XYPlot plot = plot(time, subflows);
        XYIntervalSeries life = new XYIntervalSeries("alive");
        XYIntervalSeries backup = new XYIntervalSeries("backup");
        XYIntervalSeries silent = new XYIntervalSeries("silent (no new data)");
        Map<EventType, PacketSeries.Builder> events = new LinkedHashMap<>();
        for (EventType type : ConnectionChartData.MARKED_EVENTS) {
            events.put(type, new PacketSeries.Builder(type.name()));
        }
        for (int s = 0; s < d.lifecycle().size(); s++) {
            ConnectionChartData.SubflowLife subflow = d.lifecycle().get(s);
            life.add(subflow.start(), subflow.start(), subflow.end(), s, s - 0.3, s + 0.3);
            for (double[] period : subflow.backupPeriods()) {
                backup.add(period[0], period[0], period[1], s, s - 0.3, s + 0.3);
            }
            for (double[] period : d.expert().silencesOf(s)) {
                silent.add(period[0], period[0], period[1], s, s - 0.3, s + 0.3);
            }
            for (ConnectionChartData.Event event : subflow.events()) {
                events.computeIfAbsent(event.type(), t -> new PacketSeries.Builder(t.name()))
                        .add(event.time(), s, event.packet());
            }
        }
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(life);
        bars.addSeries(backup);
        bars.addSeries(silent);
        plot.setDataset(1, bars);
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setUseYInterval(true);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, new Color(0x9ecae1));
        barRenderer.setSeriesPaint(1, new Color(120, 120, 120, 140));
        barRenderer.setSeriesPaint(2, new Color(255, 255, 255, 230)); // a gap in the bar
        plot.setRenderer(1, barRenderer);
        List<PacketSeries> marked = events.values().stream().filter(b -> b.size() > 0)
                .map(PacketSeries.Builder::build).toList();
        plot.setDataset(0, new PacketDataset(marked));
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        Shape[] shapes = {ShapeUtils.createDiamond(5), ShapeUtils.createUpTriangle(5), ShapeUtils.createDownTriangle(5),
            new Rectangle2D.Double(-4, -4, 8, 8), new Ellipse2D.Double(-4, -4, 8, 8), ShapeUtils.createDiagonalCross(4, 1)};
        Paint[] paints = {new Color(0xd62728), Color.BLACK, new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b), Color.MAGENTA};
        for (int s = 0; s < marked.size(); s++) {
            int kind = EventType.valueOf(marked.get(s).name()).ordinal();
            marks.setSeriesShape(s, shapes[kind % shapes.length]);
            marks.setSeriesPaint(s, paints[kind % paints.length]);
        }
        marks.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(0, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        // Bars in series order: backup periods and silent gaps over the life bars.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return chart("Connection " + d.connection() + ": subflow lifecycle", plot,
                "bars: first to last packet; grey: backup; gaps: silent while other subflows sent; marks: every event");
    }

    /** Each subflow's advertised right edge against the highest DSN sent; in flight against the usable window. */
    public static JFreeChart window(ConnectionChartData d) {
        XYPlot edges = plot(null, bytesAxis("relative DSN (bytes)"));
        List<PacketSeries> edgeSeries = new ArrayList<>(d.edgesBySubflow());
        edgeSeries.add(d.highestSent());
        edges.setDataset(new PacketDataset(edgeSeries));
        XYStepRenderer edgeLines = new XYStepRenderer();
        for (int s = 0; s < d.edgesBySubflow().size(); s++) {
            edgeLines.setSeriesPaint(s, subflowColor(s));
        }
        edgeLines.setSeriesPaint(d.edgesBySubflow().size(), Color.BLACK);
        edgeLines.setDefaultToolTipGenerator(tooltips());
        edges.setRenderer(edgeLines);

        XYPlot flight = plot(null, bytesAxis("bytes"));
        flight.setDataset(0, new PacketDataset(List.of(d.inFlight())));
        XYStepRenderer flightLines = new XYStepRenderer();
        flightLines.setSeriesPaint(0, REINJECTION);
        flightLines.setDefaultToolTipGenerator(tooltips());
        flight.setRenderer(0, flightLines);
        flight.setDataset(1, PacketDataset.stepped(List.of(d.usableWindow())));
        XYLineAndShapeRenderer usable = new XYLineAndShapeRenderer(true, false);
        usable.setSeriesPaint(0, Color.DARK_GRAY);
        dashedPath(usable, 0);
        usable.setDefaultToolTipGenerator(tooltips());
        flight.setRenderer(1, usable);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis("time (s)"));
        combined.add(edges, 3);
        combined.add(flight, 2);
        combined.setGap(8);
        combined.setDomainPannable(true);
        combined.setRangePannable(true);
        return chart("Connection " + d.connection() + ": receive window sharing, " + d.direction(), combined,
                d.charted() == ChartDirection.BOTH ? "each direction has its own window: choose one direction"
                        : "top: right edge advertised on each subflow vs highest DSN sent; bottom: data in flight vs usable window");
    }

    private static XYPlot plot(NumberAxis x, NumberAxis y) {
        XYPlot plot = new XYPlot();
        if (x != null) {
            plot.setDomainAxis(x);
        }
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    /** A time axis in seconds, labelled in ms or s. */
    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(SUBTITLE);
        ReadableNumbers.seconds(axis);
        return axis;
    }

    /** A count axis labelled with k, M, G; whole bytes have whole ticks, so no two ticks read alike. */
    private static NumberAxis bytesAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(SUBTITLE);
        if (label.contains("bytes")) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ReadableNumbers.counts(axis);
        return axis;
    }

    /**
     * Draws series {@code s} dashed, as one path: a step renderer strokes each step apart and starts
     * the dash pattern again at each, so where steps are denser than a dash the line drew solid.
     * The series' dataset must be {@link PacketDataset#stepped stepped} to draw steps.
     */
    static void dashedPath(XYLineAndShapeRenderer renderer, int s) {
        renderer.setSeriesStroke(s, DASHED);
        renderer.setDrawSeriesLineAsPath(true);
    }

    /** Dots coloured by subflow; a second round of series (the other direction) drawn as crosses. */
    private static XYLineAndShapeRenderer dots(int series, int subflows) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape cross = ShapeUtils.createDiagonalCross(2, 0.6f);
        for (int s = 0; s < series; s++) {
            renderer.setSeriesShape(s, s < subflows ? DOT : cross);
            renderer.setSeriesPaint(s, subflowColor(s % Math.max(1, subflows)));
        }
        renderer.setDefaultToolTipGenerator(tooltips());
        return renderer;
    }

    private static StandardXYToolTipGenerator tooltips() {
        // The same digits as the packet list and the reports, whatever the machine's locale.
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return new StandardXYToolTipGenerator("{0}: {1} s, {2}", new DecimalFormat("0.000000", symbols),
                new DecimalFormat("#,##0.###", symbols));
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE));
        chart.setBackgroundPaint(Color.WHITE);
        LevelOfDetail.follow(chart);
        // Antialiased shapes draw two to three times slower; thousands of points are drawn crisp instead,
        // so the UI thread, which draws the charts, is not held up by a big connection.
        chart.setAntiAlias(items(plot) < SMOOTH_ITEMS);
        return chart;
    }

    /** The points the plot draws, over all its datasets and subplots. */
    private static long items(org.jfree.chart.plot.Plot plot) {
        long items = 0;
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (XYPlot sub : combined.getSubplots()) {
                items += items(sub);
            }
        } else if (plot instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                if (xy.getDataset(d) != null) {
                    for (int s = 0; s < xy.getDataset(d).getSeriesCount(); s++) {
                        items += xy.getDataset(d).getItemCount(s);
                    }
                }
            }
        }
        return items;
    }
}
