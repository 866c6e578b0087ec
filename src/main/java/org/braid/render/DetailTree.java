package org.braid.render;

import static org.braid.render.MptcpOptionText.hex;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.ProtocolNumbers;
import org.braid.io.Frame;

/**
 * Builds the full details tree of one packet (frame, link layer, IP, TCP, each TCP and MPTCP
 * option field by field, warnings) for {@code braid packets -V} and the details pane. Values come
 * from the {@link DecodedPacket}; only bytes the decoder does not keep (MAC addresses, link-layer
 * fields) are read from the frame. Off the hot path: it allocates freely.
 */
public final class DetailTree {
    private final Frame frame;
    private final DecodedPacket p;
    private final ByteBuffer buf;
    private final int base;
    private final FrameBytes bytes;
    private TcpNumbering numbering;
    /** How a relative number is marked, as Wireshark marks it. */
    public static final String RELATIVE_SEQUENCE = "(relative sequence number)";
    public static final String RELATIVE_ACKNOWLEDGMENT = "(relative ack number)";

    private DetailTree(Frame frame, DecodedPacket packet) {
        this.frame = frame;
        this.p = packet;
        this.buf = frame.buffer();
        this.base = frame.offset();
        this.bytes = new FrameBytes(frame);
    }

    /** The tree of {@code packet}, which must be the decode of {@code frame}. */
    public static List<DetailNode> build(Frame frame, DecodedPacket packet) {
        return build(frame, packet, null);
    }

    /** As {@link #build(Frame, DecodedPacket)}, with TCP numbers relative where {@code numbering} knows them (null: absolute). */
    public static List<DetailNode> build(Frame frame, DecodedPacket packet, TcpNumbering numbering) {
        DetailTree tree = new DetailTree(frame, packet);
        tree.numbering = numbering;
        return tree.build();
    }

    private List<DetailNode> build() {
        List<DetailNode> roots = new ArrayList<>();
        roots.add(frameNode());
        int pktap = p.pktapHeaderLength();
        if (pktap > 0) {
            roots.add(pktapNode(pktap));
        }
        Branch link = linkNode(pktap);
        if (link != null) {
            roots.add(link.node());
        }
        for (int i = 0; i < p.tunnelCount(); i++) {
            roots.add(TunnelDetail.node(bytes, p, i));
        }
        if (p.ipVersion() == 4) {
            roots.add(ipv4Node());
        } else if (p.ipVersion() == 6) {
            roots.add(ipv6Node());
        }
        if (p.hasTcp()) {
            roots.add(tcpNode());
            if (p.payloadWireLength() > 0 || p.payloadCapturedLength() > 0) {
                roots.add(DetailNode.leaf("TCP payload (" + p.payloadWireLength() + " bytes on the wire, "
                        + p.payloadCapturedLength() + " captured)", p.payloadOffset(), p.payloadCapturedLength()));
            }
        }
        DetailNode other = OtherProtocolDetail.node(p);
        if (other != null) {
            roots.add(other);
        }
        if (p.warningCount() > 0) {
            roots.add(warningsNode());
        }
        return roots;
    }

    // ---- Frame ----

