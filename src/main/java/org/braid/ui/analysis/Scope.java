package org.braid.ui.analysis;

/**
 * What the connections panel selected: an MPTCP connection, one of its subflows, or a TCP flow
 * outside MPTCP. Its filter is what the packet list shows for it.
 *
 * @param connection the MPTCP connection's index, or {@link TraceAnalysis#NONE} for a plain TCP flow
 * @param flow       the TCP flow's index for a subflow or TCP flow, or {@link TraceAnalysis#NONE} for a whole connection
 */
public record Scope(int connection, int flow) {
    public static Scope connection(int index) {
        return new Scope(index, TraceAnalysis.NONE);
    }

    public static Scope flow(int connection, int flow) {
        return new Scope(connection, flow);
    }

    /** The display filter showing this scope's packets. */
    public String filter() {
        return flow == TraceAnalysis.NONE ? "mptcp.connection == " + connection : "tcp.stream == " + flow;
    }
}
