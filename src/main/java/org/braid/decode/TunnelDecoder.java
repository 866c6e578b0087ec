package org.braid.decode;

import static org.braid.decode.ProtocolNumbers.ETHERTYPE_IPV4;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_IPV6;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_MPLS;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_MPLS_MULTICAST;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_QINQ;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_QINQ_OLD;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_VLAN;

import java.nio.ByteBuffer;

/**
 * Decodes the tunnels MPTCP is captured in, and then the packet inside as the packet itself:
 * IP-in-IP, GRE (with ERSPAN and transparent Ethernet bridging), GTP-U, VXLAN and Geneve over UDP,
 * PPPoE sessions and MPLS label stacks. A layer is recorded only once its header checks out, so a
 * stray datagram to port 2152 or 4789 stays plain UDP. Each header is checked for length before
 * it is read; nesting is bounded by {@link DecodedPacket#MAX_TUNNEL_LAYERS}.
 */
final class TunnelDecoder {
    static final int GTP_U_PORT = 2152;
    static final int VXLAN_PORT = 4789;
    static final int GENEVE_PORT = 6081;
    static final int VXLAN_GPE_PORT = 4790;
    static final int L2TP_PORT = 1701;
    static final int ETHERTYPE_TRANSPARENT_ETHERNET = 0x6558;
    static final int ETHERTYPE_ERSPAN_2 = 0x88be;
    static final int ETHERTYPE_ERSPAN_3 = 0x22eb;
    private static final int GTP_T_PDU = 0xff;
    private static final int MAX_MPLS_LABELS = 16;
    private static final int ETHERNET_HEADER = 14;
    private static final int NO_ID = -1;

    private TunnelDecoder() {}

    /**
     * IP protocols 4 (IPv4), 41 (IPv6) and 47 (GRE) after the IP header that ends at {@code at}; true
     * when the packet inside was reached, so the caller decodes nothing more.
     */
    static boolean overIp(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, DecodedPacket p) {
        int wireEnd = at + Math.max(0, wireLength);
        return switch (p.ipProtocol) {
            case ProtocolNumbers.PROTOCOL_IPV4, ProtocolNumbers.PROTOCOL_IPV6 -> {
                if (at >= capturedEnd || !enterOuterIp(base, at, p)) {
                    yield false;
                }
                innerIp(buf, base, at, capturedEnd, wireEnd, p.ipProtocol == ProtocolNumbers.PROTOCOL_IPV4 ? 4 : 6, p);
                yield true;
            }
            case ProtocolNumbers.PROTOCOL_GRE -> gre(buf, base, at, capturedEnd, wireEnd, p);
            default -> false;
        };
    }

    /**
     * The payload of the UDP header at {@code at} when a port says GTP-U, VXLAN or Geneve and the
     * header checks out; true when the packet inside was reached.
     */
    static boolean overUdp(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, DecodedPacket p) {
        int sourcePort = buf.getShort(at) & 0xffff;
        int destinationPort = buf.getShort(at + 2) & 0xffff;
        int h = at + UdpHeader.LENGTH;
        int wireEnd = at + Math.max(0, wireLength);
        if (destinationPort == GTP_U_PORT || sourcePort == GTP_U_PORT) {
            return gtpU(buf, base, at, h, capturedEnd, wireEnd, p);
        } else if (destinationPort == VXLAN_PORT) {
            return vxlan(buf, base, at, h, capturedEnd, wireEnd, p);
        } else if (destinationPort == GENEVE_PORT) {
            return geneve(buf, base, at, h, capturedEnd, wireEnd, p);
        } else if (destinationPort == VXLAN_GPE_PORT) {
            return vxlanGpe(buf, base, at, h, capturedEnd, wireEnd, p);
        } else if (destinationPort == L2TP_PORT || sourcePort == L2TP_PORT) {
            return l2tp(buf, base, at, h, capturedEnd, wireEnd, p);
        }
        return false;
    }

