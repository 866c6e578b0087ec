package org.braid.ui.compare;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;

/** The comparison's charts as JFreeChart scatter plots that zoom and pan like the connection charts. */
final class CompareChartFactory {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private CompareChartFactory() {}

    static JFreeChart scatter(String title, String subtitle, String xLabel, String yLabel, List<CompareSeries> series) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(xLabel));
        plot.setRangeAxis(axis(yLabel));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setDataset(new CompareDataset(series));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesShape(s, series.get(s).marker() ? ShapeUtils.createDiamond(5)
                    : new Ellipse2D.Double(-2, -2, 4, 4));
            renderer.setSeriesPaint(s, series.get(s).colour());
        }
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: {1} s, {2}",
                new DecimalFormat("0.000000", DecimalFormatSymbols.getInstance(Locale.ROOT)),
                new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        plot.setRenderer(renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series (the marks) on top
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.addSubtitle(new TextTitle(subtitle, SMALL));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(SMALL);
        return axis;
    }
}
