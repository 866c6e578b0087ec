package org.braid.render;

import static org.braid.render.MptcpOptionText.hex;

import java.util.Locale;
import org.braid.decode.ArpPacket;
import org.braid.decode.DecodedPacket;
import org.braid.decode.IcmpHeader;
import org.braid.decode.IcmpNames;
import org.braid.decode.IpText;
import org.braid.decode.MacText;
import org.braid.decode.ProtocolNumbers;
import org.braid.decode.UdpHeader;

/** The details-tree sections of UDP, ICMP, ICMPv6 and ARP, field by field with their bytes. */
final class OtherProtocolDetail {
    private OtherProtocolDetail() {}

    /** The section of the packet's UDP, ICMP or ARP layer, or null when it has none. */
    static DetailNode node(DecodedPacket p) {
        if (p.hasUdp()) {
            return udp(p);
        }
        if (p.hasIcmp()) {
            return icmp(p.icmp(), p.capturedLength());
        }
        return p.hasArp() ? arp(p.arp()) : null;
    }

    private static DetailNode udp(DecodedPacket p) {
        UdpHeader u = p.udp();
        int at = u.offset();
        Branch b = new Branch("User Datagram Protocol, Src Port: " + u.sourcePort() + ", Dst Port: "
                + u.destinationPort(), at, 8);
        b.leaf("Source port: " + u.sourcePort(), at, 2);
        b.leaf("Destination port: " + u.destinationPort(), at + 2, 2);
        b.leaf("Length: " + u.length(), at + 4, 2);
        b.leaf("Checksum: " + hex(u.checksum(), 4), at + 6, 2);
        int captured = Math.min(u.payloadLength(), p.capturedLength() - at - 8);
        b.leaf("UDP payload (" + u.payloadLength() + " bytes on the wire, " + Math.max(0, captured) + " captured)",
                at + 8, captured);
        return b.node();
    }

    private static DetailNode icmp(IcmpHeader m, int capturedLength) {
        int at = m.offset();
        Branch b = new Branch(m.v6() ? "Internet Control Message Protocol v6" : "Internet Control Message Protocol",
                at, Math.min(m.length(), capturedLength - at));
        String type = IcmpNames.type(m.v6(), m.type());
        b.leaf("Type: " + m.type() + (type != null ? " (" + type + ")" : ""), at, 1);
        String code = IcmpNames.code(m.v6(), m.type(), m.code());
        b.leaf("Code: " + m.code() + (code != null ? " (" + code + ")" : ""), at + 1, 1);
        b.leaf("Checksum: " + hex(m.checksum(), 4), at + 2, 2);
        boolean echo = m.v6() ? m.type() == 128 || m.type() == 129 : m.type() == 0 || m.type() == 8;
        if (echo) {
            b.leaf(String.format(Locale.ROOT, "Identifier: %d (0x%04x)", m.identifier(), m.identifier()), at + 4, 2);
            b.leaf(String.format(Locale.ROOT, "Sequence number: %d (0x%04x)", m.sequence(), m.sequence()), at + 6, 2);
        } else if (m.v6() && m.type() == 136) {
            String flags = OtherProtocolText.advertisementFlags(m.rest());
            b.leaf("Flags: " + hex(m.rest(), 8) + (flags.isEmpty() ? "" : " (" + flags + ")"), at + 4, 4);
        }
        if (m.hasTarget()) {
            b.leaf("Target address: " + IpText.ipv6(m.targetHigh(), m.targetLow()), at + 8, 16);
        }
        if (m.linkAddress() >= 0) {
            int option = m.linkAddressOffset();
            b.leaf("Link-layer address option: " + MacText.mac(m.linkAddress()), option, 8);
        }
        long mtu = m.nextHopMtu();
        if (mtu >= 0) {
            b.leaf("MTU of next hop: " + mtu, m.v6() ? at + 4 : at + 6, m.v6() ? 4 : 2);
        }
        if (m.hasInner()) {
            packetInError(b, m, capturedLength);
        }
        return b.node();
    }

