package org.braid.ui.compare;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/** A JFreeChart dataset over {@link CompareSeries}: tells the packet (and its capture) behind a point. */
final class CompareDataset extends AbstractXYDataset {
    private final List<CompareSeries> series;

    CompareDataset(List<CompareSeries> series) {
        this.series = List.copyOf(series);
    }

    CompareSeries series(int s) { return series.get(s); }

    @Override
    public int getSeriesCount() { return series.size(); }

    @Override
    public Comparable<?> getSeriesKey(int s) { return series.get(s).name(); }

    @Override
    public int getItemCount(int s) { return series.get(s).size(); }

    @Override
    public Number getX(int s, int item) { return series.get(s).x()[item]; }

    @Override
    public Number getY(int s, int item) { return series.get(s).y()[item]; }

    @Override
    public double getXValue(int s, int item) { return series.get(s).x()[item]; }

    @Override
    public double getYValue(int s, int item) { return series.get(s).y()[item]; }

    @Override
    public DomainOrder getDomainOrder() { return DomainOrder.NONE; }
}
