package org.braid.render;

import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;

/** A tshark-like one-line summary of a decoded packet, for packet lists. */
public final class PacketText {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    private PacketText() {}

    /**
     * For TCP: {@code 5201 -> 443 [SYN, ACK] Seq=.. Ack=.. Win=.. Len=.. MSS=1460 WS=128 SACK_PERM
     * TSval=.. TSecr=..}, then each MPTCP option in words after "; ". Sequence numbers are absolute.
     * UDP, ICMP, ICMPv6 and ARP as Wireshark summarises them (see {@link OtherProtocolText}).
     */
    public static String info(DecodedPacket p) {
        return info(p, " -> ");
    }

    /** MPTCP when the packet carries an MPTCP option, else TCP, UDP, ICMP, ICMPv6 or ARP, else the deepest layer decoded. */
    public static String protocol(DecodedPacket p) {
        if (p.mptcpOptionCount() > 0) {
            return "MPTCP";
        }
        if (p.hasTcp()) {
            return "TCP";
        }
        String other = OtherProtocolText.protocol(p);
        if (other != null) {
            return other;
        }
        if (p.hasIp()) {
            return "IPv" + p.ipVersion();
        }
        return LinkType.name(p.linkType());
    }

    /** The Source column: the IP source, or ARP's link-layer source; empty when neither is known. */
    public static String source(DecodedPacket p) {
        return p.hasArp() ? OtherProtocolText.arpSource(p.arp()) : p.sourceAddress();
    }

    /** The Destination column: the IP destination, or ARP's link-layer destination; empty when neither is known. */
    public static String destination(DecodedPacket p) {
        return p.hasArp() ? OtherProtocolText.arpDestination(p.arp()) : p.destinationAddress();
    }

    /** The summary with {@code arrow} between the ports of TCP and UDP. */
    public static String info(DecodedPacket p, String arrow) {
        StringBuilder out = new StringBuilder(128);
        if (p.hasTcp()) {
            tcp(out, p, arrow);
        } else if (!OtherProtocolText.append(out, p, arrow)) {
            undecoded(out, p);
        }
        if (p.warningCount() > 0) {
            out.append(" [").append(p.warning(0).message());
            int more = p.warningCount() - 1 + p.warningsDropped();
            if (more > 0) {
                out.append(" (+").append(more).append(" more)");
            }
            out.append(']');
        }
        return out.toString();
    }

    /** A packet whose upper layer is not decoded: the deepest layer that was, and its protocol number. */
    private static void undecoded(StringBuilder out, DecodedPacket p) {
        if (p.hasIp() && p.isFragment() && p.fragmentOffset() != 0) {
            out.append("Fragmented IP protocol (proto=").append(p.ipProtocol())
                    .append(", off=").append(p.fragmentOffset()).append(')');
        } else if (p.hasIp()) {
            out.append("IPv").append(p.ipVersion()).append(" protocol ").append(p.ipProtocol());
        } else if (p.networkProtocol() >= 0) {
            out.append(LinkType.name(p.linkType())).append(" protocol 0x")
                    .append(Integer.toHexString(p.networkProtocol()));
        } else {
            out.append(LinkType.name(p.linkType())).append(" frame");
        }
    }

    private static void tcp(StringBuilder out, DecodedPacket p, String arrow) {
        out.append(p.sourcePort()).append(arrow).append(p.destinationPort()).append(' ');
        appendFlags(out, p.tcpFlags());
        out.append(" Seq=").append(p.sequenceNumber());
        if (p.hasTcpFlag(DecodedPacket.TCP_ACK)) {
            out.append(" Ack=").append(p.acknowledgmentNumber());
        }
        out.append(" Win=").append(p.window());
        out.append(" Len=").append(p.payloadWireLength());
        if (p.mss() >= 0) {
            out.append(" MSS=").append(p.mss());
        }
        if (p.windowScale() >= 0) {
            // tshark shows the multiplier; RFC 7323 caps the shift at 14.
            out.append(" WS=").append(1L << Math.min(p.windowScale(), 14));
        }
        if (p.sackPermitted()) {
            out.append(" SACK_PERM");
        }
        for (int i = 0; i < p.sackBlockCount(); i++) {
            out.append(" SLE=").append(p.sackLeftEdge(i)).append(" SRE=").append(p.sackRightEdge(i));
        }
        if (p.hasTimestamps()) {
            out.append(" TSval=").append(p.timestampValue()).append(" TSecr=").append(p.timestampEchoReply());
        }
        for (int i = 0; i < p.tcpOptionCount(); i++) {
            if (p.tcpOptionKind(i) == DecodedPacket.OPTION_FAST_OPEN) {
                out.append(p.tcpOptionLength(i) <= 2 ? " TFO=R" : " TFO=C"); // as tshark: request, cookie
            }
        }
        for (int i = 0; i < p.mptcpOptionCount(); i++) {
            out.append("; ");
            MptcpOptionText.append(out, p.mptcpOption(i));
        }
    }

    /** Flag names in tshark's order and brackets, such as {@code [SYN, ACK]}; {@code [<None>]} when none. */
    public static void appendFlags(StringBuilder out, int flags) {
        out.append('[');
        int start = out.length();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                out.append(out.length() > start ? ", " : "").append(FLAG_NAMES[bit]);
            }
        }
        if (out.length() == start) {
            out.append("<None>");
        }
        out.append(']');
    }
}
