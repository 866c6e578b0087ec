package org.braid.model;

/**
 * How Braid knows that subflows belong to one MPTCP connection, from the strongest evidence to the
 * weakest (see {@link ConnectionGrouping#grouping()} for a connection's).
 */
public enum Grouping {
    /** The MP_CAPABLE handshake is in the trace. */
    HANDSHAKE,
    /** An MP_JOIN SYN carried the connection's token. */
    TOKEN,
    /**
     * Neither is in the trace (the capture started later): the subflow carries MPTCP options, and
     * its 64-bit data sequence numbers or DATA_ACKs lie in the connection's data-sequence space.
     */
    INFERRED;

    /** The name in JSON and CSV. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
