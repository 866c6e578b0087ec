package org.braid.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * Ties the {@link PacketDataset}s of a chart to what its time axis shows: every change of the
 * domain axis (a zoom, a pan, a reset) hands the datasets the visible range, and they choose their
 * points again at the next draw. Choosing is a pass over the visible points, a few milliseconds for
 * millions (measured by {@code ChartBench}), so it runs on the thread that draws.
 */
public final class LevelOfDetail {
    private LevelOfDetail() {}

    /** Makes the packet datasets of {@code chart} follow its domain axis from now on. */
    public static void follow(JFreeChart chart) {
        for (XYPlot plot : plots(chart.getPlot())) {
            ValueAxis axis = plot.getDomainAxis();
            List<PacketDataset> datasets = datasets(plot);
            if (axis == null || datasets.isEmpty()) {
                continue;
            }
            Runnable show = () -> datasets.forEach(d -> d.showRange(axis.getLowerBound(), axis.getUpperBound()));
            show.run();
            axis.addChangeListener(event -> show.run());
        }
    }

    /** Tells the packet datasets of {@code chart} that its plot is drawn {@code width} pixels wide. */
    public static void setWidth(JFreeChart chart, int width) {
        for (XYPlot plot : plots(chart.getPlot())) {
            datasets(plot).forEach(d -> d.setColumns(width));
        }
    }

    /** The packet datasets of {@code chart}, over all its plots. */
    static List<PacketDataset> datasets(JFreeChart chart) {
        List<PacketDataset> all = new ArrayList<>();
        plots(chart.getPlot()).forEach(plot -> all.addAll(datasets(plot)));
        return all;
    }

    private static List<XYPlot> plots(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            return combined.getSubplots();
        }
        return plot instanceof XYPlot xy ? List.of(xy) : List.of();
    }

    private static List<PacketDataset> datasets(XYPlot plot) {
        List<PacketDataset> found = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) instanceof PacketDataset packets) {
                found.add(packets);
            }
        }
        return found;
    }
}
