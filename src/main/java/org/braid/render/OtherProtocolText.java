package org.braid.render;

import java.util.Locale;
import org.braid.decode.ArpPacket;
import org.braid.decode.DecodedPacket;
import org.braid.decode.IcmpHeader;
import org.braid.decode.IcmpNames;
import org.braid.decode.IpText;
import org.braid.decode.MacText;
import org.braid.decode.ProtocolNumbers;
import org.braid.decode.UdpHeader;

/**
 * One-line summaries of UDP, ICMP, ICMPv6 and ARP packets in Wireshark's words, such as
 * {@code 40000 → 4000 Len=3}, {@code Echo (ping) request id=0x0001, seq=1/256, ttl=64} or
 * {@code Who has 192.0.2.2? Tell 192.0.2.1}, and the Protocol, Source and Destination columns
 * of ARP, whose addresses are not IP ones.
 */
public final class OtherProtocolText {
    private static final int ICMPV6_ECHO_REQUEST = 128;
    private static final int ICMPV6_ECHO_REPLY = 129;

    private OtherProtocolText() {}

    /** "UDP", "ICMP", "ICMPv6" or "ARP"; null when the packet is none of them. */
    public static String protocol(DecodedPacket p) {
        if (p.hasUdp()) {
            return "UDP";
        }
        if (p.hasIcmp()) {
            return p.icmp().v6() ? "ICMPv6" : "ICMP";
        }
        return p.hasArp() ? "ARP" : null;
    }

    /** ARP's Source column: the sender's MAC, as Wireshark shows the link-layer source. */
    public static String arpSource(ArpPacket a) {
        return a.ethernetIpv4() ? MacText.mac(a.senderMac()) : "";
    }

    /**
     * ARP's Destination column: the Ethernet destination ("Broadcast" for ff:ff:ff:ff:ff:ff), or on
     * a link without one, the target's MAC of a reply and "Broadcast" for a request (RFC 826 broadcasts them).
     */
    public static String arpDestination(ArpPacket a) {
        long destination = a.linkDestination();
        if (destination < 0 && a.ethernetIpv4()) {
            destination = a.opcode() == ArpPacket.REQUEST ? MacText.BROADCAST : a.targetMac();
        }
        if (destination < 0) {
            return "";
        }
        return destination == MacText.BROADCAST ? "Broadcast" : MacText.mac(destination);
    }

    /** Appends the summary and returns true when the packet is UDP, ICMP, ICMPv6 or ARP. */
    static boolean append(StringBuilder out, DecodedPacket p, String arrow) {
        if (p.hasUdp()) {
            UdpHeader u = p.udp();
            out.append(u.sourcePort()).append(arrow).append(u.destinationPort()).append(" Len=").append(u.payloadLength());
        } else if (p.hasIcmp()) {
            icmp(out, p.icmp(), p.ipTtl());
        } else if (p.hasArp()) {
            arp(out, p.arp());
        } else {
            return false;
        }
        return true;
    }

    private static void icmp(StringBuilder out, IcmpHeader m, int ttl) {
        out.append(IcmpNames.typeOrUnknown(m.v6(), m.type()));
        if (m.v6() && (m.type() == ICMPV6_ECHO_REQUEST || m.type() == ICMPV6_ECHO_REPLY)) {
            out.append(String.format(Locale.ROOT, " id=0x%04x, seq=%d, hop limit=%d", m.identifier(), m.sequence(), ttl));
        } else if (!m.v6() && (m.type() == 0 || m.type() == 8)) {
            // Wireshark shows the sequence number read both ways, big-endian then little-endian.
            out.append(String.format(Locale.ROOT, " id=0x%04x, seq=%d/%d, ttl=%d", m.identifier(), m.sequence(),
                    Short.reverseBytes((short) m.sequence()) & 0xffff, ttl));
        } else if (m.hasTarget()) {
            discovery(out, m);
        } else if (m.linkAddress() >= 0) {
            out.append(" from ").append(MacText.mac(m.linkAddress()));
        } else {
            out.append(IcmpNames.codeSuffix(m.v6(), m.type(), m.code()));
        }
    }

    /** Neighbour solicitation, advertisement and redirect: the target, NA's flags and the link-layer address. */
    private static void discovery(StringBuilder out, IcmpHeader m) {
        String target = IpText.ipv6(m.targetHigh(), m.targetLow());
        boolean advertisement = m.type() == 136;
        out.append(advertisement ? " " : " for ").append(target);
        if (advertisement) {
            String flags = advertisementFlags(m.rest());
            if (!flags.isEmpty()) {
                out.append(" (").append(flags).append(')');
            }
        }
        if (m.linkAddress() >= 0) {
            out.append(advertisement ? " is at " : " from ").append(MacText.mac(m.linkAddress()));
        }
    }

    /** The R, S and O flags of a neighbour advertisement (RFC 4861 4.4) as Wireshark lists them. */
    static String advertisementFlags(long rest) {
        StringBuilder flags = new StringBuilder();
        if ((rest & 0x8000_0000L) != 0) {
            flags.append("rtr");
        }
        if ((rest & 0x4000_0000L) != 0) {
            flags.append(flags.isEmpty() ? "" : ", ").append("sol");
        }
        if ((rest & 0x2000_0000L) != 0) {
            flags.append(flags.isEmpty() ? "" : ", ").append("ovr");
        }
        return flags.toString();
    }

    private static void arp(StringBuilder out, ArpPacket a) {
        if (!a.ethernetIpv4()) {
            out.append("ARP ").append(opcodeName(a.opcode()));
            if (a.hardwareType() != 1 || a.protocolType() != ProtocolNumbers.ETHERTYPE_IPV4) {
                out.append(String.format(Locale.ROOT, " (hardware type %d, protocol type 0x%04x)", a.hardwareType(),
                        a.protocolType()));
            }
            return;
        }
        String sender = IpText.ipv4(a.senderIpv4());
        String target = IpText.ipv4(a.targetIpv4());
        if (a.opcode() == ArpPacket.REQUEST) {
            if (a.senderIpv4() == a.targetIpv4()) {
                out.append("ARP Announcement for ").append(sender);
            } else if (a.senderIpv4() == 0) {
                out.append("Who has ").append(target).append("? (ARP Probe)");
            } else {
                out.append("Who has ").append(target).append("? Tell ").append(sender);
            }
        } else if (a.opcode() == ArpPacket.REPLY) {
            out.append(sender).append(" is at ").append(MacText.mac(a.senderMac()));
        } else {
            out.append("ARP ").append(opcodeName(a.opcode()));
        }
    }

    static String opcodeName(int opcode) {
        return switch (opcode) {
            case ArpPacket.REQUEST -> "request";
            case ArpPacket.REPLY -> "reply";
            case 3 -> "reverse request";
            case 4 -> "reverse reply";
            default -> "opcode " + opcode;
        };
    }
}
