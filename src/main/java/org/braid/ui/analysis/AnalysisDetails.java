package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.braid.analysis.PacketColumns;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.model.DssMappings;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.render.DetailNode;

/**
 * The packet details' analysis section: what the MPTCP analysis says about one packet. Lines that
 * name another packet are links: {@link #links()} maps them (by identity) to that packet's index.
 */
public record AnalysisDetails(DetailNode section, Map<DetailNode, Integer> links) {
    public static final String TITLE = "MPTCP analysis";

    /** The section for packet {@code i} (decoded as {@code packet}), or null when the analysis placed it nowhere. */
    public static AnalysisDetails of(TraceAnalysis analysis, int i, DecodedPacket packet) {
        PacketColumns columns = analysis.columns();
        if (i >= columns.size() || columns.flowOfPacket(i) < 0) {
            return null;
        }
        List<DetailNode> lines = new ArrayList<>();
        Map<DetailNode, Integer> links = new IdentityHashMap<>();
        int flow = columns.flowOfPacket(i);
        Subflow subflow = analysis.subflowOfPacket(i);
        if (subflow == null) {
            org.braid.model.TcpConnection tcp = analysis.tcpConnectionOfFlow(flow);
            if (tcp != null && tcp.mptcpRefused() != null) {
                lines.add(line("TCP stream: " + flow + " (MPTCP refused)"));
                lines.add(line("MPTCP refused: " + tcp.mptcpRefused()));
            } else {
                lines.add(line("TCP stream: " + flow + " (not MPTCP)"));
            }
        } else {
            MptcpConnection c = analysis.connection(analysis.connectionOfPacket(i));
            lines.add(line("Connection: " + c.index() + " (" + c.client() + " \u2192 " + c.server() + ")"));
            lines.add(line("Subflow: " + analysis.subflowOfFlow(flow) + " (tcp.stream " + flow + ")"
                    + (subflow.join() ? "" : ", the initial subflow")));
            long dsn = columns.relativeDsn(i);
            if (dsn != PacketColumns.NO_DSN) {
                lines.add(line("Relative DSN: " + dsn));
                lines.add(line("DSN: " + Long.toUnsignedString(columns.absoluteDsn(i))));
            } else if (packet.payloadWireLength() > 0) {
                lines.add(line("DSN: unknown (no mapping of this payload in the trace, or the subflow's"
                        + " sequence numbers are not anchored yet: the capture started after its SYN)"));
            }
            if (c.grouping().grouping() != org.braid.model.Grouping.HANDSHAKE) {
                lines.add(line("Grouping: " + c.grouping().grouping().jsonName() + " (subflow: "
                        + subflow.grouping().jsonName() + ")"));
            }
            if (subflow.roles().inferred()) {
                lines.add(line("Client and server inferred from: " + subflow.roles().jsonName()));
            }
            int original = columns.reinjectionOf(i);
            if (original != PacketColumns.NO_PACKET) {
                link(lines, links, "Reinjection of packet " + (original + 1), original);
            } else if (columns.hasFlag(i, PacketColumns.REINJECTION)) {
                lines.add(line("Reinjection of data first sent on another subflow"));
            }
            int resentOf = columns.resentOf(i);
            if (resentOf != PacketColumns.NO_PACKET) {
                link(lines, links, "Resends data first sent on this subflow by packet " + (resentOf + 1), resentOf);
            }
            MptcpOption dss = packet.firstMptcpOption(MptcpSubtype.DSS);
            if (dss != null && !dss.malformed() && dss.hasDataAck() && packet.hasTcp()) {
                int side = TraceAnalysis.side(c, subflow, new Endpoint(packet.sourceAddress(), packet.sourcePort()));
                Long ack = TraceAnalysis.relativeDataAck(c, 1 - side, dss.dataAck(), dss.dataAckIs8Bytes());
                if (ack != null) {
                    lines.add(line("Relative DATA_ACK: " + ack));
                }
            }
            int mapping = columns.mappingPacket(i);
            if (mapping != PacketColumns.NO_PACKET && mapping != i) {
                link(lines, links, "Mapping carried by packet " + (mapping + 1), mapping);
            }
            long edge = columns.windowEdge(i);
            if (edge != PacketColumns.NO_DSN) {
                lines.add(line("Receive window right edge (relative DSN): " + edge));
            }
            checksumValue(lines, c.mappings(), flow, packet);
        }
        checksum(lines, columns.flags(i));
        finding(lines, columns.flags(i), PacketColumns.TCP_RETRANSMISSION, "TCP retransmission on this subflow");
        finding(lines, columns.flags(i), PacketColumns.RESENT,
                "Data sent again on this subflow with new sequence numbers (an MPTCP-level resend)");
        finding(lines, columns.flags(i), PacketColumns.CAPTURE_LOSS,
                "Acknowledges subflow bytes the capture never saw (capture loss)");
        finding(lines, columns.flags(i), PacketColumns.BEYOND_WINDOW, "Data beyond the advertised receive window");
        finding(lines, columns.flags(i), PacketColumns.ZERO_WINDOW, "Zero receive window advertised");
        finding(lines, columns.flags(i), PacketColumns.HMAC_FAILED, "MP_JOIN HMAC does not match the keys");
        finding(lines, columns.flags(i), PacketColumns.FALLBACK, "Sent after the connection fell back to TCP");
        return new AnalysisDetails(new DetailNode(TITLE, 0, 0, lines), links);
    }

    private static void checksum(List<DetailNode> lines, int flags) {
        if ((flags & PacketColumns.CHECKSUM_FAILED) != 0) {
            lines.add(line("DSS checksum: failed"));
        } else if ((flags & PacketColumns.CHECKSUM_VERIFIED) != 0) {
            lines.add(line("DSS checksum: verified"));
        } else if ((flags & PacketColumns.CHECKSUM_UNVERIFIABLE) != 0) {
            lines.add(line("DSS checksum: not verifiable (payload not captured)"));
        }
    }

    /**
     * The checksum of the DSS mapping this packet carries, with its verdict, over the checksum's bytes
     * (the option's last two), as Wireshark words it: {@code DSS checksum value: 0x7874 [incorrect, should be 0x9e74]}.
     */
    private static void checksumValue(List<DetailNode> lines, DssMappings mappings, int flow, DecodedPacket packet) {
        MptcpOption dss = packet.firstMptcpOption(MptcpSubtype.DSS);
        if (dss == null || dss.malformed() || !dss.hasChecksum() || !dss.hasDataLevelLength() || dss.cut()) {
            return;
        }
        int row = mappings.find(flow, dss.subflowSequenceNumber(), dss.dataLevelLength(), dss.dataSequenceNumber());
        if (row >= 0) {
            lines.add(DetailNode.leaf("DSS checksum value: " + ChecksumText.of(mappings, row, dss.checksum()),
                    dss.offset() + dss.length() - 2, 2));
        }
    }

    private static void finding(List<DetailNode> lines, int flags, int bit, String text) {
        if ((flags & bit) != 0) {
            lines.add(line(text));
        }
    }

    private static void link(List<DetailNode> lines, Map<DetailNode, Integer> links, String text, int packet) {
        DetailNode node = line(text + " (double-click or Enter to go there)");
        lines.add(node);
        links.put(node, packet);
    }

    private static DetailNode line(String text) {
        return DetailNode.leaf(text, 0, 0);
    }
}
