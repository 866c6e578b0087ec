package org.braid.ui.charts;

import java.util.List;
import org.braid.model.EventType;

/**
 * Everything the charts of one MPTCP connection draw, gathered in one background pass over its
 * packets. Times are seconds since the trace's first packet (the list's Time column); sequence
 * numbers are relative DSNs of the charted direction (by default the one that sent more).
 *
 * @param connection    the connection's index
 * @param direction     which way the charted data flows, in words
 * @param charted       which way the charted data flows
 * @param subflowNames  the subflows, by position in the connection
 * @param dataBySubflow timeline: the DSN of each data segment, one series per subflow
 * @param reinjections  timeline: the reinjected segments
 * @param dataAcks      timeline: the receiver's DATA_ACKs (empty when the DSN base is unknown)
 * @param windowEdge    timeline: the largest receive-window right edge advertised so far
 * @param throughput    per subflow, Mbit/s of payload sent in each bin (its packet: the bin's first, or -1),
 *                      then the connection's aggregate over all subflows
 * @param binSeconds    throughput bin width
 * @param shares        per subflow, its share of the payload bytes, 0 to 1
 * @param lifecycle     per subflow, its life from first to last packet, backup periods and events
 * @param edgesBySubflow window chart: each subflow's advertised right edges
 * @param highestSent   window chart: end of the highest DSN sent so far
 * @param inFlight      window chart: highest DSN sent - latest DATA_ACK, in bytes
 * @param usableWindow  window chart: largest right edge - latest DATA_ACK, in bytes
 * @param expert        RTT and in-flight series, silent periods and shaded periods of the expert findings
 */
public record ConnectionChartData(int connection, String direction, ChartDirection charted, List<String> subflowNames,
        List<PacketSeries> dataBySubflow, PacketSeries reinjections, PacketSeries dataAcks, PacketSeries windowEdge,
        List<PacketSeries> throughput, double binSeconds, double[] shares, List<SubflowLife> lifecycle,
        List<PacketSeries> edgesBySubflow, PacketSeries highestSent, PacketSeries inFlight, PacketSeries usableWindow,
        ExpertChartData expert) {

    public ConnectionChartData {
        expert = expert == null ? ExpertChartData.NONE : expert;
    }

    /** A subflow's life in seconds, with the periods it was a backup path and its events. */
    public record SubflowLife(String name, double start, double end, List<double[]> backupPeriods,
                              List<Event> events) {}

    /** An event on the lifecycle chart: its type (MP_PRIO, ADD_ADDR...), time and packet (0-based). */
    public record Event(EventType type, double time, int packet, String detail) {}

    /** The event types the lifecycle chart marks, each with its own mark and legend entry: every type there is. */
    public static final List<EventType> MARKED_EVENTS = List.of(EventType.values());
}