    private DetailNode frameNode() {
        int captured = frame.capturedLength();
        Branch b = new Branch("Frame " + frame.packetNumber() + ": " + frame.originalLength() + " bytes on wire, "
                + captured + " bytes captured", 0, captured);
        long nanos = frame.timestampNanos();
        Instant time = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        b.leaf("Arrival time: " + time, 0, 0);
        b.leaf(String.format(Locale.ROOT, "Epoch time: %d.%09d seconds", Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)), 0, 0);
        b.leaf("Interface id: " + frame.interfaceId(), 0, 0);
        b.leaf("Frame length: " + frame.originalLength() + " bytes", 0, 0);
        b.leaf("Capture length: " + captured + " bytes", 0, 0);
        b.leaf("Link type: " + LinkType.name(frame.linkType()) + " (" + frame.linkType() + ")", 0, 0);
        return b.node();
    }

    // ---- Link layer ----

    /**
     * Apple's PKTAP header (little-endian): the interface and the process that sent or received
     * the packet, as tcpdump's {@code -k} prints them.
     */
    private DetailNode pktapNode(int header) {
        String ifname = text(12, 24);
        String process = text(56, 20);
        long pid = bytes.u32le(52);
        Branch b = new Branch("Apple PKTAP, Interface: " + ifname + (process.isEmpty() ? "" : ", Process: " + process
                + " (" + pid + ")"), 0, header);
        b.leaf("Header length: " + bytes.u32le(0), 0, 4);
        b.leaf("Record type: " + bytes.u32le(4) + (bytes.u32le(4) == 1 ? " (packet)" : ""), 4, 4);
        b.leaf("DLT: " + bytes.u32le(8) + " (" + LinkType.name(LinkType.ofDarwinDlt((int) bytes.u32le(8))) + ")", 8, 4);
        b.leaf("Interface: " + ifname, 12, 24);
        b.leaf("Process ID: " + pid, 52, 4);
        b.leaf("Command name: " + process, 56, 20);
        String effective = text(88, 20);
        if (!effective.isEmpty()) {
            b.leaf("Effective process ID: " + bytes.u32le(84) + ", command name: " + effective, 84, 24);
        }
        return b.node();
    }

    /** A NUL-terminated ASCII field of at most {@code length} bytes; anything not printable as '?'. */
    private String text(int frameOffset, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length && u8(frameOffset + i) != 0; i++) {
            int c = u8(frameOffset + i);
            out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return out.toString();
    }

    /** The link header at {@code at} (past a PKTAP header, else 0), of the link type the frame or PKTAP names. */
    private Branch linkNode(int at) {
        int header = p.linkHeaderLength() - at;
        if (header <= 0) {
            return null;
        }
        int linkType = at > 0 ? LinkType.ofDarwinDlt((int) bytes.u32le(8)) : p.linkType();
        return switch (linkType) {
            case LinkType.ETHERNET -> ethernet(at, header);
            case LinkType.LINUX_SLL -> sll(at, header);
            case LinkType.LINUX_SLL2 -> sll2(at, header);
            case LinkType.NULL, LinkType.LOOP -> {
                Branch b = new Branch(LinkType.name(linkType), at, header);
                b.leaf("Family: " + p.networkProtocol(), at, 4);
                yield b;
            }
            case LinkType.PPP, LinkType.PPP_HDLC -> {
                Branch b = new Branch("Point-to-Point Protocol", at, header);
                // The header is [FF 03] + a 1-byte (compressed) or 2-byte protocol.
                int protocolLength = header % 2 == 1 ? 1 : 2;
                if (header >= 3) {
                    b.leaf("Address: 0xff, Control: 0x03", at, 2);
                }
                b.leaf(String.format(Locale.ROOT, "Protocol: 0x%04x (%s)", p.networkProtocol(), pppProtocolName(p.networkProtocol())),
                        at + header - protocolLength, protocolLength);
                yield b;
            }
            default -> null;
        };
    }

    private Branch ethernet(int at, int header) {
        String dst = mac(at, 6);
        String src = mac(at + 6, 6);
        Branch b = new Branch("Ethernet II, Src: " + src + ", Dst: " + dst, at, header);
        b.leaf("Destination: " + dst, at, 6);
        b.leaf("Source: " + src, at + 6, 6);
        for (int i = 0; i < p.vlanCount(); i++) {
            int tag = p.vlanTagOffset(i);
            b.leaf(String.format(Locale.ROOT, "VLAN tag (TPID 0x%04x), ID: %d, priority %d", u16(tag), p.vlanId(i), u8(tag + 2) >>> 5),
                    tag, 4);
        }
        b.leaf(String.format(Locale.ROOT, "Type: %s (0x%04x)", etherTypeName(p.networkProtocol()), p.networkProtocol()),
                at + header - 2, 2);
        return b;
    }

    private Branch sll(int at, int header) {
        Branch b = new Branch("Linux cooked capture v1", at, header);
        b.leaf("Packet type: " + packetTypeName(u16(at)) + " (" + u16(at) + ")", at, 2);
        b.leaf("Link-layer address type: " + u16(at + 2), at + 2, 2);
        int addressLength = u16(at + 4);
        b.leaf("Link-layer address length: " + addressLength, at + 4, 2);
        b.leaf("Source: " + mac(at + 6, Math.min(addressLength, 8)), at + 6, 8);
        b.leaf(String.format(Locale.ROOT, "Protocol: %s (0x%04x)", etherTypeName(p.networkProtocol()), p.networkProtocol()),
                at + 14, 2);
        return b;
    }

    private Branch sll2(int at, int header) {
        Branch b = new Branch("Linux cooked capture v2", at, header);
        b.leaf(String.format(Locale.ROOT, "Protocol: %s (0x%04x)", etherTypeName(p.networkProtocol()), p.networkProtocol()),
                at, 2);
        b.leaf("Interface index: " + bytes.u32(at + 4), at + 4, 4);
        b.leaf("Link-layer address type: " + u16(at + 8), at + 8, 2);
        b.leaf("Packet type: " + packetTypeName(u8(at + 10)) + " (" + u8(at + 10) + ")", at + 10, 1);
        int addressLength = u8(at + 11);
        b.leaf("Link-layer address length: " + addressLength, at + 11, 1);
        b.leaf("Source: " + mac(at + 12, Math.min(addressLength, 8)), at + 12, 8);
        return b;
    }

    // ---- IP ----

    private DetailNode ipv4Node() {
        int at = p.ipOffset();
        Branch b = new Branch("Internet Protocol Version 4, Src: " + p.sourceAddress() + ", Dst: "
                + p.destinationAddress(), at, p.ipHeaderLength());
        b.leaf("Version: 4, Header length: " + p.ipHeaderLength() + " bytes", at, 1);
        b.leaf(String.format(Locale.ROOT, "Differentiated services: 0x%02x (DSCP %d, ECN %d)", p.ipTrafficClass(),
                p.ipTrafficClass() >>> 2, p.ipTrafficClass() & 3), at + 1, 1);
        b.leaf("Total length: " + p.ipDatagramLength(), at + 2, 2);
        b.leaf(String.format(Locale.ROOT, "Identification: 0x%04x (%d)", p.ipv4Identification(), p.ipv4Identification()), at + 4, 2);
        b.leaf("Flags:" + (p.dontFragment() ? " DF" : "") + (p.moreFragments() ? " MF" : "")
                + (p.dontFragment() || p.moreFragments() ? "" : " none")
                + ", Fragment offset: " + p.fragmentOffset(), at + 6, 2);
        b.leaf("Time to live: " + p.ipTtl(), at + 8, 1);
        b.leaf("Protocol: " + protocolName(p.ipProtocol()) + " (" + p.ipProtocol() + ")", at + 9, 1);
        b.leaf(String.format(Locale.ROOT, "Header checksum: 0x%04x", p.ipv4Checksum()), at + 10, 2);
        b.leaf("Source address: " + p.sourceAddress(), at + 12, 4);
        b.leaf("Destination address: " + p.destinationAddress(), at + 16, 4);
        if (p.ipHeaderLength() > 20) {
            b.leaf("Options: " + (p.ipHeaderLength() - 20) + " bytes", at + 20, p.ipHeaderLength() - 20);
        }
        return b.node();
    }

    private DetailNode ipv6Node() {
        int at = p.ipOffset();
        int extensions = 0;
        for (int i = 0; i < p.extensionCount(); i++) {
            extensions += p.extensionLength(i);
        }
        Branch b = new Branch("Internet Protocol Version 6, Src: " + p.sourceAddress() + ", Dst: "
                + p.destinationAddress(), at, 40 + extensions);
        b.leaf(String.format(Locale.ROOT, "Version: 6, Traffic class: 0x%02x, Flow label: 0x%05x", p.ipTrafficClass(),
                p.ipv6FlowLabel()), at, 4);
        b.leaf("Payload length: " + (p.ipDatagramLength() - 40), at + 4, 2);
        b.leaf("Next header: " + u8(at + 6), at + 6, 1);
        b.leaf("Hop limit: " + p.ipTtl(), at + 7, 1);
        b.leaf("Source address: " + p.sourceAddress(), at + 8, 16);
        b.leaf("Destination address: " + p.destinationAddress(), at + 24, 16);
        for (int i = 0; i < p.extensionCount(); i++) {
            int type = p.extensionType(i);
            int offset = p.extensionOffset(i);
            Branch e = new Branch(extensionName(type) + " (" + type + "), " + p.extensionLength(i) + " bytes",
                    offset, p.extensionLength(i));
            e.leaf("Next header: " + u8(offset), offset, 1);
            if (type == ProtocolNumbers.IPV6_FRAGMENT) {
                e.leaf("Fragment offset: " + p.fragmentOffset() + ", more fragments: " + p.moreFragments(),
                        offset + 2, 2);
                e.leaf("Identification: " + hex(buf.getInt(base + offset + 4) & 0xffffffffL, 8), offset + 4, 4);
            }
            b.child(e);
        }
        b.leaf("Upper-layer protocol: " + protocolName(p.ipProtocol()) + " (" + p.ipProtocol() + ")", at + 6, 1);
        return b.node();
    }

    // ---- TCP ----

    private DetailNode tcpNode() {
        int at = p.tcpOffset();
        StringBuilder flags = new StringBuilder();
        PacketText.appendFlags(flags, p.tcpFlags());
        long seq = numbering == null ? TcpNumbering.UNKNOWN : numbering.sequence(p.sequenceNumber());
        long ack = numbering == null || !p.hasTcpFlag(DecodedPacket.TCP_ACK) ? TcpNumbering.UNKNOWN
                : numbering.acknowledgment(p.acknowledgmentNumber());
        Branch b = new Branch("Transmission Control Protocol, Src Port: " + p.sourcePort() + ", Dst Port: "
                + p.destinationPort() + ", Seq: " + (seq == TcpNumbering.UNKNOWN ? p.sequenceNumber() : seq)
                + ", Ack: " + (ack == TcpNumbering.UNKNOWN ? p.acknowledgmentNumber() : ack)
                + ", Len: " + p.payloadWireLength(), at, Math.min(p.tcpHeaderLength(), p.capturedLength() - at));
        b.leaf("Source port: " + p.sourcePort(), at, 2);
        b.leaf("Destination port: " + p.destinationPort(), at + 2, 2);
        if (seq == TcpNumbering.UNKNOWN) {
            b.leaf("Sequence number: " + p.sequenceNumber(), at + 4, 4);
        } else {
            b.leaf("Sequence number: " + seq + "    " + RELATIVE_SEQUENCE, at + 4, 4);
            b.leaf("Sequence number (raw): " + p.sequenceNumber(), at + 4, 4);
        }
        if (ack == TcpNumbering.UNKNOWN) {
            b.leaf("Acknowledgment number: " + p.acknowledgmentNumber(), at + 8, 4);
        } else {
            b.leaf("Acknowledgment number: " + ack + "    " + RELATIVE_ACKNOWLEDGMENT, at + 8, 4);
            b.leaf("Acknowledgment number (raw): " + p.acknowledgmentNumber(), at + 8, 4);
        }
        b.leaf("Header length: " + p.tcpHeaderLength() + " bytes", at + 12, 1);
        b.leaf(String.format(Locale.ROOT, "Flags: 0x%03x %s", p.tcpFlags(), flags), at + 12, 2);
        b.leaf("Window: " + p.window(), at + 14, 2);
        b.leaf(String.format(Locale.ROOT, "Checksum: 0x%04x", p.tcpChecksum()), at + 16, 2);
        b.leaf("Urgent pointer: " + p.urgentPointer(), at + 18, 2);
        if (p.tcpOptionCount() > 0) {
            b.child(optionsNode(at + 20));
        }
        return b.node();
    }

    private Branch optionsNode(int at) {
        int last = p.tcpOptionCount() - 1;
        Branch b = new Branch("Options", at, p.tcpOptionOffset(last) + p.tcpOptionLength(last) - at);
        int mptcp = 0;
        for (int i = 0; i <= last; i++) {
            int kind = p.tcpOptionKind(i);
            int offset = p.tcpOptionOffset(i);
            if (kind == DecodedPacket.OPTION_MPTCP && mptcp < p.mptcpOptionCount()
                    && p.mptcpOption(mptcp).offset() == offset) {
                b.child(MptcpDetail.node(p.mptcpOption(mptcp++)));
            } else {
                b.child(tcpOption(kind, offset, p.tcpOptionLength(i)));
            }
        }
        return b;
    }

    /** One TCP option with its kind, length and value fields; a value is shown only when its length is right. */
    private Branch tcpOption(int kind, int at, int length) {
        if (kind == DecodedPacket.OPTION_EOL || kind == DecodedPacket.OPTION_NOP) {
            return new Branch(kind == DecodedPacket.OPTION_EOL ? "End of Option List" : "No-Operation", at, length);
        }
        List<DetailNode> values = tcpOptionValues(kind, at, length);
        StringBuilder title = new StringBuilder(tcpOptionName(kind));
        for (DetailNode value : values) {
            // "Maximum segment size: 1460", "Timestamps: 100, 200"
            title.append(title.indexOf(": ") < 0 ? ": " : ", ").append(value.text().substring(value.text().indexOf(": ") + 2));
        }
        Branch b = new Branch(title.toString(), at, length);
        b.leaf("Kind: " + kind, at, 1);
        if (length >= 2) {
            b.leaf("Length: " + u8(at + 1), at + 1, 1);
        }
        values.forEach(b::child);
        return b;
    }

    private static String tcpOptionName(int kind) {
        return switch (kind) {
            case DecodedPacket.OPTION_MSS -> "Maximum segment size";
            case DecodedPacket.OPTION_WINDOW_SCALE -> "Window scale";
            case DecodedPacket.OPTION_SACK_PERMITTED -> "SACK permitted";
            case DecodedPacket.OPTION_SACK -> "SACK";
            case DecodedPacket.OPTION_TIMESTAMPS -> "Timestamps";
            case DecodedPacket.OPTION_MPTCP -> "Multipath TCP";
            case DecodedPacket.OPTION_FAST_OPEN -> "TCP Fast Open";
            default -> "Option kind " + kind;
        };
    }

    private List<DetailNode> tcpOptionValues(int kind, int at, int length) {
        List<DetailNode> values = new ArrayList<>();
        switch (kind) {
            case DecodedPacket.OPTION_MSS -> {
                if (length == 4) {
                    values.add(DetailNode.leaf("MSS: " + p.mss(), at + 2, 2));
                }
            }
            case DecodedPacket.OPTION_WINDOW_SCALE -> {
                if (length == 3) {
                    values.add(DetailNode.leaf("Shift count: " + p.windowScale() + " (multiply by "
                            + (1L << Math.min(p.windowScale(), 14)) + ")", at + 2, 1));
                }
            }
            case DecodedPacket.OPTION_SACK -> {
                for (int i = 0; i < p.sackBlockCount(); i++) {
                    values.add(DetailNode.leaf("Left edge: " + p.sackLeftEdge(i), at + 2 + 8 * i, 4));
                    values.add(DetailNode.leaf("Right edge: " + p.sackRightEdge(i), at + 6 + 8 * i, 4));
                }
            }
            case DecodedPacket.OPTION_TIMESTAMPS -> {
                if (length == 10) {
                    values.add(DetailNode.leaf("Timestamp value: " + p.timestampValue(), at + 2, 4));
                    values.add(DetailNode.leaf("Timestamp echo reply: " + p.timestampEchoReply(), at + 6, 4));
                }
            }
            case DecodedPacket.OPTION_FAST_OPEN -> values.add(length <= 2
                    ? DetailNode.leaf("Cookie request", at, length)
                    : DetailNode.leaf("Cookie: " + bytes.hex(at + 2, length - 2), at + 2, length - 2));
            default -> { }
        }
        return values;
    }

    // ---- Warnings ----

    private DetailNode warningsNode() {
        String count = p.warningCount() + (p.warningsDropped() > 0 ? " (+" + p.warningsDropped() + " not kept)" : "");
        Branch b = new Branch("Warnings: " + count, 0, 0);
        for (int i = 0; i < p.warningCount(); i++) {
            int offset = p.warningOffset(i);
            b.leaf("Byte " + offset + ": " + p.warning(i).message(), offset,
                    offset < p.capturedLength() ? 1 : 0);
        }
        return b.node();
    }

    // ---- Names and raw bytes ----

    private int u8(int frameOffset) {
        return bytes.u8(frameOffset);
    }

    private int u16(int frameOffset) {
        return bytes.u16(frameOffset);
    }

    private String mac(int frameOffset, int length) {
        return bytes.mac(frameOffset, length);
    }

    static String etherTypeName(int type) {
        return switch (type) {
            case ProtocolNumbers.ETHERTYPE_IPV4 -> "IPv4";
            case ProtocolNumbers.ETHERTYPE_IPV6 -> "IPv6";
            case 0x0806 -> "ARP";
            case ProtocolNumbers.ETHERTYPE_MPLS -> "MPLS label switched packet";
            case ProtocolNumbers.ETHERTYPE_MPLS_MULTICAST -> "MPLS multicast label switched packet";
            case ProtocolNumbers.ETHERTYPE_PPPOE_DISCOVERY -> "PPPoE Discovery";
            case ProtocolNumbers.ETHERTYPE_PPPOE_SESSION -> "PPPoE Session";
            case 0x6558 -> "Transparent Ethernet bridging";
            case 0x88be -> "ERSPAN";
            case 0x22eb -> "ERSPAN type III";
            default -> "unknown";
        };
    }

    static String pppProtocolName(int protocol) {
        return switch (protocol) {
            case ProtocolNumbers.PPP_IPV4 -> "IPv4";
            case ProtocolNumbers.PPP_IPV6 -> "IPv6";
            case 0xc021 -> "LCP";
            default -> "other";
        };
    }

    private static String packetTypeName(int type) {
        return switch (type) {
            case 0 -> "unicast to us";
            case 1 -> "broadcast";
            case 2 -> "multicast";
            case 3 -> "unicast to another host";
            case 4 -> "sent by us";
            default -> "unknown";
        };
    }

    static String protocolName(int protocol) {
        return switch (protocol) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 4 -> "IPIP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 47 -> "GRE";
            case 58 -> "ICMPv6";
            case 59 -> "No next header";
            default -> "other";
        };
    }

    private static String extensionName(int type) {
        return switch (type) {
            case ProtocolNumbers.IPV6_HOP_BY_HOP -> "Hop-by-hop options";
            case ProtocolNumbers.IPV6_ROUTING -> "Routing header";
            case ProtocolNumbers.IPV6_FRAGMENT -> "Fragment header";
            case ProtocolNumbers.IPV6_AUTHENTICATION -> "Authentication header";
            case ProtocolNumbers.IPV6_DESTINATION_OPTIONS -> "Destination options";
            default -> "Extension header";
        };
    }
}
