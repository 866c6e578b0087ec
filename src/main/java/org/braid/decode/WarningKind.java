package org.braid.decode;

/**
 * What can be wrong in one packet. Each kind has a message template; {@code %d} is replaced by
 * the warning's detail value (a length, a type number...), so recording a warning allocates nothing.
 */
public enum WarningKind {
    FRAME_OUTSIDE_BUFFER("frame of %d captured bytes does not lie inside its buffer"),
    UNKNOWN_LINK_TYPE("unknown link type %d, not decoded"),
    LINK_HEADER_TRUNCATED("link-layer header truncated (%d bytes captured)"),
    TOO_MANY_VLAN_TAGS("more than %d stacked VLAN tags"),
    UNKNOWN_LOOPBACK_FAMILY("unknown loopback address family %d"),
    PKTAP_BAD_HEADER_LENGTH("PKTAP header length %d is below 108 bytes or past the captured frame"),
    IP_VERSION_MISMATCH("IP version %d does not match the link layer's protocol"),
    UNKNOWN_IP_VERSION("unknown IP version %d"),
    IP_HEADER_TRUNCATED("IP header truncated (%d bytes captured)"),
    IPV4_BAD_HEADER_LENGTH("IPv4 header length %d is below 20 bytes"),
    IPV4_BAD_TOTAL_LENGTH("IPv4 total length %d is shorter than its header"),
    IP_LENGTH_EXCEEDS_FRAME("IP length claims %d more bytes than the frame had on the wire"),
    IPV6_EXTENSION_TRUNCATED("IPv6 extension header %d truncated"),
    IPV6_TOO_MANY_EXTENSIONS("more than %d IPv6 extension headers"),
    IPV6_JUMBOGRAM("IPv6 payload length 0 (jumbogram?) with next header %d; length taken from the frame"),
    TCP_HEADER_TRUNCATED("TCP header truncated (%d bytes captured)"),
    TCP_BAD_DATA_OFFSET("TCP header length %d is below 20 bytes"),
    TCP_HEADER_EXCEEDS_IP("TCP header length %d exceeds the IP payload"),
    TCP_OPTION_BAD_LENGTH("TCP option has a bad length %d (below 2 or past the TCP header)"),
    TCP_OPTION_NO_LENGTH("TCP option of kind %d has no room for its length byte in the TCP header"),
    TCP_OPTION_TRUNCATED("TCP option cut by the end of the capture (%d bytes captured)"),
    TCP_OPTION_KNOWN_KIND_BAD_LENGTH("TCP option has the wrong length %d for its kind"),
    TCP_TOO_MANY_OPTIONS("more than %d TCP options"),
    UDP_HEADER_TRUNCATED("UDP header truncated (%d bytes captured)"),
    UDP_BAD_LENGTH("UDP length %d is below 8 or beyond the IP payload"),
    ICMP_TRUNCATED("ICMP header truncated (%d bytes captured)"),
    ICMPV6_TRUNCATED("ICMPv6 message truncated (%d bytes captured)"),
    ICMPV6_OPTION_ZERO_LENGTH("ICMPv6 option of type %d has length 0"),
    ARP_TRUNCATED("ARP packet truncated (%d bytes captured)"),
    MPTCP_NO_SUBTYPE("MPTCP option of length %d has no subtype byte"),
    /** Detail: the raw subtype in the upper 32 bits, the option length in the lower. */
    MPTCP_BAD_LENGTH("MPTCP %s option has a bad length %d for its subtype"),
    MPTCP_ADD_ADDR_IPVER_MISMATCH("ADD_ADDR v0 IP version %d does not match the option length"),
    MPTCP_TOO_MANY_OPTIONS("more than %d MPTCP options"),
    TUNNEL_HEADER_TRUNCATED("tunnel header truncated (%d bytes captured)"),
    TOO_MANY_TUNNEL_LAYERS("more than %d tunnel layers"),
    GTP_BAD_EXTENSION_LENGTH("GTP-U extension header of type %d has length 0"),
    MPLS_TOO_MANY_LABELS("more than %d MPLS labels");

    private final String template;

    WarningKind(String template) {
        this.template = template;
    }

    /** The message for this kind with {@code detail} filled in. */
    public String message(long detail) {
        if (template.contains("%s")) {
            // Two values in one detail: the subtype names the option, the rest is the number.
            return template.replace("%s", MptcpSubtype.of((int) (detail >>> 32)).name())
                    .replace("%d", Long.toString(detail & 0xffffffffL));
        }
        return template.replace("%d", Long.toString(detail));
    }
}
