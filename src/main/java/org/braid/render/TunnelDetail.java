package org.braid.render;

import static org.braid.render.MptcpOptionText.hex;

import java.util.Locale;
import org.braid.decode.DecodedPacket;
import org.braid.decode.Encapsulation;

/**
 * The details-tree nodes of the tunnel layers around a packet, outermost first, with their fields
 * read from the frame as Wireshark names them: the outer IP header, the UDP header, then GTP-U,
 * VXLAN, Geneve, GRE, ERSPAN, the inner Ethernet header, PPPoE, the MPLS label stack or L2TP.
 */
final class TunnelDetail {
    private final FrameBytes bytes;
    private final int at;
    private final int length;
    private final long id;

    private TunnelDetail(FrameBytes bytes, DecodedPacket p, int layer) {
        this.bytes = bytes;
        this.at = p.tunnelOffset(layer);
        this.length = Math.min(p.tunnelLength(layer), Math.max(0, bytes.captured() - p.tunnelOffset(layer)));
        this.id = p.tunnelId(layer);
    }

    /** The node of tunnel layer {@code layer} of {@code p}. */
    static DetailNode node(FrameBytes bytes, DecodedPacket p, int layer) {
        TunnelDetail d = new TunnelDetail(bytes, p, layer);
        Encapsulation kind = p.tunnelKind(layer);
        Branch b = switch (kind) {
            case OUTER_IPV4 -> d.ipv4();
            case OUTER_IPV6 -> d.ipv6();
            case UDP -> d.udp();
            case GTP_U -> d.gtpU();
            case VXLAN -> d.vxlan();
            case GENEVE -> d.geneve();
            case GRE -> d.gre();
            case ERSPAN -> d.erspan();
            case INNER_ETHERNET -> d.ethernet();
            case PPPOE -> d.pppoe();
            case MPLS -> d.mpls();
            case L2TP -> d.l2tp();
        };
        return b.node();
    }

    private Branch ipv4() {
        Branch b = new Branch(Encapsulation.OUTER_IPV4.title() + ", Src: " + bytes.ipv4(at + 12) + ", Dst: "
                + bytes.ipv4(at + 16) + " (tunnel)", at, length);
        b.leaf("Version: 4, Header length: " + (bytes.u8(at) & 0x0f) * 4 + " bytes", at, 1);
        b.leaf("Total length: " + bytes.u16(at + 2), at + 2, 2);
        b.leaf("Time to live: " + bytes.u8(at + 8), at + 8, 1);
        b.leaf("Protocol: " + DetailTree.protocolName(bytes.u8(at + 9)) + " (" + bytes.u8(at + 9) + ")", at + 9, 1);
        b.leaf("Source address: " + bytes.ipv4(at + 12), at + 12, 4);
        b.leaf("Destination address: " + bytes.ipv4(at + 16), at + 16, 4);
        return b;
    }

    private Branch ipv6() {
        Branch b = new Branch(Encapsulation.OUTER_IPV6.title() + ", Src: " + bytes.ipv6(at + 8) + ", Dst: "
                + bytes.ipv6(at + 24) + " (tunnel)", at, length);
        b.leaf("Payload length: " + bytes.u16(at + 4), at + 4, 2);
        b.leaf("Next header: " + bytes.u8(at + 6), at + 6, 1);
        b.leaf("Hop limit: " + bytes.u8(at + 7), at + 7, 1);
        b.leaf("Source address: " + bytes.ipv6(at + 8), at + 8, 16);
        b.leaf("Destination address: " + bytes.ipv6(at + 24), at + 24, 16);
        if (length > 40) {
            b.leaf("Extension headers: " + (length - 40) + " bytes", at + 40, length - 40);
        }
        return b;
    }