    /** GTP-U (3GPP TS 29.281 5.1): a T-PDU carries an IP packet after the header and its extension headers. */
    private static boolean gtpU(ByteBuffer buf, int base, int udp, int g, int end, int wireEnd, DecodedPacket p) {
        if (end - g < 8) {
            return false;
        }
        int flags = buf.get(g) & 0xff;
        if (flags >>> 5 != 1 || (flags & 0x10) == 0 || (buf.get(g + 1) & 0xff) != GTP_T_PDU) {
            return false; // GTPv1 user data only: echoes, end markers and GTP' stay UDP
        }
        long teid = buf.getInt(g + 4) & 0xffffffffL;
        int header = 8;
        if ((flags & 0x07) != 0) { // sequence number, N-PDU number or extension flag: the optional 4 bytes follow
            if (end - g < 12) {
                return truncated(base, udp, g, end, Encapsulation.GTP_U, teid, p);
            }
            header = 12;
            int next = (flags & 0x04) != 0 ? buf.get(g + 11) & 0xff : 0;
            while (next != 0) {
                if (end - (g + header) < 1) {
                    return truncated(base, udp, g, end, Encapsulation.GTP_U, teid, p);
                }
                int length = (buf.get(g + header) & 0xff) * 4;
                if (length == 0) {
                    return stopped(base, udp, g, header, Encapsulation.GTP_U, teid,
                            WarningKind.GTP_BAD_EXTENSION_LENGTH, g + header, next, p);
                }
                if (end - (g + header) < length) {
                    return truncated(base, udp, g, end, Encapsulation.GTP_U, teid, p);
                }
                next = buf.get(g + header + length - 1) & 0xff;
                header += length;
            }
        }
        if (!enterOverUdp(base, udp, p) || !p.addTunnel(Encapsulation.GTP_U, g - base, header, teid)) {
            return true;
        }
        p.clearNetworkLayer();
        if (g + header < end) {
            innerIp(buf, base, g + header, end, wireEnd, 0, p);
        }
        return true;
    }

    /** VXLAN (RFC 7348): 8 bytes with the I flag and a 24-bit VNI, then an Ethernet frame. */
    private static boolean vxlan(ByteBuffer buf, int base, int udp, int v, int end, int wireEnd, DecodedPacket p) {
        if (end - v < 8 || (buf.get(v) & 0x08) == 0) {
            return false;
        }
        long vni = (buf.getInt(v + 4) >>> 8) & 0xffffffL;
        if (enterOverUdp(base, udp, p) && p.addTunnel(Encapsulation.VXLAN, v - base, 8, vni)) {
            p.clearNetworkLayer();
            innerEthernet(buf, base, v + 8, end, wireEnd, p);
        }
        return true;
    }

    /**
     * VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe): VXLAN's 8 bytes with the P flag, version 0 and a next
     * protocol: IPv4 (1), IPv6 (2), Ethernet (3) or MPLS (5). NSH (4) and others are recorded, not opened.
     */
    private static boolean vxlanGpe(ByteBuffer buf, int base, int udp, int v, int end, int wireEnd, DecodedPacket p) {
        if (end - v < 8 || (buf.get(v) & 0x3c) != 0x0c) {
            return false; // I and P flags, version 0: anything else is not VXLAN-GPE
        }
        int next = buf.get(v + 3) & 0xff;
        long vni = (buf.getInt(v + 4) >>> 8) & 0xffffffL;
        if (enterOverUdp(base, udp, p) && p.addTunnel(Encapsulation.VXLAN, v - base, 8, vni)) {
            p.clearNetworkLayer();
            switch (next) {
                case 1, 2 -> innerIp(buf, base, v + 8, end, wireEnd, next == 1 ? 4 : 6, p);
                case 3 -> innerEthernet(buf, base, v + 8, end, wireEnd, p);
                case 5 -> mpls(buf, base, v + 8, end, wireEnd, p);
                default -> { }
            }
        }
        return true;
    }

