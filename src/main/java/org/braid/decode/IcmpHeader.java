package org.braid.decode;

/**
 * The ICMP or ICMPv6 message of a {@link DecodedPacket}, reused by every decode; meaningful when
 * {@link #present()}. For neighbour discovery (ICMPv6 133 to 137) it also keeps the target address
 * and the link-layer address option, which the summaries name.
 */
public final class IcmpHeader {
    static final int LENGTH = 8;

    int offset = -1;
    boolean v6;
    int type;
    int code;
    int checksum;
    long rest;
    /** Bytes of the message on the wire, from the IP lengths. */
    int length;
    boolean hasTarget;
    long targetHigh;
    long targetLow;
    long linkAddress = -1;
    int linkAddressOffset = -1;

    void clearDiscovery() {
        hasTarget = false;
        targetHigh = 0;
        targetLow = 0;
        linkAddress = -1;
        linkAddressOffset = -1;
    }

    /** True when the packet carries a whole 8-byte ICMP or ICMPv6 header. */
    public boolean present() { return offset >= 0; }
    /** True for ICMPv6 (IP protocol 58), false for ICMP (1). */
    public boolean v6() { return v6; }
    public int offset() { return offset; }
    public int type() { return type; }
    public int code() { return code; }
    public int checksum() { return checksum; }
    /** The 32-bit word after the checksum ("rest of header"): identifier and sequence for echo, flags for NA. */
    public long rest() { return rest; }
    public int identifier() { return (int) (rest >>> 16); }
    public int sequence() { return (int) (rest & 0xffff); }
    public int length() { return length; }
    /** True for a neighbour solicitation, advertisement or redirect whose target address was captured. */
    public boolean hasTarget() { return hasTarget; }
    public long targetHigh() { return targetHigh; }
    public long targetLow() { return targetLow; }
    /** The source or target link-layer address option's 48-bit MAC, or -1 when absent. */
    public long linkAddress() { return linkAddress; }
    /** Where that option starts, relative to the frame; -1 when absent. */
    public int linkAddressOffset() { return linkAddressOffset; }
}
