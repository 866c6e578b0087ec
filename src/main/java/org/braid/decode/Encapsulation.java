package org.braid.decode;

/**
 * A layer a tunnel wraps around the packet Braid analyses: captures on a 5G user plane (GTP-U),
 * a hybrid-access DSL line (PPPoE, L2TP), a data centre's overlay (VXLAN, VXLAN-GPE, Geneve) or a remote port
 * mirror (ERSPAN over GRE) carry MPTCP subflows inside. The decoder records each layer and decodes
 * the innermost packet as the packet itself, as Wireshark's columns show it.
 */
public enum Encapsulation {
    /** An IPv4 header carrying another packet (IP-in-IP, GRE, a UDP tunnel). */
    OUTER_IPV4("ip", "Internet Protocol Version 4"),
    /** An IPv6 header, with its extension headers, carrying another packet. */
    OUTER_IPV6("ipv6", "Internet Protocol Version 6"),
    /** The UDP header of GTP-U, VXLAN, VXLAN-GPE, Geneve or L2TP. */
    UDP("udp", "User Datagram Protocol"),
    GRE("gre", "Generic Routing Encapsulation"),
    /** GPRS Tunnelling Protocol, user plane (3GPP TS 29.281): the N3 and N9 interfaces of 5G. */
    GTP_U("gtp", "GPRS Tunneling Protocol"),
    /** VXLAN, and VXLAN-GPE (its P flag set, a next-protocol field instead of always Ethernet). */
    VXLAN("vxlan", "Virtual eXtensible Local Area Network"),
    GENEVE("geneve", "Generic Network Virtualization Encapsulation"),
    ERSPAN("erspan", "Encapsulated Remote Switch Port Analyzer"),
    /** The Ethernet header inside VXLAN, Geneve, ERSPAN or GRE bridging, with its VLAN tags. */
    INNER_ETHERNET("eth", "Ethernet II"),
    /** A PPPoE session header and the PPP protocol field after it (RFC 2516). */
    PPPOE("pppoes", "PPP-over-Ethernet Session"),
    /** An MPLS label stack, bottom of stack included. */
    MPLS("mpls", "MultiProtocol Label Switching Header"),
    /**
     * An L2TPv2 data message and the PPP header after it (RFC 2661): a DSL session between the
     * access concentrator and the network server. Its identifier is the tunnel ID times 65536 plus
     * the session ID.
     */
    L2TP("l2tp", "Layer 2 Tunneling Protocol");

    private final String filterName;
    private final String title;

    Encapsulation(String filterName, String title) {
        this.filterName = filterName;
        this.title = title;
    }

    /** The name of its protocol in display filters, as in Wireshark. */
    public String filterName() {
        return filterName;
    }

    /** The protocol's name as the details tree titles it. */
    public String title() {
        return title;
    }
}
