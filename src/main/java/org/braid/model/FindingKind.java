package org.braid.model;

import java.util.Locale;

/** Every kind of finding the expert analysis reports, with its group. The README documents each. */
public enum FindingKind {
    /** An established subflow carried no data for a while as others did. */
    SILENT_SUBFLOW(FindingGroup.SUBFLOW),
    /** Retransmission timeouts (retransmissions at growing gaps) on a subflow, its data reinjected elsewhere. */
    PATH_FAILURE(FindingGroup.PATH),
    /** A router's ICMP or ICMPv6 error about a subflow's segments: fragmentation needed, unreachable, time exceeded. */
    ICMP_ERROR(FindingGroup.PATH),
    /** Data sent again on another subflow, grouped as one burst. */
    REINJECTION_BURST(FindingGroup.REINJECTION),
    /** The DATA_ACK held still while data above it was sent on other subflows. */
    HEAD_OF_LINE_BLOCKING(FindingGroup.DATA_LEVEL),
    /** No data-level progress until the end of the trace, after MP_FAIL or in a zero window. */
    STALLED_CONNECTION(FindingGroup.DATA_LEVEL),
    /** The receiver advertised a zero shared window. */
    ZERO_WINDOW(FindingGroup.WINDOW),
    /** Data sent beyond the right edge of the shared window. */
    BEYOND_WINDOW(FindingGroup.WINDOW),
    /** A sender held at the shared window's right edge for a while. */
    WINDOW_LIMITED(FindingGroup.WINDOW),
    /** Subflows of a connection advertised materially different right edges at about the same time. */
    WINDOW_DISAGREEMENT(FindingGroup.WINDOW),
    /** A DSS checksum failed: the failed mapping, MP_FAIL, then the reset or fallback. */
    CHECKSUM_FAILURE(FindingGroup.CHECKSUM),
    /** The connection fell back to plain TCP after its handshake. */
    FALLBACK(FindingGroup.FALLBACK),
    /** The SYN asked for MPTCP and the connection went on as plain TCP. */
    MPTCP_REFUSED(FindingGroup.HANDSHAKE),
    /** An MP_JOIN HMAC did not match the connection's keys. */
    JOIN_HMAC_MISMATCH(FindingGroup.HANDSHAKE),
    /** A join subflow reset before it carried any data. */
    JOIN_REFUSED(FindingGroup.HANDSHAKE),
    /** MP_JOIN with a token of no MP_CAPABLE handshake in the trace. */
    UNKNOWN_TOKEN(FindingGroup.HANDSHAKE),
    /** An ADD_ADDR HMAC did not match the connection's keys. */
    ADD_ADDR_HMAC_MISMATCH(FindingGroup.ADDRESSES),
    /** An address announced with ADD_ADDR that no subflow used. */
    ADD_ADDR_NOT_JOINED(FindingGroup.ADDRESSES),
    /** REMOVE_ADDR of an address whose subflow still had data in flight. */
    REMOVE_ADDR_WITH_DATA(FindingGroup.ADDRESSES),
    /** A backup subflow carried new data while a non-backup subflow was up. */
    BACKUP_USED(FindingGroup.SUBFLOW),
    /** The MP_CAPABLE handshake of a connection is not in the trace. */
    MISSING_HANDSHAKE(FindingGroup.CAPTURE),
    /** Packets cut by the snap length: mapped bytes missing, checksums unverifiable. */
    SNAPLEN_CUT(FindingGroup.CAPTURE),
    /** Acknowledgements of subflow data the trace does not hold: the capture lost packets. */
    CAPTURE_LOSS(FindingGroup.CAPTURE);

    private final FindingGroup group;

    FindingKind(FindingGroup group) {
        this.group = group;
    }

    public FindingGroup group() {
        return group;
    }

    /** The name used in JSON, CSV and the CLI: {@code silent-subflow}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
