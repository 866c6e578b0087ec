package org.braid.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.braid.model.EventType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.junit.jupiter.api.Test;

/**
 * Every chart kind draws a big connection at the level of detail of its visible range: zoomed out,
 * a few points a pixel column with every series' extremes; zoomed in, every point; and dashed
 * lines stay dashed however dense their steps.
 */
class ChartLevelOfDetailTest {
    private static final int SEGMENTS = 150_000;
    private static final int COLUMNS = 600;

    @Test
    void zoomedOutEveryChartKindDrawsAFewPointsAColumnKeepingEachSeriesExtremes() {
        ConnectionChartData data = bigConnection();
        for (ChartKind kind : ChartKind.values()) {
            JFreeChart chart = kind.create(data);
            LevelOfDetail.setWidth(chart, COLUMNS);
            List<PacketDataset> datasets = LevelOfDetail.datasets(chart);
            assertThat(datasets).as(kind.title()).isNotEmpty();
            for (PacketDataset d : datasets) {
                int perPoint = d.isStepped() ? 2 : 1;
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    PacketSeries full = d.series().get(s);
                    assertThat(d.getItemCount(s)).as("%s %s", kind.title(), full.name())
                            .isLessThanOrEqualTo(perPoint * (MinMaxBuckets.POINTS_PER_COLUMN * COLUMNS + 2));
                    if (full.size() > 0) {
                        assertThat(drawnYs(d, s)).as("%s %s", kind.title(), full.name())
                                .contains(min(full.y()), max(full.y()));
                    }
                }
            }
        }
    }

    @Test
    void zoomedInEveryChartKindDrawsEveryPointInView() {
        ConnectionChartData data = bigConnection();
        for (ChartKind kind : ChartKind.values()) {
            JFreeChart chart = kind.create(data);
            LevelOfDetail.setWidth(chart, COLUMNS);
            // A 20 ms window in the middle of the transfer: a few hundred points a series at most.
            domainAxis(chart).setRange(1.0, 1.02);
            for (PacketDataset d : LevelOfDetail.datasets(chart)) {
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    PacketSeries full = d.series().get(s);
                    List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < full.size(); i++) {
                        if (full.x()[i] >= 1.0 && full.x()[i] <= 1.02) {
                            expected.add(full.packets()[i]);
                        }
                    }
                    List<Integer> drawn = new ArrayList<>();
                    for (int item = 0; item < d.getItemCount(s); item++) {
                        double x = d.getXValue(s, item);
                        if (x >= 1.0 && x <= 1.02 && (drawn.isEmpty() || drawn.get(drawn.size() - 1) != d.packetAt(s, item))) {
                            drawn.add(d.packetAt(s, item));
                        }
                    }
                    assertThat(drawn).as("%s %s", kind.title(), full.name()).isEqualTo(expected);
                }
            }
            // Back out: a few points a column again.
            domainAxis(chart).setAutoRange(true);
            for (PacketDataset d : LevelOfDetail.datasets(chart)) {
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    assertThat(d.getItemCount(s)).isLessThanOrEqualTo(2 * (MinMaxBuckets.POINTS_PER_COLUMN * COLUMNS + 2));
                }
            }
        }
    }

    @Test
    void theTimeAxisFitsEveryPointAndComesBackWholeAfterAZoom() {
        ConnectionChartData data = bigConnection();
        JFreeChart chart = ChartKind.TIMELINE.create(data);
        org.jfree.chart.axis.ValueAxis time = domainAxis(chart);
        org.jfree.data.Range whole = time.getRange();
        assertThat(whole.getLowerBound()).isLessThanOrEqualTo(0);
        assertThat(whole.getUpperBound()).isGreaterThanOrEqualTo(data.highestSent().x()[data.highestSent().size() - 1]);
        time.setRange(1.0, 1.02);
        chart.createBufferedImage(600, 400); // drawn zoomed in: only the points in view are handed out
        time.setAutoRange(true);
        assertThat(time.getRange()).isEqualTo(whole);
    }

    @Test
    void theValueAxisFitsTheExtremesInView() {
        PacketSeries.Builder series = new PacketSeries.Builder("s");
        for (int i = 0; i < 100_000; i++) {
            series.add(i * 1e-5, i == 77_777 ? 1e9 : i % 10, i);
        }
        JFreeChart chart = new JFreeChart(new XYPlot(new PacketDataset(List.of(series.build())), new NumberAxis(),
                new NumberAxis(), new XYLineAndShapeRenderer(true, false)));
        LevelOfDetail.follow(chart);
        LevelOfDetail.setWidth(chart, 100);
        NumberAxis values = (NumberAxis) chart.getXYPlot().getRangeAxis();
        assertThat(values.getRange().getUpperBound()).as("the lone spike, one point of 100,000").isGreaterThan(1e9);
        chart.getXYPlot().getDomainAxis().setRange(0.0, 0.1); // the spike at 0.777 s is out of view
        values.setAutoRange(false);
        values.setAutoRange(true);
        assertThat(values.getRange().getUpperBound()).isLessThan(100);
    }

    @Test
    void aSteppedDatasetHoldsEachValueUntilTheNextPoint() {
        PacketSeries series = new PacketSeries.Builder("edge").add(1, 10, 0).add(2, 20, 5).add(3, 15, 9).build();
        PacketDataset d = PacketDataset.stepped(List.of(series));
        assertThat(d.getItemCount(0)).isEqualTo(5);
        double[][] points = new double[5][];
        for (int i = 0; i < 5; i++) {
            points[i] = new double[] {d.getXValue(0, i), d.getYValue(0, i), d.packetAt(0, i)};
        }
        assertThat(points).isEqualTo(new double[][] {{1, 10, 0}, {2, 10, 5}, {2, 20, 5}, {3, 20, 9}, {3, 15, 9}});
    }

    @Test
    void pointsAddedOutOfTimeOrderAreSorted() {
        PacketSeries series = new PacketSeries.Builder("s").add(2, 20, 1).add(1, 10, 0).add(3, 30, 2).build();
        assertThat(series.x()).containsExactly(1, 2, 3);
        assertThat(series.y()).containsExactly(10, 20, 30);
        assertThat(series.packets()).containsExactly(0, 1, 2);
    }

    /** Each dashed line of every chart is drawn as one path over stepped data, never step by step. */
    @Test
    void dashedLinesAreDrawnAsOnePath() {
        ConnectionChartData data = bigConnection();
        int dashed = 0;
        for (ChartKind kind : ChartKind.values()) {
            for (XYPlot plot : plots(kind.create(data))) {
                for (int r = 0; r < plot.getRendererCount(); r++) {
                    XYItemRenderer renderer = plot.getRenderer(r);
                    for (int s = 0; renderer != null && plot.getDataset(r) != null && s < plot.getDataset(r).getSeriesCount(); s++) {
                        if (isDashed(renderer.getSeriesStroke(s))) {
                            dashed++;
                            assertThat(renderer).as(kind.title()).isNotInstanceOf(XYStepRenderer.class);
                            assertThat(((XYLineAndShapeRenderer) renderer).getDrawSeriesLineAsPath()).isTrue();
                            assertThat(((PacketDataset) plot.getDataset(r)).isStepped()).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(dashed).as("the window edge and the usable window").isEqualTo(2);
    }

    /** A dense stepped line, dashed, shows gaps along its length: a step renderer drew it solid. */
    @Test
    void aDenseDashedLineShowsItsGaps() {
        PacketSeries.Builder dense = new PacketSeries.Builder("dense");
        for (int i = 0; i < 200_000; i++) {
            dense.add(i * 1e-5, 1 + (i % 2) * 1e-9, i); // a step every 0.005 pixel, too small to see
        }
        PacketSeries series = dense.build();
        assertThat(gapsAlongTheLine(PacketDataset.stepped(List.of(series)), pathRenderer())).isGreaterThan(50);
        XYStepRenderer stepByStep = new XYStepRenderer();
        stepByStep.setSeriesPaint(0, Color.BLACK);
        stepByStep.setSeriesStroke(0, pathRenderer().getSeriesStroke(0));
        assertThat(gapsAlongTheLine(new PacketDataset(List.of(series)), stepByStep)).as("the old way").isLessThan(5);
    }

    private static XYLineAndShapeRenderer pathRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Color.BLACK);
        ConnectionCharts.dashedPath(renderer, 0);
        return renderer;
    }

    /** Draws the line across a 1000-pixel plot and counts the breaks along its row. */
    private static int gapsAlongTheLine(PacketDataset dataset, XYItemRenderer renderer) {
        NumberAxis range = new NumberAxis();
        range.setRange(0, 2);
        range.setVisible(false);
        NumberAxis domain = new NumberAxis();
        domain.setVisible(false);
        XYPlot plot = new XYPlot(dataset, domain, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        plot.setAxisOffset(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setAntiAlias(false);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        LevelOfDetail.follow(chart);
        LevelOfDetail.setWidth(chart, 1000);
        BufferedImage image = chart.createBufferedImage(1000, 200);
        int bestGaps = 0;
        for (int row = 90; row < 110; row++) {
            int inked = 0;
            int gaps = 0;
            boolean wasInk = false;
            for (int x = 10; x < 990; x++) {
                boolean ink = (image.getRGB(x, row) & 0xffffff) != 0xffffff;
                if (ink) {
                    inked++;
                } else if (wasInk) {
                    gaps++;
                }
                wasInk = ink;
            }
            if (inked > 300) {
                bestGaps = Math.max(bestGaps, gaps);
            }
        }
        return bestGaps;
    }

    private static boolean isDashed(Stroke stroke) {
        return stroke instanceof BasicStroke basic && basic.getDashArray() != null;
    }

    private static List<XYPlot> plots(JFreeChart chart) {
        return chart.getPlot() instanceof CombinedDomainXYPlot combined ? combined.getSubplots()
                : List.of(chart.getXYPlot());
    }

    private static org.jfree.chart.axis.ValueAxis domainAxis(JFreeChart chart) {
        return chart.getPlot() instanceof CombinedDomainXYPlot combined ? combined.getDomainAxis()
                : chart.getXYPlot().getDomainAxis();
    }

    private static List<Double> drawnYs(PacketDataset d, int s) {
        List<Double> ys = new ArrayList<>();
        for (int item = 0; item < d.getItemCount(s); item++) {
            ys.add(d.getYValue(s, item));
        }
        return ys;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    /**
     * The synthetic transfer of the chart benchmark, with RTT and in-flight samples, throughput
     * bins and lifecycle events that are many points too, so every chart kind has dense series.
     */
    private static ConnectionChartData bigConnection() {
        ConnectionChartData d = ChartBench.synthetic(SEGMENTS);
        List<PacketSeries> rtt = new ArrayList<>();
        List<PacketSeries> flight = new ArrayList<>();
        List<PacketSeries> throughput = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            PacketSeries.Builder r = new PacketSeries.Builder("subflow " + s);
            PacketSeries.Builder f = new PacketSeries.Builder("subflow " + s);
            PacketSeries.Builder t = new PacketSeries.Builder("subflow " + s);
            for (int i = 0; i < SEGMENTS; i++) {
                double time = i * 20e-6;
                r.add(time, 10 + (i * 31L % 97) + (i == 4_321 ? 500 : 0), i);
                f.add(time, (i * 13L) % 65_536, i);
                t.add(time, (i * 7L) % 100, i);
            }
            rtt.add(r.build());
            flight.add(f.build());
            throughput.add(t.build());
        }
        List<ConnectionChartData.Event> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(new ConnectionChartData.Event(EventType.values()[i % EventType.values().length], i * 3e-4, i, ""));
        }
        List<ConnectionChartData.SubflowLife> lives = List.of(
                new ConnectionChartData.SubflowLife("subflow 0", 0, 3, List.of(), List.copyOf(events)),
                new ConnectionChartData.SubflowLife("subflow 1", 0, 3, List.of(), List.of()));
        return new ConnectionChartData(0, "big", ChartDirection.CLIENT_TO_SERVER, d.subflowNames(), d.dataBySubflow(),
                d.reinjections(), d.dataAcks(), d.windowEdge(), throughput, 0.01, d.shares(), lives,
                d.edgesBySubflow(), d.highestSent(), d.inFlight(), d.usableWindow(),
                new ExpertChartData(rtt, flight, List.of(List.of(), List.of()), List.of()));
    }
}