    private Branch udp() {
        Branch b = new Branch(Encapsulation.UDP.title() + ", Src Port: " + bytes.u16(at) + ", Dst Port: "
                + bytes.u16(at + 2), at, length);
        b.leaf("Source port: " + bytes.u16(at), at, 2);
        b.leaf("Destination port: " + bytes.u16(at + 2), at + 2, 2);
        b.leaf("Length: " + bytes.u16(at + 4), at + 4, 2);
        b.leaf(String.format(Locale.ROOT, "Checksum: 0x%04x", bytes.u16(at + 6)), at + 6, 2);
        return b;
    }

    private Branch gtpU() {
        int flags = bytes.u8(at);
        Branch b = new Branch(Encapsulation.GTP_U.title() + " (GTP-U), TEID: " + hex(id, 8), at, length);
        b.leaf(String.format(Locale.ROOT, "Flags: 0x%02x (version %d%s%s%s)", flags, flags >>> 5,
                (flags & 0x04) != 0 ? ", extension header" : "", (flags & 0x02) != 0 ? ", sequence number" : "",
                (flags & 0x01) != 0 ? ", N-PDU number" : ""), at, 1);
        b.leaf(String.format(Locale.ROOT, "Message type: T-PDU (0x%02x)", bytes.u8(at + 1)), at + 1, 1);
        b.leaf("Length: " + bytes.u16(at + 2), at + 2, 2);
        b.leaf("TEID: " + hex(id, 8) + " (" + id + ")", at + 4, 4);
        if (length >= 12) {
            if ((flags & 0x02) != 0) {
                b.leaf("Sequence number: " + bytes.u16(at + 8), at + 8, 2);
            }
            int next = (flags & 0x04) != 0 ? bytes.u8(at + 11) : 0;
            b.leaf(String.format(Locale.ROOT, "Next extension header type: %s (0x%02x)", gtpExtensionName(next), next),
                    at + 11, 1);
            int pos = at + 12;
            while (next != 0 && pos < at + length) {
                int extensionLength = bytes.u8(pos) * 4;
                if (extensionLength == 0) {
                    break;
                }
                Branch e = new Branch(gtpExtensionName(next) + ", " + extensionLength + " bytes", pos, extensionLength);
                if (next == 0x85 && extensionLength >= 4) {
                    int type = bytes.u8(pos + 1) >>> 4;
                    e.leaf("PDU type: " + (type == 0 ? "DL PDU SESSION INFORMATION" : type == 1
                            ? "UL PDU SESSION INFORMATION" : "other") + " (" + type + ")", pos + 1, 1);
                    e.leaf("QoS Flow Identifier (QFI): " + (bytes.u8(pos + 2) & 0x3f), pos + 2, 1);
                }
                b.child(e);
                next = bytes.u8(pos + extensionLength - 1);
                pos += extensionLength;
            }
        }
        return b;
    }

    private static String gtpExtensionName(int type) {
        return switch (type) {
            case 0 -> "No more extension headers";
            case 0x20 -> "Service Class Indicator";
            case 0x40 -> "UDP Port";
            case 0x81 -> "RAN Container";
            case 0x82 -> "Long PDCP PDU Number";
            case 0x83 -> "Xw RAN Container";
            case 0x84 -> "NR RAN Container";
            case 0x85 -> "PDU Session Container";
            case 0xc0 -> "PDCP PDU Number";
            default -> "Extension header";
        };
    }

    private Branch vxlan() {
        int flags = bytes.u8(at);
        boolean gpe = (flags & 0x04) != 0; // VXLAN-GPE: the next protocol is named, not always Ethernet
        Branch b = new Branch(Encapsulation.VXLAN.title() + (gpe ? " (GPE)" : "") + ", VNI: " + id, at, length);
        b.leaf(String.format(Locale.ROOT, "Flags: 0x%02x (VNI valid%s)", flags, gpe ? ", next protocol" : ""), at, 1);
        if (gpe) {
            int next = bytes.u8(at + 3);
            String name = switch (next) {
                case 1 -> "IPv4";
                case 2 -> "IPv6";
                case 3 -> "Ethernet";
                case 4 -> "Network Service Header";
                case 5 -> "MPLS";
                default -> "unknown";
            };
            b.leaf("Next protocol: " + name + " (" + next + ")", at + 3, 1);
        }
        b.leaf("VXLAN Network Identifier (VNI): " + id, at + 4, 3);
        return b;
    }

