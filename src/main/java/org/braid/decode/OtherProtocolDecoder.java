package org.braid.decode;

import java.nio.ByteBuffer;

/**
 * Decodes the headers that share a capture with MPTCP: UDP, ICMP, ICMPv6 (with the neighbour
 * discovery target and link-layer address option) and ARP. Each header is checked for length
 * before it is read; a short one is a warning, never an exception.
 */
final class OtherProtocolDecoder {
    static final int ICMPV6_ROUTER_SOLICITATION = 133;
    static final int ICMPV6_ROUTER_ADVERTISEMENT = 134;
    static final int ICMPV6_NEIGHBOR_SOLICITATION = 135;
    static final int ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
    static final int ICMPV6_REDIRECT = 137;
    private static final int ND_SOURCE_LINK_ADDRESS = 1;
    private static final int ND_TARGET_LINK_ADDRESS = 2;

    private OtherProtocolDecoder() {}

    /** @param wireLength the datagram's UDP bytes according to the IP header */
    static void udp(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, DecodedPacket p) {
        if (capturedEnd - at < UdpHeader.LENGTH) {
            p.warn(WarningKind.UDP_HEADER_TRUNCATED, at - base, Math.max(0, capturedEnd - at));
            return;
        }
        UdpHeader u = p.udp;
        u.offset = at - base;
        u.sourcePort = buf.getShort(at) & 0xffff;
        u.destinationPort = buf.getShort(at + 2) & 0xffff;
        u.length = buf.getShort(at + 4) & 0xffff;
        u.checksum = buf.getShort(at + 6) & 0xffff;
        // A first fragment's length field counts the whole datagram, beyond this fragment.
        if (u.length < UdpHeader.LENGTH || (u.length > wireLength && !p.fragment)) {
            p.warn(WarningKind.UDP_BAD_LENGTH, at - base + 4, u.length);
        }
        TunnelDecoder.overUdp(buf, base, at, capturedEnd, wireLength, p);
    }

    static void icmp(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, boolean v6, DecodedPacket p) {
        if (capturedEnd - at < IcmpHeader.LENGTH) {
            p.warn(v6 ? WarningKind.ICMPV6_TRUNCATED : WarningKind.ICMP_TRUNCATED, at - base,
                    Math.max(0, capturedEnd - at));
            return;
        }
        IcmpHeader m = p.icmp;
        m.offset = at - base;
        m.v6 = v6;
        m.type = buf.get(at) & 0xff;
        m.code = buf.get(at + 1) & 0xff;
        m.checksum = buf.getShort(at + 2) & 0xffff;
        m.rest = buf.getInt(at + 4) & 0xffffffffL;
        m.length = wireLength;
        m.clearDiscovery();
        m.clearInner();
        int end = Math.min(capturedEnd, at + Math.max(0, wireLength));
        if (v6 && m.type >= ICMPV6_ROUTER_SOLICITATION && m.type <= ICMPV6_REDIRECT) {
            discovery(buf, base, at, end, m, p);
        } else if (m.isError()) {
            // Inside a quote already, a quoted tunnel is not opened again: nesting stays one deep.
            packetInError(buf, base, at + IcmpHeader.LENGTH, end, m, !p.quote);
        }
    }

    /**
     * The IP header of the packet in error and the first 8 bytes after it (RFC 792; RFC 4443 quotes
     * as much as fits): addresses and protocol, then ports and, for TCP, the sequence number. A
     * quote cut short keeps what was captured, without a warning: routers may quote little. With
     * {@code openTunnels}, a quoted tunnel packet (GTP-U, VXLAN, GRE, IP-in-IP...) whose quote reaches
     * the packet inside names that packet instead: a router on a 5G or DSL transport path reports its
     * path MTU about the tunnel, and the subflow is inside.
     */
    private static void packetInError(ByteBuffer buf, int base, int at, int end, IcmpHeader m,
            boolean openTunnels) {
        if (end - at < 1) {
            return;
        }
        int version = (buf.get(at) & 0xff) >>> 4;
        int headerLength;
        boolean laterFragment = false; // a later fragment's first bytes are data, not a transport header
        if (version == 4 && end - at >= 20) {
            headerLength = Math.max(20, (buf.get(at) & 0x0f) * 4);
            laterFragment = (buf.getShort(at + 6) & 0x1fff) != 0;
            m.innerProtocol = buf.get(at + 9) & 0xff;
            m.innerSourceHigh = 0;
            m.innerSourceLow = IpText.ipv4Mapped(buf.getInt(at + 12));
            m.innerDestinationHigh = 0;
            m.innerDestinationLow = IpText.ipv4Mapped(buf.getInt(at + 16));
        } else if (version == 6 && end - at >= 40) {
            m.innerSourceHigh = buf.getLong(at + 8);
            m.innerSourceLow = buf.getLong(at + 16);
            m.innerDestinationHigh = buf.getLong(at + 24);
            m.innerDestinationLow = buf.getLong(at + 32);
            // Extension headers as far as the quote holds them: the transport header is after them.
            int next = buf.get(at + 6) & 0xff;
            int pos = at + 40;
            for (int walked = 0; IpDecoder.isExtension(next) && walked < DecodedPacket.MAX_IPV6_EXTENSIONS
                    && end - pos >= 8; walked++) {
                int length = IpDecoder.extensionLength(buf, pos, next);
                laterFragment |= next == ProtocolNumbers.IPV6_FRAGMENT && (buf.getShort(pos + 2) & 0xfff8) != 0;
                next = buf.get(pos) & 0xff;
                pos += length;
            }
            m.innerProtocol = next;
            laterFragment |= pos > end; // an extension header the quote cut: nothing after it is known
            headerLength = Math.min(pos, end) - at;
        } else {
            return;
        }
        m.innerOffset = at - base;
        m.innerVersion = version;
        m.innerHeaderLength = headerLength;
        int transport = at + headerLength;
        boolean ports = !laterFragment && (m.innerProtocol == ProtocolNumbers.PROTOCOL_TCP
                || m.innerProtocol == ProtocolNumbers.PROTOCOL_UDP);
        if (ports && end - transport >= 4) {
            m.innerTransportOffset = transport - base;
            m.innerSourcePort = buf.getShort(transport) & 0xffff;
            m.innerDestinationPort = buf.getShort(transport + 2) & 0xffff;
            if (m.innerProtocol == ProtocolNumbers.PROTOCOL_TCP && end - transport >= 8) {
                m.innerSequence = buf.getInt(transport + 4) & 0xffffffffL;
            }
        }
        if (openTunnels && !laterFragment && m.innerProtocol != ProtocolNumbers.PROTOCOL_TCP) {
            int tunnelled = tunnelledPacket(buf, at, end);
            if (tunnelled >= 0) {
                m.clearInner();
                packetInError(buf, base, tunnelled, end, m, false);
                m.innerInTunnel = true;
            }
        }
    }

