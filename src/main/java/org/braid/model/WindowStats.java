package org.braid.model;

import java.util.List;

/**
 * The shared receive window of one data direction of a connection (RFC 8684 3.3.4): what the
 * receiver advertised as DATA_ACK + (window &lt;&lt; scale) over its subflows, and how the sender used it.
 * Right edges are relative to the direction's DSN base, like the DSN column.
 *
 * @param highestSent             the end of the highest DSN range the sender sent (relative), or null
 * @param highestDataAck          the highest DATA_ACK the receiver sent (relative), or null
 * @param advertisements          packets of the receiver carrying a DATA_ACK and a window
 * @param maxRightEdge            the largest right edge advertised (the one a sender may use), or null
 * @param belowMaxEdge            advertisements whose edge lay below the largest one already seen by
 *                                more than the scale's granularity (late or stale ones at the capture point)
 * @param shrinks                 advertisements whose edge lay below the same subflow's previous one by
 *                                more than the granularity: the receiver shrank its window there
 * @param beyondWindowChecked     false when some advertiser's scale is unknown: segments were not checked
 *                                against an edge that could be too low, nor window-limited time measured
 * @param beyondWindowPackets     data segments whose last DSN byte lay beyond the largest edge seen before them
 * @param beyondWindowBytes       bytes of those segments beyond the edge
 * @param zeroWindowPackets       advertisements of a zero window
 * @param zeroWindowPeriods       zero-window periods (every one, even past the listed ones)
 * @param zeroWindowNanos         total time in zero-window periods
 * @param zeroWindows             the first zero-window periods, in order (at most {@link #LISTED_PERIODS})
 * @param windowLimitedNanos      time during which the data in flight at the connection level (highest DSN
 *                                sent - highest DATA_ACK) filled the usable window to within one segment;
 *                                null when not {@code beyondWindowChecked}, as the edge may then be too low
 * @param disagreements           advertisements whose right edge lay below another subflow's advertised at about
 *                                the same moment (within the larger handshake RTT) by more than one segment
 *                                and more than 10 % of the larger window
 * @param subflows                per subflow of the connection, its scale and latest advertisement
 * @param windowLimits            the first window-limited periods of at least {@link #REPORTED_LIMIT_NANOS},
 *                                in order (at most {@link #LISTED_PERIODS}); empty when not {@code beyondWindowChecked}
 * @param disagreementList        the first disagreements, in order (at most {@link #LISTED_PERIODS})
 */
public record WindowStats(Long highestSent, Long highestDataAck, long advertisements, Long maxRightEdge,
        long belowMaxEdge, long shrinks, boolean beyondWindowChecked, long beyondWindowPackets, long beyondWindowBytes, long zeroWindowPackets,
        long zeroWindowPeriods, long zeroWindowNanos, List<WindowPeriod> zeroWindows, Long windowLimitedNanos,
        long disagreements, List<SubflowWindow> subflows, List<WindowLimit> windowLimits,
        List<WindowDisagreement> disagreementList) {
    /** How many periods or disagreements are listed; the counts include all. */
    public static final int LISTED_PERIODS = 1000;
    /** The shortest window-limited period listed: shorter ones are the ordinary pace of a transfer. */
    public static final long REPORTED_LIMIT_NANOS = 200_000_000L;

    public WindowStats {
        zeroWindows = List.copyOf(zeroWindows);
        subflows = List.copyOf(subflows);
        windowLimits = List.copyOf(windowLimits);
        disagreementList = List.copyOf(disagreementList);
    }

    /** Subflows that advertised for this direction without a known window scale. */
    public List<SubflowWindow> unknownScale() {
        return subflows.stream().filter(s -> s.unscaledAdvertisements() > 0).toList();
    }
}
