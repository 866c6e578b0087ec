package org.braid.ui.packets;

import org.braid.analysis.PacketColumns;

/** The analysis's findings about one packet as the bracketed notes the Info column starts with. */
public final class AnalysisNotes {
    private AnalysisNotes() {}

    /** E.g. {@code "[Reinjection of #12] "}; empty when the analysis found nothing notable. */
    public static String prefix(PacketColumns columns, int i) {
        int flags = columns.flags(i);
        if (flags == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if ((flags & PacketColumns.REINJECTION) != 0) {
            int original = columns.reinjectionOf(i);
            out.append(original == PacketColumns.NO_PACKET ? "[Reinjection] " : "[Reinjection of #" + (original + 1) + "] ");
        }
        if ((flags & PacketColumns.RESENT) != 0) {
            int original = columns.resentOf(i);
            out.append(original == PacketColumns.NO_PACKET ? "[Resent on the same subflow] "
                    : "[Resent on the same subflow, first sent in #" + (original + 1) + "] ");
        }
        note(out, flags, PacketColumns.TCP_RETRANSMISSION, "TCP Retransmission");
        note(out, flags, PacketColumns.CAPTURE_LOSS, "ACKed segment that wasn't captured");
        note(out, flags, PacketColumns.CHECKSUM_FAILED, "DSS checksum failed");
        note(out, flags, PacketColumns.HMAC_FAILED, "MP_JOIN HMAC failed");
        note(out, flags, PacketColumns.BEYOND_WINDOW, "Beyond receive window");
        note(out, flags, PacketColumns.ZERO_WINDOW, "Zero window");
        note(out, flags, PacketColumns.FALLBACK, "Fallback to TCP");
        return out.toString();
    }

    private static void note(StringBuilder out, int flags, int bit, String text) {
        if ((flags & bit) != 0) {
            out.append('[').append(text).append("] ");
        }
    }
}