    /**
     * Where the IP header inside the quoted packet at {@code at} starts, when the quote is a tunnel
     * Braid opens and holds that header; else -1. The quote is decoded as a packet of its own, by
     * the same decoder, so every tunnel opens here as it does on the wire.
     */
    private static int tunnelledPacket(ByteBuffer buf, int at, int end) {
        DecodedPacket quote = new DecodedPacket(true);
        new PacketDecoder().decode(buf, at, end - at, end - at, LinkType.RAW, quote);
        return quote.tunnelCount() > 0 && quote.ipVersion() != 0 ? at + quote.ipOffset() : -1;
    }

    /** RFC 4861: the target address of NS, NA and redirect, then options in units of 8 bytes. */
    private static void discovery(ByteBuffer buf, int base, int at, int end, IcmpHeader m, DecodedPacket p) {
        int optionsAt = at + switch (m.type) {
            case ICMPV6_ROUTER_SOLICITATION -> 8;
            case ICMPV6_ROUTER_ADVERTISEMENT -> 16;
            case ICMPV6_REDIRECT -> 40;
            default -> 24;
        };
        if (m.type >= ICMPV6_NEIGHBOR_SOLICITATION) {
            if (end - at < 24) {
                p.warn(WarningKind.ICMPV6_TRUNCATED, at - base, end - at);
                return;
            }
            m.hasTarget = true;
            m.targetHigh = buf.getLong(at + 8);
            m.targetLow = buf.getLong(at + 16);
        }
        int pos = optionsAt;
        while (end - pos >= 2) {
            int type = buf.get(pos) & 0xff;
            int length = (buf.get(pos + 1) & 0xff) * 8;
            if (length == 0) {
                p.warn(WarningKind.ICMPV6_OPTION_ZERO_LENGTH, pos - base + 1, type);
                return;
            }
            boolean linkAddress = type == ND_SOURCE_LINK_ADDRESS || type == ND_TARGET_LINK_ADDRESS;
            if (linkAddress && length == 8 && end - pos >= 8 && m.linkAddress < 0) {
                m.linkAddress = mac(buf, pos + 2);
                m.linkAddressOffset = pos - base;
            }
            pos += length;
        }
    }

    /** @param end buffer index just past the captured bytes */
    static void arp(ByteBuffer buf, int base, int at, int end, DecodedPacket p) {
        if (end - at < ArpPacket.FIXED) {
            p.warn(WarningKind.ARP_TRUNCATED, at - base, Math.max(0, end - at));
            return;
        }
        ArpPacket a = p.arp;
        a.offset = at - base;
        a.hardwareType = buf.getShort(at) & 0xffff;
        a.protocolType = buf.getShort(at + 2) & 0xffff;
        a.hardwareSize = buf.get(at + 4) & 0xff;
        a.protocolSize = buf.get(at + 5) & 0xff;
        a.opcode = buf.getShort(at + 6) & 0xffff;
        a.linkDestination = p.linkType == LinkType.ETHERNET ? mac(buf, base) : -1;
        int needed = ArpPacket.FIXED + 2 * (a.hardwareSize + a.protocolSize);
        if (end - at < needed) {
            p.warn(WarningKind.ARP_TRUNCATED, at - base, end - at);
        }
        a.ethernetIpv4 = a.hardwareType == 1 && a.protocolType == ProtocolNumbers.ETHERTYPE_IPV4
                && a.hardwareSize == 6 && a.protocolSize == 4 && end - at >= ArpPacket.ETHERNET_IPV4_LENGTH;
        if (a.ethernetIpv4) {
            a.senderMac = mac(buf, at + 8);
            a.senderIpv4 = buf.getInt(at + 14);
            a.targetMac = mac(buf, at + 18);
            a.targetIpv4 = buf.getInt(at + 24);
        } else {
            a.senderMac = 0;
            a.senderIpv4 = 0;
            a.targetMac = 0;
            a.targetIpv4 = 0;
        }
    }

    private static long mac(ByteBuffer buf, int at) {
        return ((buf.getShort(at) & 0xffffL) << 32) | (buf.getInt(at + 2) & 0xffffffffL);
    }
}
