package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PathObservations;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;

/**
 * Expert Info for MPTCP: turns the model and the path observations of one pass into typed
 * findings, each with its severity, group, period, a summary in plain words and the packets that
 * show it. Reads the per-packet columns once; never decodes packets again.
 */
public final class ExpertAnalysis {
    private ExpertAnalysis() {}

    /** {@code base} with its findings and path metrics. */
    public static AnalysisResult complete(AnalysisResult base, PacketColumns columns, PathObservations observations) {
        ExpertContext context = new ExpertContext(base, columns, observations);
        SubflowRules.apply(context);
        PathRules.apply(context);
        DataLevelRules.apply(context);
        WindowRules.apply(context);
        HandshakeRules.apply(context);
        AddressRules.apply(context);
        CaptureRules.apply(context);
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(ORDER);
        return new AnalysisResult(base.packets(), base.connections(), base.tcpConnections(), base.warnings(), findings,
                observations.metrics());
    }

    /** Most severe first, then by time, then by connection. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparingLong(Finding::startNanos)
            .thenComparing(f -> f.connection() == null ? -1 : f.connection());
}
