package org.braid.decode;

/**
 * Numbers from the protocol registries that the decoders dispatch on and the detail tree names:
 * EtherTypes, PPP protocol numbers and IPv6 next-header values (IANA).
 */
public final class ProtocolNumbers {
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_QINQ = 0x88a8;
    public static final int ETHERTYPE_QINQ_OLD = 0x9100;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_MPLS = 0x8847;
    public static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    public static final int ETHERTYPE_PPPOE_DISCOVERY = 0x8863;
    public static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    public static final int PPP_IPV4 = 0x0021;
    public static final int PPP_IPV6 = 0x0057;

    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_IPV4 = 4;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;
    public static final int PROTOCOL_IPV6 = 41;
    public static final int PROTOCOL_GRE = 47;
    public static final int PROTOCOL_ICMPV6 = 58;
    public static final int IPV6_HOP_BY_HOP = 0;
    public static final int IPV6_ROUTING = 43;
    public static final int IPV6_FRAGMENT = 44;
    public static final int IPV6_AUTHENTICATION = 51;
    public static final int IPV6_DESTINATION_OPTIONS = 60;

    private ProtocolNumbers() {}
}
