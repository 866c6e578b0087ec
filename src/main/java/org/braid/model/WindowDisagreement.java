package org.braid.model;

/**
 * An advertisement of the shared receive window whose right edge lay below the edge another subflow
 * of the connection had advertised at about the same moment (within the larger handshake RTT), by
 * more than a segment and more than 10 % of the larger window. The window is the connection's
 * (RFC 8684 3.3.4), and both edges count from the DATA_ACK, so DATA_ACK progress does not explain
 * the gap. Edges are relative to the direction's DSN base; packets are 1-based.
 *
 * @param flow        the TCP flow of the subflow with the lower edge
 * @param packet      its advertisement
 * @param nanos       when
 * @param rightEdge   its right edge
 * @param otherFlow   the TCP flow of the subflow with the higher edge
 * @param otherPacket that subflow's latest advertisement before it
 * @param otherNanos  when
 * @param otherEdge   its right edge
 */
public record WindowDisagreement(int flow, long packet, long nanos, long rightEdge, int otherFlow, long otherPacket,
        long otherNanos, long otherEdge) {
    public long difference() {
        return otherEdge - rightEdge;
    }
}
