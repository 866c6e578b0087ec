package org.braid.model;

/**
 * How and where an MPTCP connection ended.
 *
 * @param timeNanos null when still open
 * @param packet    1-based number of the deciding packet (the MP_FASTCLOSE, the DATA_ACK of the last
 *                  DATA_FIN, the last subflow's reset or FIN, the first DATA_FIN); null when still open
 */
public record ConnectionEnd(ConnectionEndReason reason, Long timeNanos, Long packet) {}
