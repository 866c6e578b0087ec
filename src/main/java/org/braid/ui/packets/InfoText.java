package org.braid.ui.packets;

import org.braid.decode.DecodedPacket;
import org.braid.render.MptcpOptionText;
import org.braid.render.PacketText;

/**
 * The packet list's Info: for TCP, the MPTCP options first (what an MPTCP user looks for, as
 * {@code braid packets} prints them), then ports, flags and the TCP numbers, sequence and
 * acknowledgment numbers relative to each direction's first one unless absolute ones are asked for;
 * other packets as the decoder summarises them.
 */
final class InfoText {
    private InfoText() {}

    /** @param flow the packet's TCP flow (-1 for none), to find its sequence bases */
    static String of(DecodedPacket p, int flow, TcpSequenceBases bases, boolean absolute) {
        if (!p.hasTcp()) {
            return PacketText.info(p, " \u2192 ");
        }
        StringBuilder out = new StringBuilder(160);
        for (int i = 0; i < p.mptcpOptionCount(); i++) {
            MptcpOptionText.append(out, p.mptcpOption(i));
            out.append(i + 1 < p.mptcpOptionCount() ? ", " : " · ");
        }
        out.append(p.sourcePort()).append(" \u2192 ").append(p.destinationPort()).append(' ');
        PacketText.appendFlags(out, p.tcpFlags());
        long seq = p.sequenceNumber();
        out.append(" Seq=").append(absolute ? seq : bases.relativeSequence(flow, p, seq));
        if (p.hasTcpFlag(DecodedPacket.TCP_ACK)) {
            long ack = p.acknowledgmentNumber();
            out.append(" Ack=").append(absolute ? ack : bases.relativeAcknowledgment(flow, p, ack));
        }
        out.append(" Win=").append(p.window()).append(" Len=").append(p.payloadWireLength());
        if (p.mss() >= 0) {
            out.append(" MSS=").append(p.mss());
        }
        if (p.windowScale() >= 0) {
            out.append(" WS=").append(1L << Math.min(p.windowScale(), 14));
        }
        if (p.sackPermitted()) {
            out.append(" SACK_PERM");
        }
        for (int i = 0; i < p.sackBlockCount(); i++) {
            long left = p.sackLeftEdge(i);
            long right = p.sackRightEdge(i);
            out.append(" SLE=").append(absolute ? left : bases.relativeAcknowledgment(flow, p, left))
                    .append(" SRE=").append(absolute ? right : bases.relativeAcknowledgment(flow, p, right));
        }
        if (p.hasTimestamps()) {
            out.append(" TSval=").append(p.timestampValue()).append(" TSecr=").append(p.timestampEchoReply());
        }
        if (p.warningCount() > 0) {
            out.append(" [").append(p.warning(0).message()).append(']');
        }
        return out.toString();
    }

    /** The MPTCP option subtypes the packet carries, such as {@code MP_JOIN} or {@code DSS, ADD_ADDR}. */
    static String subtypes(DecodedPacket p) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < p.mptcpOptionCount(); i++) {
            out.append(i == 0 ? "" : ", ").append(p.mptcpOption(i).subtype().name());
        }
        return out.toString();
    }
}
