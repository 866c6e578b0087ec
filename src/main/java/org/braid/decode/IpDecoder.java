package org.braid.decode;

import static org.braid.decode.ProtocolNumbers.IPV6_AUTHENTICATION;
import static org.braid.decode.ProtocolNumbers.IPV6_DESTINATION_OPTIONS;
import static org.braid.decode.ProtocolNumbers.IPV6_FRAGMENT;
import static org.braid.decode.ProtocolNumbers.IPV6_HOP_BY_HOP;
import static org.braid.decode.ProtocolNumbers.IPV6_ROUTING;
import static org.braid.decode.ProtocolNumbers.PROTOCOL_ICMP;
import static org.braid.decode.ProtocolNumbers.PROTOCOL_ICMPV6;
import static org.braid.decode.ProtocolNumbers.PROTOCOL_TCP;
import static org.braid.decode.ProtocolNumbers.PROTOCOL_UDP;

import java.nio.ByteBuffer;

/**
 * Decodes IPv4 and IPv6 headers (with IPv6 extension headers) and hands TCP to {@link TcpDecoder}.
 * The datagram's bytes end where the IP header says, or where the capture stops if sooner; bytes
 * after the datagram (such as Ethernet padding) are ignored.
 */
final class IpDecoder {

    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;

    private IpDecoder() {}

    /**
     * @param at          buffer index of the IP header
     * @param end         buffer index just past the captured frame
     * @param wireEnd     buffer index just past the frame as it was on the wire (beyond {@code end} after a snaplen cut)
     * @param expected    4 or 6 when the link layer named the version, 0 to take it from the header
     */
    static void decode(ByteBuffer buf, int base, int at, int end, int wireEnd, int expected, DecodedPacket p) {
        p.ipOffset = at - base;
        if (at >= end) {
            p.warn(WarningKind.IP_HEADER_TRUNCATED, at - base, 0);
            return;
        }
        int version = (buf.get(at) & 0xff) >>> 4;
        if (expected != 0 && version != expected) {
            p.warn(WarningKind.IP_VERSION_MISMATCH, at - base, version);
        }
        if (version == 4) {
            ipv4(buf, base, at, end, wireEnd, p);
        } else if (version == 6) {
            ipv6(buf, base, at, end, wireEnd, p);
        } else {
            p.warn(WarningKind.UNKNOWN_IP_VERSION, at - base, version);
        }
    }

    private static void ipv4(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        int offset = at - base;
        if (end - at < IPV4_MIN_HEADER) {
            p.warn(WarningKind.IP_HEADER_TRUNCATED, offset, end - at);
            return;
        }
        int headerLength = (buf.get(at) & 0x0f) * 4;
        if (headerLength < IPV4_MIN_HEADER) {
            p.warn(WarningKind.IPV4_BAD_HEADER_LENGTH, offset, headerLength);
            return;
        }
        if (end - at < headerLength) {
            p.warn(WarningKind.IP_HEADER_TRUNCATED, offset, end - at);
            return;
        }
        p.ipVersion = 4;
        p.ipHeaderLength = headerLength;
        p.ipTrafficClass = buf.get(at + 1) & 0xff;
        int totalLength = buf.getShort(at + 2) & 0xffff;
        p.ipDatagramLength = totalLength;
        p.ipv4Identification = buf.getShort(at + 4) & 0xffff;
        int flagsAndOffset = buf.getShort(at + 6) & 0xffff;
        p.dontFragment = (flagsAndOffset & 0x4000) != 0;
        p.moreFragments = (flagsAndOffset & 0x2000) != 0;
        p.fragmentOffset = (flagsAndOffset & 0x1fff) * 8;
        p.fragment = p.moreFragments || p.fragmentOffset != 0;
        p.ipTtl = buf.get(at + 8) & 0xff;
        p.ipProtocol = buf.get(at + 9) & 0xff;
        p.ipv4Checksum = buf.getShort(at + 10) & 0xffff;
        p.sourceIpv4 = buf.getInt(at + 12);
        p.destinationIpv4 = buf.getInt(at + 16);
        if (totalLength < headerLength) {
            p.warn(WarningKind.IPV4_BAD_TOTAL_LENGTH, offset + 2, totalLength);
            return;
        }
        int datagramEnd = checkedEnd(at, totalLength, wireEnd, offset + 2, p);
        upperLayer(buf, base, at + headerLength, Math.min(end, datagramEnd), datagramEnd - (at + headerLength), p);
    }

