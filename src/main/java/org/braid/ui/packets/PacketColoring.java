package org.braid.ui.packets;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/** Colouring rules over the decoder's fields; called once per packet in the load pass, allocation-free. */
public final class PacketColoring {
    private PacketColoring() {}

    public static PacketColor classify(DecodedPacket p) {
        if (p.warningCount() > 0) {
            return PacketColor.MALFORMED;
        }
        boolean signalling = false;
        boolean reset = p.hasTcpFlag(DecodedPacket.TCP_RST);
        for (int i = 0; i < p.mptcpOptionCount(); i++) {
            MptcpOption option = p.mptcpOption(i);
            MptcpSubtype subtype = option.subtype();
            reset |= subtype == MptcpSubtype.MP_TCPRST || subtype == MptcpSubtype.MP_FASTCLOSE;
            signalling |= subtype != MptcpSubtype.DSS || option.dataFin();
        }
        if (reset) {
            return PacketColor.RESET;
        }
        if (signalling) {
            return PacketColor.MPTCP_SIGNALLING;
        }
        if (p.hasTcpFlag(DecodedPacket.TCP_SYN) || p.hasTcpFlag(DecodedPacket.TCP_FIN)) {
            return PacketColor.TCP_HANDSHAKE;
        }
        return p.mptcpOptionCount() > 0 ? PacketColor.MPTCP_DATA : PacketColor.NONE;
    }
}
