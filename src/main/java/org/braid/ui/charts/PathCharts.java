package org.braid.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The expert charts of a connection, all its subflows on one plot (Wireshark draws these one TCP
 * stream at a time): RTT over time and bytes in flight over time; and the findings' periods
 * shaded on the timeline.
 */
public final class PathCharts {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Paint BLOCKING = new Color(255, 160, 0, 50);
    private static final Paint FAILURE = new Color(214, 39, 40, 30);
    private static final Paint ZERO_WINDOW = new Color(31, 119, 180, 40);

    private PathCharts() {}

    /** RTT samples of every subflow against time, in milliseconds. */
    public static JFreeChart rtt(ConnectionChartData d) {
        ExpertChartData e = d.expert();
        XYPlot plot = plot("RTT (ms)");
        plot.setDataset(new PacketDataset(e.rttBySubflow()));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < e.rttBySubflow().size(); s++) {
            dots.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
            dots.setSeriesPaint(s, ConnectionCharts.subflowColor(s));
        }
        dots.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(dots);
        long samples = e.rttBySubflow().stream().mapToLong(PacketSeries::size).sum();
        return chart("Connection " + d.connection() + ": round-trip time per subflow", plot, samples
                + " samples at the capture point, from handshakes and data/ACK pairs (none from retransmitted data)");
    }

    /** Bytes in flight on each subflow (highest sequence sent - highest acknowledged) against time. */
    public static JFreeChart inFlight(ConnectionChartData d) {
        ExpertChartData e = d.expert();
        XYPlot plot = plot("bytes in flight");
        plot.setDataset(new PacketDataset(e.inFlightBySubflow()));
        XYStepRenderer lines = new XYStepRenderer();
        for (int s = 0; s < e.inFlightBySubflow().size(); s++) {
            lines.setSeriesPaint(s, ConnectionCharts.subflowColor(s));
            lines.setSeriesStroke(s, new BasicStroke(1.2f));
        }
        lines.setDefaultToolTipGenerator(tooltips());
        plot.setRenderer(lines);
        return chart("Connection " + d.connection() + ": bytes in flight per subflow, " + d.direction(), plot,
                "highest sequence number sent minus highest acknowledged, per subflow, at the capture point");
    }

    /** Shades the findings' periods (head-of-line blocking, zero windows, path failures) behind a plot. */
    public static void shade(XYPlot plot, ExpertChartData e) {
        for (ExpertChartData.Shade shade : e.shaded()) {
            // Each kind its colour and its label corner, so overlapping periods stay readable.
            boolean failure = shade.label().equals("path failure");
            boolean zero = shade.label().equals("zero window");
            IntervalMarker marker = new IntervalMarker(shade.start(), Math.max(shade.end(), shade.start() + 1e-4),
                    failure ? FAILURE : zero ? ZERO_WINDOW : BLOCKING);
            marker.setLabel(shade.label());
            marker.setLabelFont(SMALL);
            marker.setLabelAnchor(failure ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(failure ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
    }

    private static XYPlot plot(String rangeLabel) {
        XYPlot plot = new XYPlot();
        NumberAxis time = new NumberAxis("time (s)");
        time.setAutoRangeIncludesZero(false);
        time.setLabelFont(SMALL);
        NumberAxis range = new NumberAxis(rangeLabel);
        range.setLabelFont(SMALL);
        plot.setDomainAxis(time);
        plot.setRangeAxis(range);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    private static StandardXYToolTipGenerator tooltips() {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        return new StandardXYToolTipGenerator("{0}: {1} s, {2}", new java.text.DecimalFormat("0.000000", symbols),
                new java.text.DecimalFormat("#,##0.###", symbols));
    }

    private static JFreeChart chart(String title, XYPlot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.addSubtitle(new TextTitle(subtitle, SMALL));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(false);
        LevelOfDetail.follow(chart);
        return chart;
    }

    /** The series names of a chart, for tests. */
    static List<String> names(List<PacketSeries> series) {
        return series.stream().map(PacketSeries::name).toList();
    }
}
