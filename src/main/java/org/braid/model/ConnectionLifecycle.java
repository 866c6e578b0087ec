package org.braid.model;

/**
 * A connection's life after its handshake.
 *
 * @param fallback            null, or when and why it fell back to plain TCP
 * @param end                 how it ended
 * @param addAddrHmacVerified ADD_ADDR (v1) HMACs that matched the keys
 * @param addAddrHmacFailed   ADD_ADDR (v1) HMACs that did not
 */
public record ConnectionLifecycle(Fallback fallback, ConnectionEnd end, int addAddrHmacVerified,
        int addAddrHmacFailed) {}
