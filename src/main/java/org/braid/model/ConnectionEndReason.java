package org.braid.model;

/** How an MPTCP connection ended, as far as the trace shows. */
public enum ConnectionEndReason {
    /** MP_FASTCLOSE: the abrupt close of the whole connection. */
    MP_FASTCLOSE,
    /** DATA_FIN both ways, each acknowledged by a DATA_ACK. */
    DATA_FIN,
    /** Every subflow ended, at least one with a reset, without both DATA_FINs. */
    RESET,
    /** Every subflow closed with FINs both ways, without both DATA_FINs (e.g. after a fallback). */
    FIN,
    /** A DATA_FIN one way only, or not acknowledged. */
    HALF_CLOSED,
    /** None of the above: still open when the trace ends. */
    OPEN
}
