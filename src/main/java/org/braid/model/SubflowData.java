package org.braid.model;

/**
 * Where a subflow's payload bytes went, per direction of the subflow (client = the end that sent
 * the subflow's SYN, as in {@link Subflow}). Every payload byte is exactly one of first-sent,
 * reinjected, retransmitted, resent or unmapped, so those five add up to the direction's payload.
 */
public record SubflowData(Direction client, Direction server) {
    /**
     * One direction.
     *
     * @param firstSentBytes     DSN bytes sent first on this subflow (new to the connection)
     * @param reinjectedBytes    DSN bytes sent after another subflow had sent them (reinjections)
     * @param retransmittedBytes bytes repeating this subflow's own sequence numbers (TCP retransmissions),
     *                           including those whose original went by before the capture started
     * @param resentBytes        DSN bytes this subflow had sent before, sent again with new subflow sequence
     *                           numbers (an MPTCP-level resend on the same subflow)
     * @param unmappedBytes      payload bytes whose DSN is unknown: no mapping, or the subflow's sequence
     *                           numbers not yet anchored (a capture that started late), or after fallback
     * @param resends            packets that resent data on this subflow
     * @param captureLostBytes   bytes the receiver acknowledged that the capture never saw
     * @param captureLostGaps    holes in the subflow sequence those bytes fell in
     */
    public record Direction(long firstSentBytes, long reinjectedBytes, long retransmittedBytes, long resentBytes,
            long unmappedBytes, long resends, long captureLostBytes, long captureLostGaps) {
        /** The payload bytes accounted for: the sum of the five categories. */
        public long payloadBytes() {
            return firstSentBytes + reinjectedBytes + retransmittedBytes + resentBytes + unmappedBytes;
        }
    }

    public long clientFirstSentBytes() { return client.firstSentBytes(); }
    public long clientReinjectedBytes() { return client.reinjectedBytes(); }
    public long serverFirstSentBytes() { return server.firstSentBytes(); }
    public long serverReinjectedBytes() { return server.reinjectedBytes(); }
}
