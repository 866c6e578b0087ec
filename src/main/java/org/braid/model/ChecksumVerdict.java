package org.braid.model;

/** The DSS checksum verdict of one distinct mapping (RFC 8684 3.3.1). */
public enum ChecksumVerdict {
    /** Checksums were not negotiated, or the mapping carries none. */
    NONE,
    /** The ones' complement sum of the pseudo-header, the checksum and the mapped bytes is 0xffff. */
    VERIFIED,
    /** Every mapped byte was captured and the sum does not match: the data changed on the way. */
    FAILED,
    /** Bytes are missing (snaplen cut or capture loss), or the DSN's upper 32 bits are unknown. */
    UNVERIFIABLE
}