    /** The quoted packet in error, as Wireshark shows it: its IP header, then its TCP or UDP ports. */
    private static void packetInError(Branch icmp, IcmpHeader m, int capturedLength) {
        int at = m.innerOffset();
        boolean v4 = m.innerVersion() == 4;
        String source = innerAddress(v4, m.innerSourceHigh(), m.innerSourceLow());
        String destination = innerAddress(v4, m.innerDestinationHigh(), m.innerDestinationLow());
        Branch ip = new Branch("Internet Protocol Version " + m.innerVersion() + ", Src: " + source + ", Dst: "
                + destination + (m.innerInTunnel() ? " (the packet in error, inside the quoted tunnel)"
                        : " (the packet in error)"), at, Math.min(m.innerHeaderLength(), capturedLength - at));
        ip.leaf("Protocol: " + DetailTree.protocolName(m.innerProtocol()) + " (" + m.innerProtocol() + ")",
                at + (v4 ? 9 : 6), 1);
        ip.leaf("Source address: " + source, at + (v4 ? 12 : 8), v4 ? 4 : 16);
        ip.leaf("Destination address: " + destination, at + (v4 ? 16 : 24), v4 ? 4 : 16);
        icmp.child(ip);
        int t = m.innerTransportOffset();
        if (t < 0) {
            return;
        }
        boolean tcp = m.innerSequence() >= 0;
        String name = m.innerProtocol() == ProtocolNumbers.PROTOCOL_TCP ? "Transmission Control Protocol"
                : "User Datagram Protocol";
        Branch transport = new Branch(name + ", Src Port: " + m.innerSourcePort() + ", Dst Port: "
                + m.innerDestinationPort() + (tcp ? ", Seq: " + m.innerSequence() : ""), t, tcp ? 8 : 4);
        transport.leaf("Source port: " + m.innerSourcePort(), t, 2);
        transport.leaf("Destination port: " + m.innerDestinationPort(), t + 2, 2);
        if (tcp) {
            transport.leaf("Sequence number (raw): " + m.innerSequence(), t + 4, 4);
        }
        icmp.child(transport);
    }

    private static String innerAddress(boolean v4, long high, long low) {
        return v4 ? IpText.ipv4((int) low) : IpText.ipv6(high, low);
    }

    private static DetailNode arp(ArpPacket a) {
        int at = a.offset();
        Branch b = new Branch("Address Resolution Protocol (" + OtherProtocolText.opcodeName(a.opcode()) + ")", at,
                a.ethernetIpv4() ? ArpPacket.ETHERNET_IPV4_LENGTH : 8);
        b.leaf("Hardware type: " + (a.hardwareType() == 1 ? "Ethernet (1)" : a.hardwareType()), at, 2);
        b.leaf(String.format(Locale.ROOT, "Protocol type: %s (0x%04x)", DetailTree.etherTypeName(a.protocolType()),
                a.protocolType()), at + 2, 2);
        b.leaf("Hardware size: " + a.hardwareSize(), at + 4, 1);
        b.leaf("Protocol size: " + a.protocolSize(), at + 5, 1);
        b.leaf("Opcode: " + OtherProtocolText.opcodeName(a.opcode()) + " (" + a.opcode() + ")", at + 6, 2);
        if (a.ethernetIpv4()) {
            b.leaf("Sender MAC address: " + MacText.mac(a.senderMac()), at + 8, 6);
            b.leaf("Sender IP address: " + IpText.ipv4(a.senderIpv4()), at + 14, 4);
            b.leaf("Target MAC address: " + MacText.mac(a.targetMac()), at + 18, 6);
            b.leaf("Target IP address: " + IpText.ipv4(a.targetIpv4()), at + 24, 4);
        }
        return b.node();
    }
}
