package org.braid.ui.charts;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/** A JFreeChart dataset over {@link PacketSeries}, which tells the packet behind a clicked point. */
public final class PacketDataset extends AbstractXYDataset {
    private final List<PacketSeries> series;

    public PacketDataset(List<PacketSeries> series) {
        this.series = List.copyOf(series);
    }

    public List<PacketSeries> series() {
        return series;
    }

    /** The 0-based index of the packet behind point {@code item} of series {@code s}. */
    public int packetAt(int s, int item) {
        return series.get(s).packets()[item];
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
        return series.get(s).size();
    }

    @Override
    public Number getX(int s, int item) {
        return series.get(s).x()[item];
    }

    @Override
    public Number getY(int s, int item) {
        return series.get(s).y()[item];
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).x()[item];
    }

    @Override
    public double getYValue(int s, int item) {
        return series.get(s).y()[item];
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }
}
