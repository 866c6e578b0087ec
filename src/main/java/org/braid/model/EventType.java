package org.braid.model;

/**
 * What a connection's timeline event is: an MPTCP option seen, or a finding of the analysis. The
 * constant's name is the stable name in JSON, CSV and text; consumers compare the constant, never
 * the text.
 */
public enum EventType {
    /** The MP_CAPABLE handshake, or its SYN/ACK without the SYN. */
    MP_CAPABLE,
    MP_JOIN,
    /** MPTCP options on a subflow whose handshake is not in the trace. */
    INCOMPLETE,
    /** A subflow without a handshake in the trace, grouped by its data-sequence space. */
    INFERRED_SUBFLOW,
    ADD_ADDR,
    REMOVE_ADDR,
    MP_PRIO,
    MP_FAIL,
    MP_FASTCLOSE,
    MP_TCPRST,
    DATA_FIN,
    /** The fallback to TCP was completed: an infinite mapping, or data without DSS. */
    FALLBACK,
    /** MP_FAIL on the only open subflow asked for a fallback. */
    FALLBACK_REQUESTED,
    CHECKSUM_FAILED,
    HMAC_MISMATCH,
    ADD_ADDR_HMAC_LEFTMOST,
    KEY_CHANGE,
    REINJECTION_BURST,
    ZERO_WINDOW,
    BEYOND_WINDOW,
    WINDOW_DISAGREEMENT,
    /** An ACK of subflow bytes the capture never saw. */
    CAPTURE_LOSS;

    /** The event of an MPTCP option subtype that is shown as itself (ADD_ADDR, MP_PRIO...). */
    public static EventType ofOption(String subtypeName) {
        return valueOf(subtypeName);
    }
}