    /**
     * L2TPv2 (RFC 2661 3.1): a data message's header, whose length, sequence numbers and offset
     * padding are each there when a flag says, then PPP, with or without its address and control
     * bytes, and IP. Control messages and L2TPv3 (whose cookie length is configured, not carried)
     * stay UDP.
     */
    private static boolean l2tp(ByteBuffer buf, int base, int udp, int v, int end, int wireEnd, DecodedPacket p) {
        if (end - v < 6) {
            return false;
        }
        int flags = buf.getShort(v) & 0xffff;
        if ((flags & 0x000f) != 2 || (flags & 0x8000) != 0) {
            return false;
        }
        int header = 2 + ((flags & 0x4000) != 0 ? 2 : 0);
        int ids = v + header;
        header += 4 + ((flags & 0x0800) != 0 ? 4 : 0);
        if ((flags & 0x0200) != 0 && end - v >= header + 2) {
            header += 2 + (buf.getShort(v + header) & 0xffff);
        } else if ((flags & 0x0200) != 0) {
            header += 2;
        }
        if (end - v < header) {
            return truncated(base, udp, v, end, Encapsulation.L2TP, NO_ID, p);
        }
        long id = ((buf.getShort(ids) & 0xffffL) << 16) | (buf.getShort(ids + 2) & 0xffff);
        int ppp = v + header;
        int pppLength = PppHeader.length(buf, ppp, end);
        if (pppLength < 0) {
            return truncated(base, udp, v, end, Encapsulation.L2TP, id, p);
        }
        int protocol = PppHeader.protocol(buf, ppp, pppLength);
        int inner = ppp + pppLength;
        if (enterOverUdp(base, udp, p) && p.addTunnel(Encapsulation.L2TP, v - base, inner - v, id)) {
            p.clearNetworkLayer();
            if (protocol == ProtocolNumbers.PPP_IPV4 || protocol == ProtocolNumbers.PPP_IPV6) {
                innerIp(buf, base, inner, end, wireEnd, protocol == ProtocolNumbers.PPP_IPV4 ? 4 : 6, p);
            }
        }
        return true;
    }

    /** Geneve (RFC 8926): 8 bytes and the options, then the protocol its EtherType names. */
    private static boolean geneve(ByteBuffer buf, int base, int udp, int v, int end, int wireEnd, DecodedPacket p) {
        if (end - v < 8 || (buf.get(v) & 0xff) >>> 6 != 0) {
            return false;
        }
        int header = 8 + (buf.get(v) & 0x3f) * 4;
        int protocol = buf.getShort(v + 2) & 0xffff;
        long vni = (buf.getInt(v + 4) >>> 8) & 0xffffffL;
        if (end - v < header) {
            return truncated(base, udp, v, end, Encapsulation.GENEVE, vni, p);
        }
        if (enterOverUdp(base, udp, p) && p.addTunnel(Encapsulation.GENEVE, v - base, header, vni)) {
            p.clearNetworkLayer();
            etherType(buf, base, v + header, end, wireEnd, protocol, p);
        }
        return true;
    }

    /**
     * GRE version 0 (RFC 2784, keys and sequence numbers RFC 2890): IP, Ethernet bridging, MPLS, or
     * ERSPAN type I, II and III mirror traffic after it. Source routing (RFC 1701) is not decoded.
     */
    private static boolean gre(ByteBuffer buf, int base, int g, int end, int wireEnd, DecodedPacket p) {
        if (end - g < 4) {
            return false;
        }
        int flags = buf.getShort(g) & 0xffff;
        boolean checksum = (flags & 0x8000) != 0;
        boolean routing = (flags & 0x4000) != 0;
        boolean key = (flags & 0x2000) != 0;
        boolean sequence = (flags & 0x1000) != 0;
        if ((flags & 0x07) != 0 || routing) {
            return false; // PPTP's enhanced GRE and source routes: shown as the IP protocol alone
        }
        int protocol = buf.getShort(g + 2) & 0xffff;
        int header = 4 + (checksum ? 4 : 0) + (key ? 4 : 0) + (sequence ? 4 : 0);
        long id = NO_ID;
        if (end - g < header) {
            return false;
        }
        if (key) {
            id = buf.getInt(g + 4 + (checksum ? 4 : 0)) & 0xffffffffL;
        }
        if (!enterOuterIp(base, g, p) || !p.addTunnel(Encapsulation.GRE, g - base, header, id)) {
            return true;
        }
        p.clearNetworkLayer();
        int inner = g + header;
        if (protocol == ETHERTYPE_ERSPAN_2 || protocol == ETHERTYPE_ERSPAN_3) {
            erspan(buf, base, inner, end, wireEnd, protocol == ETHERTYPE_ERSPAN_3 ? 3 : sequence ? 2 : 1, p);
        } else {
            etherType(buf, base, inner, end, wireEnd, protocol, p);
        }
        return true;
    }

