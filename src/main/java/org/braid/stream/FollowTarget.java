package org.braid.stream;

/**
 * What to follow: an MPTCP connection (its data level, {@code mptcp.connection == index}) or one
 * TCP stream, a subflow or a plain TCP connection ({@code tcp.stream == index}).
 */
public record FollowTarget(boolean connection, int index) {
    public FollowTarget {
        if (index < 0) {
            throw new IllegalArgumentException("negative " + (connection ? "connection" : "TCP stream") + ": " + index);
        }
    }

    public static FollowTarget mptcpConnection(int index) {
        return new FollowTarget(true, index);
    }

    public static FollowTarget tcpStream(int flow) {
        return new FollowTarget(false, flow);
    }

    /** The display filter that selects the target's packets. */
    public String filter() {
        return (connection ? "mptcp.connection == " : "tcp.stream == ") + index;
    }

    @Override
    public String toString() {
        return (connection ? "MPTCP connection " : "TCP stream ") + index;
    }
}
