package org.braid.ui.charts;

import java.util.List;

/**
 * What the expert analysis adds to a connection's charts: per-subflow RTT and bytes in flight
 * over time, the silent periods of each subflow (gaps in the lifecycle bars), and the periods to
 * shade on the timeline (head-of-line blocking, zero windows). Times are seconds since the trace's
 * first packet, as in {@link ConnectionChartData}.
 *
 * @param rttBySubflow      RTT samples in milliseconds, one series per subflow (by position)
 * @param inFlightBySubflow bytes in flight of the charted data direction, one series per subflow
 * @param silences          per subflow position, its silent periods as {start, end}
 * @param shaded            periods shaded on the timeline
 */
public record ExpertChartData(List<PacketSeries> rttBySubflow, List<PacketSeries> inFlightBySubflow,
        List<List<double[]>> silences, List<Shade> shaded) {
    public static final ExpertChartData NONE = new ExpertChartData(List.of(), List.of(), List.of(), List.of());

    /** A period shaded on the timeline, labelled with what it is. */
    public record Shade(String label, double start, double end) {}

    /** The silent periods of subflow {@code position}. */
    public List<double[]> silencesOf(int position) {
        return position < silences.size() ? silences.get(position) : List.of();
    }
}
