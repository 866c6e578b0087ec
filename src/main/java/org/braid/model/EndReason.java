package org.braid.model;

/** How a TCP flow ended, as far as the trace shows. */
public enum EndReason {
    /** FIN seen in both directions. */
    FIN,
    /** FIN seen in one direction only: half closed when the trace ends. */
    HALF_CLOSED,
    /** A reset. */
    RST,
    /** Neither: still open when the trace ends. */
    OPEN
}
