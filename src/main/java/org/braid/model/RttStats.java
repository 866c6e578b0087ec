package org.braid.model;

/**
 * Round-trip times of one subflow at the capture point, from the handshake and from data/ACK
 * pairs (Karn's rule: never from retransmitted data), in nanoseconds.
 *
 * @param samples how many samples
 * @param min     the smallest
 * @param median  the median (the lower middle of an even count)
 * @param p95     the 95th percentile (nearest rank)
 */
public record RttStats(int samples, long min, long median, long p95) {}
