package org.braid.compare;

/**
 * A packet seen at one capture point only, and what the evidence says of where it went missing.
 *
 * @param connection  the connection's index in the first capture
 * @param subflow     the subflow's position in the first capture's connection, or null when it has none there
 * @param fromClient  true for a packet the connection's client sent
 * @param kind        {@link Kind}
 * @param inA         true when the packet is in the first capture, false when in the second
 * @param packet      its 1-based number in that capture
 * @param timeNanos   its capture time on the first capture's clock, or null when the clock offset is unknown
 * @param sequence    its TCP sequence number (as on the wire)
 * @param bytes       its TCP payload length
 * @param dsn         its relative DSN in that capture, or null
 * @param icmpErrorPacket for a network loss, the ICMP or ICMPv6 error in the same capture that quotes
 *                    this segment (a router refused it and said so), or null
 * @param icmpError   that error in words: its type and code, the next-hop MTU, the router; or null
 */
public record Loss(int connection, Integer subflow, boolean fromClient, Kind kind, boolean inA, long packet,
        Long timeNanos, long sequence, int bytes, Long dsn, Long icmpErrorPacket, String icmpError) {
    /** Where a packet went missing. */
    public enum Kind {
        /** Sent past the sender's capture point and never seen at the receiver's, with no sign it arrived. */
        NETWORK("network"),
        /** Missing from the receiver's capture although the receiver acknowledged its bytes first. */
        RECEIVER_CAPTURE("receiver_capture"),
        /** Seen at the receiver's capture point only: the sender's capture missed it. */
        SENDER_CAPTURE("sender_capture"),
        /** Passed while the other capture was not running (before its first or after its last packet). */
        OUTSIDE_CAPTURE("outside_capture"),
        /** Without a clock estimate, whether the other capture was running then is unknown: not judged. */
        UNJUDGED("unjudged");

        private final String csvName;

        Kind(String csvName) {
            this.csvName = csvName;
        }

        public String csvName() { return csvName; }

        /** True for the kinds that say where a packet that was sent went missing. */
        public boolean isLoss() {
            return this == NETWORK || this == RECEIVER_CAPTURE || this == SENDER_CAPTURE;
        }
    }
}
