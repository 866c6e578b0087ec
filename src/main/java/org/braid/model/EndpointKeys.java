package org.braid.model;

/**
 * What is known of one end's MPTCP key material; each value is null when the trace lacks it.
 *
 * @param key   the 64-bit key
 * @param token the 32-bit token (from the key, or from MP_JOIN SYNs)
 * @param idsn  the initial data sequence number, from the key
 */
public record EndpointKeys(Long key, Long token, Long idsn) {
    public static final EndpointKeys UNKNOWN = new EndpointKeys(null, null, null);
}
