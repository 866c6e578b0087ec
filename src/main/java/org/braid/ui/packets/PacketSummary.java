package org.braid.ui.packets;

import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketText;

/** The decoded columns of one packet-list row. */
public record PacketSummary(String source, String destination, String protocol, String info) {
    /** Shown when a packet cannot be re-read (the file changed since it was loaded). */
    public static final PacketSummary UNREADABLE = new PacketSummary("", "", "", "packet no longer readable");

    public static PacketSummary of(DecodedPacket p) {
        return new PacketSummary(p.sourceAddress(), p.destinationAddress(), protocol(p), PacketText.info(p));
    }

    /** MPTCP when the packet carries an MPTCP option, else TCP, else the deepest layer decoded. */
    public static String protocol(DecodedPacket p) {
        if (p.mptcpOptionCount() > 0) {
            return "MPTCP";
        }
        if (p.hasTcp()) {
            return "TCP";
        }
        if (p.hasIp()) {
            return "IPv" + p.ipVersion();
        }
        return LinkType.name(p.linkType());
    }
}
