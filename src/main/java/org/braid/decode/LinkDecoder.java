package org.braid.decode;

import static org.braid.decode.ProtocolNumbers.ETHERTYPE_ARP;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_IPV4;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_IPV6;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_QINQ;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_QINQ_OLD;
import static org.braid.decode.ProtocolNumbers.ETHERTYPE_VLAN;
import static org.braid.decode.ProtocolNumbers.PPP_IPV4;
import static org.braid.decode.ProtocolNumbers.PPP_IPV6;

import java.nio.ByteBuffer;

/** Decodes the link layer and passes the network layer to {@link IpDecoder}. */
final class LinkDecoder {
    static final int ETHERNET_HEADER = 14;
    static final int VLAN_TAG = 4;
    static final int SLL_HEADER = 16;
    static final int SLL2_HEADER = 20;
    static final int LOOPBACK_HEADER = 4;
    static final int AF_INET = 2;
    static final int PKTAP_MIN_HEADER = 108;
    private static final int PKTAP_RECORD_PACKET = 1;

    private LinkDecoder() {}

    /**
     * @param base    buffer index of the frame start
     * @param end     buffer index just past the captured bytes
     * @param wireEnd buffer index just past the frame as it was on the wire
     */
    static void decode(ByteBuffer buf, int base, int end, int wireEnd, int linkType, DecodedPacket p) {
        if (linkType == LinkType.PKTAP) {
            pktap(buf, base, end, wireEnd, p);
        } else {
            decodeAt(buf, base, base, end, wireEnd, linkType, p);
        }
    }

    /** The link header of {@code linkType} at {@code at}: the frame's start, or past Apple's PKTAP header. */
    private static void decodeAt(ByteBuffer buf, int base, int at, int end, int wireEnd, int linkType, DecodedPacket p) {
        switch (linkType) {
            case LinkType.ETHERNET -> ethernet(buf, base, at, end, wireEnd, p);
            case LinkType.LINUX_SLL -> cooked(buf, base, at, end, wireEnd, SLL_HEADER, SLL_HEADER - 2, p);
            case LinkType.LINUX_SLL2 -> cooked(buf, base, at, end, wireEnd, SLL2_HEADER, 0, p);
            case LinkType.RAW, LinkType.RAW_OLD_12, LinkType.RAW_OLD_14 -> ip(buf, base, at, end, wireEnd, 0, p);
            case LinkType.IPV4 -> ip(buf, base, at, end, wireEnd, 4, p);
            case LinkType.IPV6 -> ip(buf, base, at, end, wireEnd, 6, p);
            case LinkType.NULL -> loopback(buf, base, at, end, wireEnd, true, p);
            case LinkType.LOOP -> loopback(buf, base, at, end, wireEnd, false, p);
            case LinkType.PPP, LinkType.PPP_HDLC -> ppp(buf, base, at, end, wireEnd, p);
            default -> p.warn(WarningKind.UNKNOWN_LINK_TYPE, at - base, linkType);
        }
    }

    /**
     * Apple's PKTAP (macOS and iOS captures with process information): a little-endian header of
     * at least {@value #PKTAP_MIN_HEADER} bytes giving its own length, a record type (1: a packet)
     * and the DLT of the frame after it, which is decoded as that link type.
     */
    private static void pktap(ByteBuffer buf, int base, int end, int wireEnd, DecodedPacket p) {
        if (end - base < PKTAP_MIN_HEADER) {
            p.warn(WarningKind.LINK_HEADER_TRUNCATED, 0, end - base);
            return;
        }
        long header = Integer.reverseBytes(buf.getInt(base)) & 0xffffffffL;
        int record = Integer.reverseBytes(buf.getInt(base + 4));
        int dlt = Integer.reverseBytes(buf.getInt(base + 8));
        if (header < PKTAP_MIN_HEADER || header > end - base) {
            p.warn(WarningKind.PKTAP_BAD_HEADER_LENGTH, 0, header);
            return;
        }
        p.pktapHeaderLength = (int) header;
        p.linkHeaderLength = (int) header;
        if (record != PKTAP_RECORD_PACKET) {
            return; // no frame follows
        }
        decodeAt(buf, base, base + (int) header, end, wireEnd, LinkType.ofDarwinDlt(dlt), p);
    }

