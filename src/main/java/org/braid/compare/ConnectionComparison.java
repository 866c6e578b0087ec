package org.braid.compare;

import java.util.List;

/**
 * One connection across both captures.
 *
 * @param match             the connections and how they were tied
 * @param aNearClient       true when the first capture is the one nearer the client (its packets reach the
 *                          second capture point after the first), false when nearer the server
 * @param subflows          per subflow of the first capture's connection
 * @param reinjections      reinjections judged
 * @param usefulBytes       bytes of needed and faster reinjections
 * @param redundantBytes    bytes of redundant reinjections
 * @param holRanges         byte ranges that waited at the receiver
 * @param holBytes          their bytes
 * @param holWait           the distribution of their waits
 * @param blockedNanos      time with at least one range waiting, summed over both data directions
 * @param dataNanos         time from the first to the last data packet at the receivers, summed likewise
 */
public record ConnectionComparison(ConnectionMatch match, boolean aNearClient, List<SubflowComparison> subflows,
        int reinjections, long usefulBytes, long redundantBytes, int holRanges, long holBytes, DelayStats holWait,
        long blockedNanos, long dataNanos) {
    public ConnectionComparison {
        subflows = List.copyOf(subflows);
    }

    /** Share of the data time spent blocked, or null without data. */
    public Double blockedShare() {
        return dataNanos <= 0 ? null : blockedNanos / (double) dataNanos;
    }
}