    /** ERSPAN: type I has no header, type II 8 bytes, type III 12 and an optional 8; then the mirrored frame. */
    private static void erspan(ByteBuffer buf, int base, int e, int end, int wireEnd, int type, DecodedPacket p) {
        int header = type == 1 ? 0 : 8;
        if (type == 3) {
            if (end - e < 12) {
                p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, e - base, Math.max(0, end - e));
                return;
            }
            header = (buf.get(e + 11) & 0x01) != 0 ? 20 : 12; // the O flag: a platform-specific subheader follows
        }
        if (end - e < header) {
            p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, e - base, Math.max(0, end - e));
            return;
        }
        long session = header == 0 ? NO_ID : buf.getShort(e + 2) & 0x3ff;
        if (p.addTunnel(Encapsulation.ERSPAN, e - base, header, session)) {
            innerEthernet(buf, base, e + header, end, wireEnd, p);
        }
    }

    /** An Ethernet frame inside a tunnel, its VLAN tags included in the layer. */
    private static void innerEthernet(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        if (end - at < ETHERNET_HEADER) {
            p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, at - base, Math.max(0, end - at));
            return;
        }
        int pos = at + 12;
        int type = buf.getShort(pos) & 0xffff;
        int tags = 0;
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
            if (++tags > DecodedPacket.MAX_VLAN_TAGS) {
                p.warn(WarningKind.TOO_MANY_VLAN_TAGS, pos - base, DecodedPacket.MAX_VLAN_TAGS);
                return;
            }
            if (end - (pos + 2) < 6) {
                p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, at - base, end - at);
                return;
            }
            pos += 4;
            type = buf.getShort(pos) & 0xffff;
        }
        if (p.addTunnel(Encapsulation.INNER_ETHERNET, at - base, pos + 2 - at, NO_ID)) {
            etherType(buf, base, pos + 2, end, wireEnd, type, p);
        }
    }

    /** What an EtherType names inside a tunnel: IP, ARP, Ethernet, MPLS or PPPoE; anything else ends the decode. */
    private static void etherType(ByteBuffer buf, int base, int at, int end, int wireEnd, int type, DecodedPacket p) {
        if (type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6) {
            innerIp(buf, base, at, end, wireEnd, type == ETHERTYPE_IPV4 ? 4 : 6, p);
        } else if (type == ProtocolNumbers.ETHERTYPE_ARP) {
            OtherProtocolDecoder.arp(buf, base, at, end, p);
        } else if (type == ETHERTYPE_TRANSPARENT_ETHERNET) {
            innerEthernet(buf, base, at, end, wireEnd, p);
        } else {
            linkTunnel(buf, base, at, end, wireEnd, type, p);
        }
    }

    /** MPLS and PPPoE, which Ethernet and cooked captures carry too; false for any other EtherType. */
    static boolean linkTunnel(ByteBuffer buf, int base, int at, int end, int wireEnd, int type, DecodedPacket p) {
        if (type == ETHERTYPE_MPLS || type == ETHERTYPE_MPLS_MULTICAST) {
            mpls(buf, base, at, end, wireEnd, p);
            return true;
        } else if (type == ProtocolNumbers.ETHERTYPE_PPPOE_SESSION) {
            pppoe(buf, base, at, end, wireEnd, p);
            return true;
        }
        return false;
    }

    /** A PPPoE session (RFC 2516): 6 bytes, then PPP's 2-byte protocol, then IP. */
    private static void pppoe(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        if (end - at < 8) {
            p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, at - base, Math.max(0, end - at));
            return;
        }
        if ((buf.get(at) & 0xff) != 0x11) {
            return; // not version 1, type 1: not a session we can read
        }
        long session = buf.getShort(at + 2) & 0xffff;
        int payloadEnd = Math.min(wireEnd, at + 6 + (buf.getShort(at + 4) & 0xffff));
        int protocol = buf.getShort(at + 6) & 0xffff;
        if (p.addTunnel(Encapsulation.PPPOE, at - base, 8, session)) {
            if (protocol == ProtocolNumbers.PPP_IPV4 || protocol == ProtocolNumbers.PPP_IPV6) {
                innerIp(buf, base, at + 8, Math.min(end, Math.max(at + 8, payloadEnd)), Math.max(at + 8, payloadEnd),
                        protocol == ProtocolNumbers.PPP_IPV4 ? 4 : 6, p);
            }
        }
    }

    /** An MPLS label stack (RFC 3032) down to the bottom-of-stack entry, then IP by its version nibble. */
    private static void mpls(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        int pos = at;
        boolean bottom = false;
        for (int labels = 0; !bottom; labels++) {
            if (labels == MAX_MPLS_LABELS) {
                p.warn(WarningKind.MPLS_TOO_MANY_LABELS, pos - base, MAX_MPLS_LABELS);
                return;
            }
            if (end - pos < 4) {
                p.warn(WarningKind.TUNNEL_HEADER_TRUNCATED, at - base, Math.max(0, end - at));
                return;
            }
            bottom = (buf.get(pos + 2) & 0x01) != 0;
            pos += 4;
        }
        if (!p.addTunnel(Encapsulation.MPLS, at - base, pos - at, (buf.getInt(at) >>> 12) & 0xfffff)) {
            return;
        }
        int version = pos < end ? (buf.get(pos) & 0xff) >>> 4 : 0;
        if (version == 4 || version == 6) {
            innerIp(buf, base, pos, end, wireEnd, version, p);
        }
    }

    /** The packet inside, decoded in place of the tunnel's own IP header. */
    private static void innerIp(ByteBuffer buf, int base, int at, int end, int wireEnd, int expected, DecodedPacket p) {
        p.clearNetworkLayer();
        IpDecoder.decode(buf, base, at, end, Math.max(end, wireEnd), expected, p);
    }

    /** Records the IP header (extension headers included) that ends at {@code at} as a tunnel layer. */
    private static boolean enterOuterIp(int base, int at, DecodedPacket p) {
        int offset = p.ipOffset;
        return p.addTunnel(p.ipVersion == 6 ? Encapsulation.OUTER_IPV6 : Encapsulation.OUTER_IPV4, offset,
                at - base - offset, NO_ID);
    }

    /** The outer IP header and the UDP header at {@code udp}, as layers. */
    private static boolean enterOverUdp(int base, int udp, DecodedPacket p) {
        return enterOuterIp(base, udp, p) && p.addTunnel(Encapsulation.UDP, udp - base, UdpHeader.LENGTH, NO_ID);
    }

    /** A tunnel header cut by the capture: the layers so far and a warning; nothing inside is decoded. */
    private static boolean truncated(int base, int udp, int at, int end, Encapsulation kind, long id, DecodedPacket p) {
        return stopped(base, udp, at, end - at, kind, id, WarningKind.TUNNEL_HEADER_TRUNCATED, at, end - at, p);
    }

    /**
     * A UDP tunnel whose header at {@code at} ({@code length} bytes of it) cannot be read past: its
     * layers so far, and {@code warning} at {@code warningAt}; nothing inside is decoded.
     */
    private static boolean stopped(int base, int udp, int at, int length, Encapsulation kind, long id,
            WarningKind warning, int warningAt, long detail, DecodedPacket p) {
        if (enterOverUdp(base, udp, p) && p.addTunnel(kind, at - base, length, id)) {
            p.warn(warning, warningAt - base, detail);
            p.clearNetworkLayer();
        }
        return true;
    }
}