    private Branch geneve() {
        int options = (bytes.u8(at) & 0x3f) * 4;
        int protocol = bytes.u16(at + 2);
        Branch b = new Branch(Encapsulation.GENEVE.title() + ", VNI: " + hex(id, 6), at, length);
        b.leaf("Version: " + (bytes.u8(at) >>> 6) + ", Options length: " + options + " bytes", at, 1);
        b.leaf(String.format(Locale.ROOT, "Protocol type: %s (0x%04x)", DetailTree.etherTypeName(protocol), protocol),
                at + 2, 2);
        b.leaf("Virtual Network Identifier (VNI): " + hex(id, 6), at + 4, 3);
        if (options > 0) {
            b.leaf("Options: " + options + " bytes", at + 8, options);
        }
        return b;
    }

    private Branch gre() {
        int flags = bytes.u16(at);
        int protocol = bytes.u16(at + 2);
        Branch b = new Branch(Encapsulation.GRE.title() + " (" + DetailTree.etherTypeName(protocol) + ")", at, length);
        b.leaf(String.format(Locale.ROOT, "Flags and version: 0x%04x%s%s%s, version %d", flags,
                (flags & 0x8000) != 0 ? ", checksum" : "", (flags & 0x2000) != 0 ? ", key" : "",
                (flags & 0x1000) != 0 ? ", sequence number" : "", flags & 0x07), at, 2);
        b.leaf(String.format(Locale.ROOT, "Protocol type: %s (0x%04x)", DetailTree.etherTypeName(protocol), protocol),
                at + 2, 2);
        int pos = at + 4;
        if ((flags & 0x8000) != 0) {
            b.leaf(String.format(Locale.ROOT, "Checksum: 0x%04x", bytes.u16(pos)), pos, 2);
            pos += 4;
        }
        if ((flags & 0x2000) != 0) {
            b.leaf("Key: " + hex(id, 8), pos, 4);
            pos += 4;
        }
        if ((flags & 0x1000) != 0) {
            b.leaf("Sequence number: " + bytes.u32(pos), pos, 4);
        }
        return b;
    }

    private Branch erspan() {
        if (length == 0) {
            return new Branch(Encapsulation.ERSPAN.title() + ", type I", at, 0);
        }
        int version = bytes.u8(at) >>> 4;
        Branch b = new Branch(Encapsulation.ERSPAN.title() + ", type " + (version == 2 ? "III" : "II")
                + ", Session ID: " + id, at, length);
        b.leaf("Version: " + version + ", VLAN: " + (bytes.u16(at) & 0x0fff), at, 2);
        b.leaf("Session ID: " + id, at + 2, 2);
        return b;
    }

    private Branch ethernet() {
        int typeAt = at + length - 2;
        int type = bytes.u16(typeAt);
        Branch b = new Branch(Encapsulation.INNER_ETHERNET.title() + ", Src: " + bytes.mac(at + 6, 6) + ", Dst: "
                + bytes.mac(at, 6) + " (inner)", at, length);
        b.leaf("Destination: " + bytes.mac(at, 6), at, 6);
        b.leaf("Source: " + bytes.mac(at + 6, 6), at + 6, 6);
        for (int tag = at + 12; tag < typeAt; tag += 4) {
            b.leaf(String.format(Locale.ROOT, "VLAN tag (TPID 0x%04x), ID: %d", bytes.u16(tag), bytes.u16(tag + 2) & 0x0fff),
                    tag, 4);
        }
        b.leaf(String.format(Locale.ROOT, "Type: %s (0x%04x)", DetailTree.etherTypeName(type), type), typeAt, 2);
        return b;
    }

