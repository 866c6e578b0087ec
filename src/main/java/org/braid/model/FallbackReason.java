package org.braid.model;

/** Why an MPTCP connection fell back to plain TCP after its handshake (RFC 8684 3.7). */
public enum FallbackReason {
    /** A DSS mapping with data-level length 0. */
    INFINITE_MAPPING,
    /** MP_FAIL on the only subflow left, without a reset: the receiver asks to carry on as plain TCP (a request). */
    MP_FAIL,
    /** Data on the initial subflow without any DSS mapping from its sender since the handshake. */
    DSS_MISSING
}
