package org.braid.ui.analysis;

import java.util.List;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;

/**
 * The health cell of a connections-panel line: the worst severity and the top finding of the line's
 * connection, subflow or TCP stream, with every finding in the tooltip. Empty without findings.
 *
 * @param text    e.g. {@code "error: subflow 1 path failed ..."}, empty when healthy
 * @param tooltip every finding, one a line, most severe first
 * @param worst   the worst finding, or null
 */
public record ConnectionHealth(String text, String tooltip, Finding worst) {
    public static final ConnectionHealth NONE = new ConnectionHealth("", "", null);

    /** The health of the line with {@code scope} (null for a group heading). */
    public static ConnectionHealth of(AnalysisResult result, Scope scope) {
        if (scope == null || result == null) {
            return NONE;
        }
        List<Finding> findings = result.findings().stream().filter(f -> covers(scope, f)).toList();
        if (findings.isEmpty()) {
            return NONE;
        }
        Finding worst = findings.get(0); // the result lists the most severe first
        StringBuilder tip = new StringBuilder();
        for (Finding f : findings) {
            tip.append(tip.length() == 0 ? "" : "\n").append(f.severity().label()).append(" [")
                    .append(f.group().label()).append("] ").append(f.summary());
        }
        String more = findings.size() > 1 ? " (+" + (findings.size() - 1) + ")" : "";
        return new ConnectionHealth(worst.severity().label() + ": " + worst.summary() + more, tip.toString(), worst);
    }

    private static boolean covers(Scope scope, Finding f) {
        if (scope.connection() == TraceAnalysis.NONE) {
            return f.connection() == null && f.flow() != null && f.flow() == scope.flow();
        }
        if (f.connection() == null || f.connection() != scope.connection()) {
            return false;
        }
        return scope.flow() == TraceAnalysis.NONE || f.flow() != null && f.flow() == scope.flow();
    }
}
