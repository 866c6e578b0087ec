package org.braid.analysis;

/** Whether a connection uses DSS checksums, as its MP_CAPABLE handshake said; unknown without it. */
enum ChecksumUse {
    NEGOTIATED,
    NOT_NEGOTIATED,
    UNKNOWN;

    static ChecksumUse of(boolean negotiated) {
        return negotiated ? NEGOTIATED : NOT_NEGOTIATED;
    }

    /** The model's value: null when unknown. */
    Boolean toModel() {
        return this == UNKNOWN ? null : this == NEGOTIATED;
    }
}
