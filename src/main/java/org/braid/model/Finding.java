package org.braid.model;

/**
 * One entry of the expert analysis: what looks wrong (or notable) on a connection, in plain words,
 * with the packets that show it.
 *
 * @param kind       what was found; its group is {@link FindingKind#group()}
 * @param severity   how much it matters
 * @param connection the MPTCP connection index, or null for a plain TCP connection (an MPTCP attempt
 *                   refused at the handshake) or the trace as a whole
 * @param flow       the TCP flow index of the subflow concerned (see {@link Subflow#flow()}), or null
 *                   when the finding concerns the whole connection
 * @param startNanos capture time where the finding starts
 * @param endNanos   capture time where it ends (equal to the start for a single event)
 * @param summary    one line in plain words with the measured values
 * @param evidence   the packets that show it
 */
public record Finding(FindingKind kind, FindingSeverity severity, Integer connection, Integer flow, long startNanos,
        long endNanos, String summary, Evidence evidence) {
    public FindingGroup group() {
        return kind.group();
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
