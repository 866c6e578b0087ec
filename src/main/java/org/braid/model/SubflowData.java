package org.braid.model;

/**
 * A subflow's share of its connection's data-level bytes, per direction of the subflow (client =
 * the end that sent the subflow's SYN, as in {@link Subflow}).
 *
 * @param clientFirstSentBytes  DSN bytes the client sent first on this subflow (new to the connection)
 * @param clientReinjectedBytes DSN bytes the client sent on this subflow after another subflow had sent them
 * @param serverFirstSentBytes  the same for the server
 * @param serverReinjectedBytes the same for the server
 */
public record SubflowData(long clientFirstSentBytes, long clientReinjectedBytes, long serverFirstSentBytes,
        long serverReinjectedBytes) {}
