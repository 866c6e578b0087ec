package org.braid.ui.charts;

import java.util.List;
import org.jfree.data.DomainInfo;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDomainInfo;

/**
 * A JFreeChart dataset over {@link PacketSeries}, which tells the packet behind a clicked point.
 * It holds every point and hands the chart those worth drawing over the visible x range at the
 * plot's pixel width ({@link MinMaxBuckets}), chosen again when {@link LevelOfDetail} reports a
 * zoom or a pan, lazily at the next draw. The time axis fits the whole data, not what is drawn
 * (a reset after a zoom shows everything again); the value axis fits the points in view, as the
 * renderers measure it, and those keep every pixel column's extremes.
 *
 * <p>A stepped dataset holds each value until the next point: its points come doubled into the
 * corners of the steps, so a renderer drawing the series as one path (dashes that run on where
 * steps are dense) draws steps.
 */
public final class PacketDataset extends AbstractXYDataset implements DomainInfo, XYDomainInfo {
    /** Pixel columns until told the plot's width: that of an exported chart. */
    static final int DEFAULT_COLUMNS = ChartImages.WIDTH;

    private final List<PacketSeries> series;
    private final boolean stepped;
    private final Range domain;
    private double from = Double.NEGATIVE_INFINITY;
    private double to = Double.POSITIVE_INFINITY;
    private int columns = DEFAULT_COLUMNS;
    private View[] views;

    /** The points drawn of one series. */
    private record View(double[] x, double[] y, int[] packets) {}

    public PacketDataset(List<PacketSeries> series) {
        this(series, false);
    }

    private PacketDataset(List<PacketSeries> series, boolean stepped) {
        this.series = List.copyOf(series);
        this.stepped = stepped;
        this.domain = domainOf(this.series);
    }

    /** A dataset whose values hold until their next point, for a renderer drawing each series as one path. */
    public static PacketDataset stepped(List<PacketSeries> series) {
        return new PacketDataset(series, true);
    }

    /** True when each value holds until the next point (see {@link #stepped}). */
    public boolean isStepped() {
        return stepped;
    }

    /** Every point of every series. */
    public List<PacketSeries> series() {
        return series;
    }

    /** Draws the points worth drawing when x from {@code lower} to {@code upper} is on screen. */
    public void showRange(double lower, double upper) {
        if (lower != from || upper != to) {
            from = lower;
            to = upper;
            views = null;
        }
    }

    /** Draws the points worth drawing over {@code width} pixel columns. */
    public void setColumns(int width) {
        int now = Math.max(1, width);
        if (now != columns) {
            columns = now;
            views = null;
        }
    }

    /** The 0-based index of the packet behind point {@code item} of series {@code s}. */
    public int packetAt(int s, int item) {
        return view(s).packets()[item];
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return series.get(s).name();
    }

    @Override
    public int getItemCount(int s) {
        return view(s).x().length;
    }

    @Override
    public Number getX(int s, int item) {
        return view(s).x()[item];
    }

    @Override
    public Number getY(int s, int item) {
        return view(s).y()[item];
    }

    @Override
    public double getXValue(int s, int item) {
        return view(s).x()[item];
    }

    @Override
    public double getYValue(int s, int item) {
        return view(s).y()[item];
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public double getDomainLowerBound(boolean includeInterval) {
        return domain == null ? Double.NaN : domain.getLowerBound();
    }

    @Override
    public double getDomainUpperBound(boolean includeInterval) {
        return domain == null ? Double.NaN : domain.getUpperBound();
    }

    @Override
    public Range getDomainBounds(boolean includeInterval) {
        return domain;
    }

    /** The time extent of the series named, every point of them (the renderers ask for the shown series only). */
    @Override
    public Range getDomainBounds(List visibleSeriesKeys, boolean includeInterval) {
        return domainOf(series.stream().filter(s -> visibleSeriesKeys.contains(s.name())).toList());
    }

    private View view(int s) {
        if (views == null) {
            views = new View[series.size()];
        }
        if (views[s] == null) {
            views[s] = choose(series.get(s));
        }
        return views[s];
    }

    private View choose(PacketSeries full) {
        double lower = Double.isInfinite(from) && domain != null ? domain.getLowerBound() : from;
        double upper = Double.isInfinite(to) && domain != null ? domain.getUpperBound() : to;
        int[] kept = MinMaxBuckets.visible(full.x(), full.y(), lower, upper, columns);
        int points = stepped && kept.length > 0 ? 2 * kept.length - 1 : kept.length;
        double[] x = new double[points];
        double[] y = new double[points];
        int[] packets = new int[points];
        int p = 0;
        for (int k = 0; k < kept.length; k++) {
            int i = kept[k];
            if (stepped && k > 0) {
                // The corner of the step: the previous value, held until this point's time.
                x[p] = full.x()[i];
                y[p] = full.y()[kept[k - 1]];
                packets[p++] = full.packets()[i];
            }
            x[p] = full.x()[i];
            y[p] = full.y()[i];
            packets[p++] = full.packets()[i];
        }
        return new View(x, y, packets);
    }

    /** The x extent of every point of {@code of}, or null when there is none. */
    private static Range domainOf(List<PacketSeries> of) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (PacketSeries s : of) {
            if (s.size() > 0) {
                low = Math.min(low, s.x()[0]);
                high = Math.max(high, s.x()[s.size() - 1]);
            }
        }
        return low <= high ? new Range(low, high) : null;
    }
}
