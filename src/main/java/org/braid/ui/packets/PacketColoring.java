package org.braid.ui.packets;

import org.braid.analysis.PacketColumns;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/**
 * Colouring rules: {@link #classify} over the decoder's fields, called once per packet in the load
 * pass, allocation-free; {@link #withAnalysis} puts the analysis's findings ahead of them.
 */
public final class PacketColoring {
    private PacketColoring() {}

    /** The row colour of a packet whose decoder colour is {@code decoded} and analysis flags {@code flags}. */
    public static PacketColor withAnalysis(PacketColor decoded, int flags) {
        PacketColor analysis = PacketColor.NONE;
        if ((flags & PacketColumns.CHECKSUM_FAILED) != 0) {
            analysis = PacketColor.CHECKSUM_FAILED;
        } else if ((flags & PacketColumns.REINJECTION) != 0) {
            analysis = PacketColor.REINJECTION;
        } else if ((flags & PacketColumns.RESENT) != 0) {
            analysis = PacketColor.RESENT;
        } else if ((flags & PacketColumns.TCP_RETRANSMISSION) != 0) {
            analysis = PacketColor.TCP_RETRANSMISSION;
        } else if ((flags & PacketColumns.CAPTURE_LOSS) != 0) {
            analysis = PacketColor.CAPTURE_LOSS;
        }
        return analysis.ordinal() < decoded.ordinal() ? analysis : decoded;
    }

    /** The row colour of packet {@code i} of {@code trace}. */
    public static PacketColor of(LoadedTrace trace, int i) {
        return withAnalysis(trace.index().color(i), trace.analysis().columns().flags(i));
    }

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
