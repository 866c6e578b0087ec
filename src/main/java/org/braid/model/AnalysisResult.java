package org.braid.model;

import java.util.List;

/**
 * Everything one analysis pass found.
 *
 * @param packets         packets read
 * @param connections     MPTCP connections, complete or not, in order of their first packet
 * @param tcpConnections  plain TCP connections and MPTCP attempts refused at the handshake
 * @param warnings        damage in the trace and findings that need attention, each naming file, packet and offset
 */
public record AnalysisResult(long packets, List<MptcpConnection> connections, List<TcpConnection> tcpConnections,
        List<AnalysisWarning> warnings) {
    public AnalysisResult {
        connections = List.copyOf(connections);
        tcpConnections = List.copyOf(tcpConnections);
        warnings = List.copyOf(warnings);
    }
}
