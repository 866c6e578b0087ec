package org.braid.ui.packets;

/**
 * The colour class of a packet row, most important first: a row takes the first that applies.
 * The decoder's classes are kept in the packet index; the analysis's (checksum failure,
 * reinjection, retransmission) come from its flags column when the row is shown.
 */
public enum PacketColor {
    /** The decoder warned about the packet (bad lengths, truncated headers or options). */
    MALFORMED("packet-malformed"),
    /** The analysis found the packet's DSS checksum wrong. */
    CHECKSUM_FAILED("packet-checksum-failed"),
    /** TCP RST, MPTCP MP_TCPRST or MP_FASTCLOSE. */
    RESET("packet-reset"),
    /** Data first sent on another subflow of the connection (an MPTCP reinjection). */
    REINJECTION("packet-reinjection"),
    /** Data-level bytes sent again on the subflow that sent them, with new sequence numbers (an MPTCP resend). */
    RESENT("packet-resent"),
    /** A TCP retransmission on the same subflow. */
    TCP_RETRANSMISSION("packet-tcp-retransmission"),
    /** Acknowledges subflow bytes the capture never saw: the capture lost packets before it. */
    CAPTURE_LOSS("packet-capture-loss"),
    /** MPTCP options other than plain data mappings: MP_CAPABLE, MP_JOIN, ADD_ADDR, MP_PRIO, MP_FAIL, DATA_FIN... */
    MPTCP_SIGNALLING("packet-mptcp-signalling"),
    /** TCP SYN or FIN without MPTCP signalling. */
    TCP_HANDSHAKE("packet-tcp-handshake"),
    /** Plain MPTCP data or acknowledgements (DSS only). */
    MPTCP_DATA("packet-mptcp-data"),
    NONE("packet-plain");

    private static final PacketColor[] VALUES = values();

    private final String styleClass;

    PacketColor(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS style class of rows of this colour (see braid.css). */
    public String styleClass() { return styleClass; }

    static PacketColor ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