    private static void ethernet(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        if (end - at < ETHERNET_HEADER) {
            p.warn(WarningKind.LINK_HEADER_TRUNCATED, at - base, end - at);
            return;
        }
        int pos = at + 12;
        int type = buf.getShort(pos) & 0xffff;
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
            if (p.vlanCount == DecodedPacket.MAX_VLAN_TAGS) {
                p.warn(WarningKind.TOO_MANY_VLAN_TAGS, pos - base, DecodedPacket.MAX_VLAN_TAGS);
                return;
            }
            if (end - (pos + 2) < VLAN_TAG) {
                p.warn(WarningKind.LINK_HEADER_TRUNCATED, pos - base, end - at);
                return;
            }
            p.vlanTagOffsets[p.vlanCount] = pos - base;
            p.vlanIds[p.vlanCount] = buf.getShort(pos + 2) & 0x0fff;
            p.vlanCount++;
            pos += VLAN_TAG;
            type = buf.getShort(pos) & 0xffff;
        }
        p.networkProtocol = type;
        p.linkHeaderLength = pos + 2 - base;
        etherTypeIp(buf, base, pos + 2, end, wireEnd, type, p);
    }

    /** Linux cooked capture v1 (protocol at byte 14) and v2 (protocol at byte 0). */
    private static void cooked(ByteBuffer buf, int base, int at, int end, int wireEnd, int header, int protocolAt,
                               DecodedPacket p) {
        if (end - at < header) {
            p.warn(WarningKind.LINK_HEADER_TRUNCATED, at - base, end - at);
            return;
        }
        int type = buf.getShort(at + protocolAt) & 0xffff;
        p.networkProtocol = type;
        p.linkHeaderLength = at - base + header;
        etherTypeIp(buf, base, at + header, end, wireEnd, type, p);
    }

    private static void etherTypeIp(ByteBuffer buf, int base, int at, int end, int wireEnd, int type, DecodedPacket p) {
        if (type == ETHERTYPE_IPV4) {
            ip(buf, base, at, end, wireEnd, 4, p);
        } else if (type == ETHERTYPE_IPV6) {
            ip(buf, base, at, end, wireEnd, 6, p);
        } else if (type == ETHERTYPE_ARP) {
            OtherProtocolDecoder.arp(buf, base, at, end, p);
        } else {
            TunnelDecoder.linkTunnel(buf, base, at, end, wireEnd, type, p);
        }
    }

    /**
     * BSD loopback: a 4-byte address family. LINKTYPE_NULL stores it in the capturing host's byte
     * order, which a little-endian host shows as a value in the high bytes; LINKTYPE_LOOP is big-endian.
     * IPv6 has different family numbers on different systems (Linux 10, BSDs 24, FreeBSD 28, macOS 30).
     */
    private static void loopback(ByteBuffer buf, int base, int at, int end, int wireEnd, boolean hostOrder,
                                 DecodedPacket p) {
        if (end - at < LOOPBACK_HEADER) {
            p.warn(WarningKind.LINK_HEADER_TRUNCATED, at - base, end - at);
            return;
        }
        int family = buf.getInt(at);
        if (hostOrder && (family & 0xffff) == 0 && family != 0) {
            family = Integer.reverseBytes(family);
        }
        p.networkProtocol = family;
        p.linkHeaderLength = at - base + LOOPBACK_HEADER;
        if (family == AF_INET) {
            ip(buf, base, at + LOOPBACK_HEADER, end, wireEnd, 4, p);
        } else if (family == 10 || family == 24 || family == 28 || family == 30) {
            ip(buf, base, at + LOOPBACK_HEADER, end, wireEnd, 6, p);
        } else {
            p.warn(WarningKind.UNKNOWN_LOOPBACK_FAMILY, at - base, family & 0xffffffffL);
        }
    }

    /** PPP ({@link PppHeader}), then IPv4 or IPv6 by its protocol. */
    private static void ppp(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        int header = PppHeader.length(buf, at, end);
        if (header < 0) {
            p.warn(WarningKind.LINK_HEADER_TRUNCATED, at - base, end - at);
            return;
        }
        int protocol = PppHeader.protocol(buf, at, header);
        int pos = at + header;
        p.networkProtocol = protocol;
        p.linkHeaderLength = pos - base;
        if (protocol == PPP_IPV4) {
            ip(buf, base, pos, end, wireEnd, 4, p);
        } else if (protocol == PPP_IPV6) {
            ip(buf, base, pos, end, wireEnd, 6, p);
        }
    }

    private static void ip(ByteBuffer buf, int base, int at, int end, int wireEnd, int expected, DecodedPacket p) {
        IpDecoder.decode(buf, base, at, end, Math.max(end, wireEnd), expected, p);
    }
}
