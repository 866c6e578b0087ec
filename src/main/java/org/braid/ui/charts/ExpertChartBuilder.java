package org.braid.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingKind;
import org.braid.model.MptcpConnection;
import org.braid.model.PathMetrics;
import org.braid.model.WindowLimit;
import org.braid.model.WindowStats;

/** Gathers a connection's {@link ExpertChartData} from the analysis result (no pass over the packets). */
public final class ExpertChartBuilder {
    private ExpertChartBuilder() {}

    /**
     * @param dataSide    the charted data direction (0 = the client's data)
     * @param firstNanos  capture time of the trace's first packet
     * @param names       the subflows' series names, by position
     */
    public static ExpertChartData build(AnalysisResult result, int connection, int dataSide, long firstNanos,
            List<String> names) {
        MptcpConnection c = result.connections().get(connection);
        int count = c.subflows().size();
        List<PacketSeries.Builder> rtt = new ArrayList<>();
        List<PacketSeries.Builder> flight = new ArrayList<>();
        List<List<double[]>> silences = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            rtt.add(new PacketSeries.Builder(names.get(s)));
            flight.add(new PacketSeries.Builder(names.get(s)));
            silences.add(new ArrayList<>());
        }
        PathMetrics m = result.paths();
        for (int i = 0; i < m.rttSamples(); i++) {
            Integer position = c.subflowPosition(m.rttFlow(i));
            if (position != null) {
                rtt.get(position).add((m.rttNanos(i) - firstNanos) / 1e9, m.rtt(i) / 1e6, (int) (m.rttPacket(i) - 1));
            }
        }
        for (int i = 0; i < m.flightSamples(); i++) {
            Integer position = c.subflowPosition(m.flightFlow(i));
            if (position != null && m.flightSide(i) == dataSide) {
                flight.get(position).add((m.flightNanos(i) - firstNanos) / 1e9, m.flightBytes(i),
                        (int) (m.flightPacket(i) - 1));
            }
        }
        List<ExpertChartData.Shade> shaded = new ArrayList<>();
        for (Finding f : result.findingsOf(connection)) {
            double start = (f.startNanos() - firstNanos) / 1e9;
            double end = (f.endNanos() - firstNanos) / 1e9;
            if (f.kind() == FindingKind.SILENT_SUBFLOW && f.flow() != null && c.subflowPosition(f.flow()) != null) {
                silences.get(c.subflowPosition(f.flow())).add(new double[] {start, end});
            } else if (f.kind() == FindingKind.HEAD_OF_LINE_BLOCKING) {
                shaded.add(new ExpertChartData.Shade("head-of-line blocking", start, end));
            } else if (f.kind() == FindingKind.ZERO_WINDOW || f.kind() == FindingKind.PATH_FAILURE) {
                shaded.add(new ExpertChartData.Shade(f.kind() == FindingKind.ZERO_WINDOW ? "zero window"
                        : "path failure", start, end));
            }
        }
        // Window-limited periods one by one: their finding spans them all, with the gaps between.
        WindowStats window = dataSide == 0 ? c.window().client() : c.window().server();
        if (window != null) {
            for (WindowLimit period : window.windowLimits()) {
                shaded.add(new ExpertChartData.Shade("window limited", (period.startNanos() - firstNanos) / 1e9,
                        (period.endNanos() - firstNanos) / 1e9));
            }
        }
        return new ExpertChartData(rtt.stream().map(PacketSeries.Builder::build).toList(),
                flight.stream().map(PacketSeries.Builder::build).toList(),
                silences.stream().map(List::copyOf).toList(), List.copyOf(shaded));
    }
}
