package org.braid.render;

/**
 * TCP sequence and acknowledgment numbers as the window shows them: relative to the first of their
 * direction, as Wireshark does by default, where that first one is known.
 */
public interface TcpNumbering {
    /** No relative value: the base of that direction is not known. */
    long UNKNOWN = -1;

    /** {@code seq} relative to the first sequence number its sender used, or {@link #UNKNOWN}. */
    long sequence(long seq);

    /** {@code ack} relative to the first sequence number of the direction it acknowledges, or {@link #UNKNOWN}. */
    long acknowledgment(long ack);
}
