package org.braid.decode;

/**
 * The ICMP or ICMPv6 message of a {@link DecodedPacket}, reused by every decode; meaningful when
 * {@link #present()}. For neighbour discovery (ICMPv6 133 to 137) it also keeps the target address
 * and the link-layer address option, which the summaries name. For an error message (destination
 * unreachable, packet too big, time exceeded, parameter problem; ICMP's source quench and redirect
 * too) it keeps what the quoted packet in error says of itself: its addresses, protocol and, when
 * captured, its ports and TCP sequence number, so an error can be told apart by the subflow it hit.
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

    // The packet in error, quoted after the 8-byte header; innerOffset -1 when there is none
    int innerOffset = -1;
    int innerVersion;
    int innerHeaderLength;
    int innerProtocol;
    /**
     * 128-bit addresses, IPv4 as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}: high half 0), the form the
     * flow table and the address filters key on; the low 32 bits are the IPv4 address itself.
     */
    long innerSourceHigh;
    long innerSourceLow;
    long innerDestinationHigh;
    long innerDestinationLow;
    int innerTransportOffset = -1;
    int innerSourcePort = -1;
    int innerDestinationPort = -1;
    long innerSequence = -1;

    /** The packet in error was found inside the tunnel packet the error quotes. */
    boolean innerInTunnel;

    void clearInner() {
        innerOffset = -1;
        innerInTunnel = false;
        innerTransportOffset = -1;
        innerSourcePort = -1;
        innerDestinationPort = -1;
        innerSequence = -1;
    }

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

    /** True for the error messages that quote the packet in error (RFC 792, RFC 4443 section 3). */
    public boolean isError() {
        return v6 ? type >= 1 && type <= 4 : type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    /**
     * The next-hop MTU of "fragmentation needed" (RFC 1191) or of ICMPv6 "packet too big" (RFC
     * 4443), or -1 for other messages: the path MTU discovery signal a subflow can be blackholed without.
     */
    public long nextHopMtu() {
        if (v6) {
            return type == 2 ? rest : -1;
        }
        return type == 3 && code == 4 ? rest & 0xffff : -1;
    }

    /** True when the quoted packet in error's IP header was captured whole. */
    public boolean hasInner() { return innerOffset >= 0; }
    /** True when the packet in error is the one inside the quoted tunnel packet (its outer headers skipped). */
    public boolean innerInTunnel() { return innerInTunnel; }
    /** Where the quoted IP header starts, relative to the frame. */
    public int innerOffset() { return innerOffset; }
    public int innerVersion() { return innerVersion; }
    public int innerHeaderLength() { return innerHeaderLength; }
    /** The quoted packet's upper protocol: its IPv4 protocol or its IPv6 next header. */
    public int innerProtocol() { return innerProtocol; }
    public long innerSourceHigh() { return innerSourceHigh; }
    public long innerSourceLow() { return innerSourceLow; }
    public long innerDestinationHigh() { return innerDestinationHigh; }
    public long innerDestinationLow() { return innerDestinationLow; }
    /** Where the quoted TCP or UDP header starts, relative to the frame; -1 when its ports were not captured. */
    public int innerTransportOffset() { return innerTransportOffset; }
    public int innerSourcePort() { return innerSourcePort; }
    public int innerDestinationPort() { return innerDestinationPort; }
    /** The quoted TCP sequence number, or -1 when not TCP or not captured. */
    public long innerSequence() { return innerSequence; }
}
