package org.braid.model;

import java.util.List;

/**
 * A period in which a sender's data in flight at the connection level (highest DSN sent - DATA_ACK)
 * filled the shared receive window to within one segment: it sent up to the right edge its peer
 * advertised and waited there. Packets are 1-based; edges relative to the direction's DSN base.
 *
 * @param startNanos  when the data sent reached the edge
 * @param startPacket the segment (or the advertisement) that made it reach the edge
 * @param endNanos    when the edge moved away from the data sent, or the connection's last packet
 * @param endPacket   the packet that ended it, or null when it lasted to the end of the trace
 * @param rightEdge   the right edge reached, DATA_ACK + scaled window
 * @param dataAck     the DATA_ACK then
 * @param edgePacket  the advertisement of that edge (0 when not in the trace)
 * @param flows       the TCP flows of the subflows that sent data during the period, in order of first use
 */
public record WindowLimit(long startNanos, long startPacket, long endNanos, Long endPacket, long rightEdge,
        long dataAck, long edgePacket, List<Integer> flows) {
    public WindowLimit {
        flows = List.copyOf(flows);
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }

    /** The usable window when the period began. */
    public long window() {
        return rightEdge - dataAck;
    }
}
