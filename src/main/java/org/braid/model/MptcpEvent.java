package org.braid.model;

/**
 * Something notable on a connection's timeline: an MPTCP option or a finding of the analysis.
 *
 * @param type    what it is; its name is the stable name in JSON and CSV
 * @param timeNanos capture time in nanoseconds since the epoch
 * @param packet  1-based packet number
 * @param flow    index of the subflow's TCP flow (see {@link Subflow#flow()})
 * @param detail  human-readable detail, may be empty
 */
public record MptcpEvent(EventType type, long timeNanos, long packet, int flow, String detail) {}
