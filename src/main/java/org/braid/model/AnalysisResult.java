package org.braid.model;

import java.util.List;

/**
 * Everything one analysis pass found.
 *
 * @param packets         packets read
 * @param connections     MPTCP connections, complete or not, in order of their first packet
 * @param tcpConnections  plain TCP connections and MPTCP attempts refused at the handshake
 * @param warnings        damage in the trace and findings that need attention, each naming file, packet and offset
 * @param findings        the expert findings, most severe first, then by time
 * @param paths           per-subflow RTT samples and bytes in flight over time
 */
public record AnalysisResult(long packets, List<MptcpConnection> connections, List<TcpConnection> tcpConnections,
        List<AnalysisWarning> warnings, List<Finding> findings, PathMetrics paths) {
    public AnalysisResult {
        connections = List.copyOf(connections);
        tcpConnections = List.copyOf(tcpConnections);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        paths = paths == null ? PathMetrics.EMPTY : paths;
    }

    /** A result without expert findings or path metrics. */
    public AnalysisResult(long packets, List<MptcpConnection> connections, List<TcpConnection> tcpConnections,
            List<AnalysisWarning> warnings) {
        this(packets, connections, tcpConnections, warnings, List.of(), PathMetrics.EMPTY);
    }

    /** The findings of MPTCP connection {@code connection}. */
    public List<Finding> findingsOf(int connection) {
        return findings.stream().filter(f -> f.connection() != null && f.connection() == connection).toList();
    }
}
