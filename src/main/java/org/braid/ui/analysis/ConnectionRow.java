package org.braid.ui.analysis;

import java.util.List;

/**
 * One line of the connections panel: a group heading, an MPTCP connection, a subflow or a TCP
 * connection, with its key figures as text (empty where they do not apply).
 *
 * @param scope    what selecting the line shows, or null for a group heading
 * @param name     what it is: endpoints, version, role
 * @param duration first to last packet, in seconds
 * @param sent     bytes the client sent (unique data-level bytes for a connection, TCP payload for a subflow)
 * @param received bytes the server sent, counted the same way
 * @param share    a subflow's share of its connection's data (first-sent bytes)
 * @param reinjections reinjections (onto a subflow, for a subflow)
 * @param checksumFailures packets whose DSS checksum failed
 * @param end      how it ended
 */
public record ConnectionRow(Scope scope, String name, String duration, String sent, String received, String share,
                            String reinjections, String checksumFailures, String end, List<ConnectionRow> children) {
    public ConnectionRow {
        children = List.copyOf(children);
    }

    static ConnectionRow heading(String name, List<ConnectionRow> children) {
        return new ConnectionRow(null, name + " (" + children.size() + ")", "", "", "", "", "", "", "", children);
    }
}
