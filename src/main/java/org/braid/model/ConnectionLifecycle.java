package org.braid.model;

/**
 * A connection's life after its handshake.
 *
 * @param fallback            null, or when and why the fallback to plain TCP was completed: an infinite
 *                            mapping, or data without DSS
 * @param fallbackRequested   null, or the MP_FAIL on the only open subflow that asked for the fallback
 *                            (RFC 8684 3.7); without a completed fallback after it, the connection did not
 *                            fall back (Linux then keeps sending mappings and stalls)
 * @param end                 how it ended
 * @param addAddrHmacVerified ADD_ADDR (v1) HMACs that matched the keys
 * @param addAddrHmacFailed   ADD_ADDR (v1) HMACs that did not
 * @param addAddrHmacLeftmost ADD_ADDR (v1) HMACs that match the keys in their leftmost 64 bits instead of the
 *                            rightmost (early Linux kernels): authentic, but not as RFC 8684 3.4.1 says
 */
public record ConnectionLifecycle(Fallback fallback, Fallback fallbackRequested, ConnectionEnd end, int addAddrHmacVerified,
        int addAddrHmacFailed, int addAddrHmacLeftmost) {}
