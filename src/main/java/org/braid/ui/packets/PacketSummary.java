package org.braid.ui.packets;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.model.Endpoint;
import org.braid.render.PacketText;

/**
 * The decoded columns of one packet-list row, and the decoded values the analysis columns need
 * (the sender's endpoint and the DSS DATA_ACK as sent).
 *
 * @param sender     source address and TCP port, or null without TCP
 * @param dataAck    the DSS DATA_ACK as sent (4 or 8 bytes), or null when the packet carries none
 * @param dataAck8   true when the DATA_ACK was sent in 8 bytes
 */
public record PacketSummary(String source, String destination, String protocol, String info, String mptcpSubtypes,
                            Endpoint sender, Long dataAck, boolean dataAck8) {
    /** Shown when a packet cannot be re-read (the file changed since it was loaded). */
    public static final PacketSummary UNREADABLE =
            new PacketSummary("", "", "", "packet no longer readable", "", null, null, false);

    /** The summary with absolute TCP numbers in Info, as the decoder gives them. */
    public static PacketSummary of(DecodedPacket p) {
        return of(p, -1, new TcpSequenceBases(), true);
    }

    /** The summary with Info's TCP numbers relative to {@code bases} of {@code flow}, unless {@code absolute}. */
    public static PacketSummary of(DecodedPacket p, int flow, TcpSequenceBases bases, boolean absolute) {
        String source = PacketText.source(p);
        String destination = PacketText.destination(p);
        MptcpOption dss = p.firstMptcpOption(MptcpSubtype.DSS);
        boolean ack = dss != null && !dss.malformed() && dss.hasDataAck();
        return new PacketSummary(source, destination, PacketText.protocol(p), InfoText.of(p, flow, bases, absolute),
                InfoText.subtypes(p), p.hasTcp() ? new Endpoint(p.sourceAddress(), p.sourcePort()) : null,
                ack ? dss.dataAck() : null, ack && dss.dataAckIs8Bytes());
    }
}
