package org.braid.model;

/**
 * When and why a connection fell back to plain TCP.
 *
 * @param packet 1-based number of the packet that shows it
 * @param flow   the subflow (TCP flow index) of that packet
 */
public record Fallback(FallbackReason reason, long timeNanos, long packet, int flow) {}