    private Branch pppoe() {
        int protocol = bytes.u16(at + 6);
        Branch b = new Branch(Encapsulation.PPPOE.title() + ", Session ID: " + hex(id, 4), at, length);
        b.leaf("Version: " + (bytes.u8(at) >>> 4) + ", Type: " + (bytes.u8(at) & 0x0f), at, 1);
        b.leaf(String.format(Locale.ROOT, "Code: Session Data (0x%02x)", bytes.u8(at + 1)), at + 1, 1);
        b.leaf("Session ID: " + hex(id, 4), at + 2, 2);
        b.leaf("Payload length: " + bytes.u16(at + 4), at + 4, 2);
        b.leaf(String.format(Locale.ROOT, "Point-to-Point Protocol, Protocol: %s (0x%04x)",
                DetailTree.pppProtocolName(protocol), protocol), at + 6, 2);
        return b;
    }

    private Branch l2tp() {
        int flags = bytes.u16(at);
        Branch b = new Branch(Encapsulation.L2TP.title() + " (version 2), Tunnel ID: " + (id >>> 16) + ", Session ID: "
                + (id & 0xffff), at, length);
        b.leaf(String.format(Locale.ROOT, "Flags: 0x%04x (data message%s%s%s%s), version %d", flags,
                (flags & 0x4000) != 0 ? ", length" : "", (flags & 0x0800) != 0 ? ", sequence numbers" : "",
                (flags & 0x0200) != 0 ? ", offset" : "", (flags & 0x0100) != 0 ? ", priority" : "", flags & 0x0f),
                at, 2);
        int pos = at + 2;
        if ((flags & 0x4000) != 0) {
            b.leaf("Length: " + bytes.u16(pos), pos, 2);
            pos += 2;
        }
        b.leaf("Tunnel ID: " + (id >>> 16), pos, 2);
        b.leaf("Session ID: " + (id & 0xffff), pos + 2, 2);
        pos += 4;
        if ((flags & 0x0800) != 0 && pos + 4 <= at + length) {
            b.leaf("Ns: " + bytes.u16(pos) + ", Nr: " + bytes.u16(pos + 2), pos, 4);
            pos += 4;
        }
        if ((flags & 0x0200) != 0 && pos + 2 <= at + length) {
            int offset = bytes.u16(pos);
            b.leaf("Offset size: " + offset, pos, 2 + offset);
            pos += 2 + offset;
        }
        if (pos < at + length) {
            int ppp = pos;
            boolean addressAndControl = pos + 2 <= at + length && bytes.u8(pos) == 0xff && bytes.u8(pos + 1) == 0x03;
            if (addressAndControl) {
                pos += 2;
            }
            // An odd first byte is a compressed, one-byte protocol field.
            int protocol = (bytes.u8(pos) & 0x01) != 0 || pos + 2 > at + length ? bytes.u8(pos) : bytes.u16(pos);
            b.leaf(String.format(Locale.ROOT, "Point-to-Point Protocol%s, Protocol: %s (0x%04x)",
                    addressAndControl ? " (address 0xff, control 0x03)" : "", DetailTree.pppProtocolName(protocol),
                    protocol), ppp, at + length - ppp);
        }
        return b;
    }

    private Branch mpls() {
        Branch b = new Branch(Encapsulation.MPLS.title() + ", Label: " + id + (length > 4 ? ", " + length / 4
                + " labels" : ""), at, length);
        for (int entry = at; entry + 4 <= at + length; entry += 4) {
            long word = bytes.u32(entry);
            b.leaf("Label: " + (word >>> 12) + ", Traffic class: " + ((word >>> 9) & 7) + ", Bottom of stack: "
                    + ((word >>> 8) & 1) + ", TTL: " + (word & 0xff), entry, 4);
        }
        return b;
    }
}
