package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** Colouring rules on real packets whose content is known (checked with braid packets and tshark). */
class PacketColoringTest {
    private static List<PacketColor> colors(String trace) throws IOException {
        List<PacketColor> colors = new ArrayList<>();
        try (PacketSource source = TraceReader.open(Traces.publicTrace(trace))) {
            PacketPass.run(source, (frame, packet) -> colors.add(PacketColoring.classify(packet)));
        }
        return colors;
    }

    @Test
    void fastCloseTraceShowsEveryKindOfMptcpRow() throws IOException {
        List<PacketColor> colors = colors("tcpdump-mptcp-fclose.pcap");
        assertThat(colors.get(0)).isEqualTo(PacketColor.NONE); // ARP
        assertThat(colors.get(2)).isEqualTo(PacketColor.MPTCP_SIGNALLING); // SYN with MP_CAPABLE
        assertThat(colors.get(5)).isEqualTo(PacketColor.MPTCP_DATA); // DSS mapping only
        assertThat(colors.get(9)).isEqualTo(PacketColor.RESET); // MP_FASTCLOSE
        assertThat(colors.get(10)).isEqualTo(PacketColor.RESET); // TCP RST
    }

    @Test
    void mptcpResetsAndMalformedOptionsStandOut() throws IOException {
        assertThat(colors("tcpdump-mptcp-tcprst.pcap")).containsOnly(PacketColor.RESET);
        assertThat(colors("tcpdump-mptcp-dss-oobr.pcap")).containsExactly(PacketColor.MALFORMED);
    }

    @Test
    void plainTcpHandshakesAndResets() throws IOException {
        List<PacketColor> colors = colors("dpi-mptcp-SynFlood.pcap");
        assertThat(colors.get(0)).isEqualTo(PacketColor.TCP_HANDSHAKE);
        assertThat(colors.get(3)).isEqualTo(PacketColor.RESET);
    }

    @Test
    void indexKeepsTheColourOfEachPacket() throws IOException {
        PacketIndex index = new PacketIndex();
        try (PacketSource source = TraceReader.open(Traces.publicTrace("tcpdump-mptcp-fclose.pcap"))) {
            PacketPass.run(source, index::add);
        }
        assertThat(index.size()).isEqualTo(11);
        assertThat(index.color(9)).isEqualTo(PacketColor.RESET);
        assertThat(index.packetNumber(9)).isEqualTo(10);
        assertThat(index.relativeNanos(9)).isEqualTo(5_012_070_000L);
        assertThat(index.linkType(0)).isEqualTo(1);
    }

    @Test
    void analysisFindingsOutrankTheDecodersColoursButNotMalformedPackets() {
        assertThat(PacketColoring.withAnalysis(PacketColor.MPTCP_DATA, PacketColumns.REINJECTION))
                .isEqualTo(PacketColor.REINJECTION);
        assertThat(PacketColoring.withAnalysis(PacketColor.MPTCP_DATA,
                PacketColumns.REINJECTION | PacketColumns.TCP_RETRANSMISSION)).isEqualTo(PacketColor.REINJECTION);
        assertThat(PacketColoring.withAnalysis(PacketColor.TCP_HANDSHAKE, PacketColumns.TCP_RETRANSMISSION))
                .isEqualTo(PacketColor.TCP_RETRANSMISSION);
        assertThat(PacketColoring.withAnalysis(PacketColor.RESET, PacketColumns.CHECKSUM_FAILED))
                .isEqualTo(PacketColor.CHECKSUM_FAILED);
        assertThat(PacketColoring.withAnalysis(PacketColor.RESET, PacketColumns.REINJECTION)).isEqualTo(PacketColor.RESET);
        assertThat(PacketColoring.withAnalysis(PacketColor.MALFORMED, PacketColumns.CHECKSUM_FAILED))
                .isEqualTo(PacketColor.MALFORMED);
        assertThat(PacketColoring.withAnalysis(PacketColor.MPTCP_SIGNALLING, PacketColumns.ZERO_WINDOW))
                .isEqualTo(PacketColor.MPTCP_SIGNALLING);
    }
}