    private static void ipv6(ByteBuffer buf, int base, int at, int end, int wireEnd, DecodedPacket p) {
        int offset = at - base;
        if (end - at < IPV6_HEADER) {
            p.warn(WarningKind.IP_HEADER_TRUNCATED, offset, end - at);
            return;
        }
        p.ipVersion = 6;
        p.ipHeaderLength = IPV6_HEADER;
        int first = buf.getInt(at);
        p.ipTrafficClass = (first >>> 20) & 0xff;
        p.ipv6FlowLabel = first & 0xfffff;
        int payloadLength = buf.getShort(at + 4) & 0xffff;
        int next = buf.get(at + 6) & 0xff;
        p.ipTtl = buf.get(at + 7) & 0xff;
        p.sourceHigh = buf.getLong(at + 8);
        p.sourceLow = buf.getLong(at + 16);
        p.destinationHigh = buf.getLong(at + 24);
        p.destinationLow = buf.getLong(at + 32);
        int datagramEnd;
        if (payloadLength == 0 && next == IPV6_HOP_BY_HOP) {
            // A jumbogram's real length is in a hop-by-hop option; the frame's own length is as good.
            p.warn(WarningKind.IPV6_JUMBOGRAM, offset + 4, next);
            datagramEnd = wireEnd;
        } else {
            datagramEnd = checkedEnd(at, IPV6_HEADER + payloadLength, wireEnd, offset + 4, p);
        }
        p.ipDatagramLength = datagramEnd - at;
        int capturedEnd = Math.min(end, datagramEnd);
        int pos = at + IPV6_HEADER;
        while (isExtension(next)) {
            if (p.extensionCount == DecodedPacket.MAX_IPV6_EXTENSIONS) {
                p.warn(WarningKind.IPV6_TOO_MANY_EXTENSIONS, pos - base, DecodedPacket.MAX_IPV6_EXTENSIONS);
                p.ipProtocol = next;
                return;
            }
            if (capturedEnd - pos < 8) {
                p.warn(WarningKind.IPV6_EXTENSION_TRUNCATED, pos - base, next);
                p.ipProtocol = next;
                return;
            }
            int type = next;
            int length = extensionLength(buf, pos, type);
            if (capturedEnd - pos < length) {
                p.warn(WarningKind.IPV6_EXTENSION_TRUNCATED, pos - base, type);
                p.ipProtocol = type;
                return;
            }
            int e = p.extensionCount++;
            p.extensionTypes[e] = type;
            p.extensionOffsets[e] = pos - base;
            p.extensionLengths[e] = length;
            if (type == IPV6_FRAGMENT) {
                int fragmentField = buf.getShort(pos + 2) & 0xffff;
                p.fragmentOffset = fragmentField & 0xfff8;
                p.moreFragments = (fragmentField & 0x1) != 0;
                p.fragment = true;
            }
            next = buf.get(pos) & 0xff;
            pos += length;
        }
        p.ipProtocol = next;
        upperLayer(buf, base, pos, capturedEnd, datagramEnd - pos, p);
    }

    static boolean isExtension(int next) {
        return next == IPV6_HOP_BY_HOP || next == IPV6_ROUTING || next == IPV6_FRAGMENT
                || next == IPV6_AUTHENTICATION || next == IPV6_DESTINATION_OPTIONS;
    }

    /** The length of the extension header of {@code type} at {@code pos}, whose first two bytes must be there. */
    static int extensionLength(ByteBuffer buf, int pos, int type) {
        return type == IPV6_FRAGMENT ? 8
                : type == IPV6_AUTHENTICATION ? ((buf.get(pos + 1) & 0xff) + 2) * 4
                : ((buf.get(pos + 1) & 0xff) + 1) * 8;
    }

    /** The datagram's end per the IP header, cut to the wire frame with a warning if it claims more. */
    private static int checkedEnd(int at, int length, int wireEnd, int fieldOffset, DecodedPacket p) {
        long claimedEnd = (long) at + length;
        if (claimedEnd > wireEnd) {
            p.warn(WarningKind.IP_LENGTH_EXCEEDS_FRAME, fieldOffset, claimedEnd - wireEnd);
            return wireEnd;
        }
        return (int) claimedEnd;
    }

    /**
     * Decodes TCP, UDP, ICMP or a tunnel's packet ({@link TunnelDecoder}) unless this is a non-first
     * fragment, whose bytes are not a header.
     */
    private static void upperLayer(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, DecodedPacket p) {
        if (p.fragmentOffset != 0) {
            return;
        }
        int protocol = p.ipProtocol;
        if (protocol == PROTOCOL_TCP) {
            TcpDecoder.decode(buf, base, at, capturedEnd, Math.max(0, wireLength), p);
        } else if (protocol == PROTOCOL_UDP) {
            OtherProtocolDecoder.udp(buf, base, at, capturedEnd, Math.max(0, wireLength), p);
        } else if (protocol == PROTOCOL_ICMP || protocol == PROTOCOL_ICMPV6) {
            OtherProtocolDecoder.icmp(buf, base, at, capturedEnd, Math.max(0, wireLength), protocol == PROTOCOL_ICMPV6, p);
        } else {
            TunnelDecoder.overIp(buf, base, at, capturedEnd, wireLength, p);
        }
    }
}
