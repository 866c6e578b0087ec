package org.braid.model;

/**
 * One TCP subflow of an MPTCP connection.
 *
 * @param flow             index of the TCP flow in the analysis (the per-packet column value)
 * @param client           the end that sent the subflow's SYN (or the first packet seen, without a SYN)
 * @param server           the other end
 * @param join             true for an MP_JOIN subflow, false for the initial MP_CAPABLE one
 * @param clientAddressId  MP_JOIN address id sent by the client, or null
 * @param serverAddressId  MP_JOIN address id sent by the server, or null
 * @param backup           the backup bit of the MP_JOIN SYN (MP_PRIO changes come later)
 * @param handshakeRttNanos SYN to the client's ACK of the SYN/ACK, as seen at the capture point; null without both
 * @param startNanos       first packet
 * @param endNanos         last packet
 * @param packets          packets in both directions
 * @param clientBytes      TCP payload bytes (on the wire) sent by the client
 * @param serverBytes      TCP payload bytes (on the wire) sent by the server
 * @param end              how the subflow ended
 * @param retransmissions  TCP retransmissions both ways: segments repeating sequence numbers already
 *                         seen on this subflow (reinjections excluded; SYNs and resets not counted)
 * @param data             the subflow's share of the connection's data-level bytes
 * @param lifecycle        where it ended, its MP_TCPRST reason, its MP_PRIO backup changes
 * @param grouping         how it was put into its connection: handshake, token or inferred
 * @param roles            what told its client from its server (inferred unless the SYN or SYN/ACK is in the trace)
 */
public record Subflow(int flow, Endpoint client, Endpoint server, boolean join, Integer clientAddressId,
        Integer serverAddressId, boolean backup, Long handshakeRttNanos, long startNanos, long endNanos,
        long packets, long clientBytes, long serverBytes, EndReason end, long retransmissions, SubflowData data,
        SubflowLifecycle lifecycle, Grouping grouping, RoleBasis roles) {}
