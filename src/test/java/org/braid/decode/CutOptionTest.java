package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/**
 * A headers-only capture (snaplen 96) cuts the 26-byte DSS of frame 2038 after 24 bytes. It is still
 * a DSS (Wireshark counts it too), with the fields the capture kept and no checksum-less verdict of
 * "malformed": the length 26 is right for flags 0x1f with a checksum.
 */
class CutOptionTest {
    @Test
    void dssCutBySnaplenKeepsItsWholeFields() throws Exception {
        MptcpOption[] found = new MptcpOption[1];
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("headers-only-s96.pcap"))) {
            PacketPass.run(source, (frame, packet) -> {
                if (frame.packetNumber() == 2038) {
                    assertThat(packet.mptcpOptionCount()).isEqualTo(1);
                    MptcpOption dss = packet.mptcpOption(0);
                    assertThat(dss.subtype()).isEqualTo(MptcpSubtype.DSS);
                    assertThat(dss.length()).isEqualTo(26);
                    assertThat(dss.capturedLength()).isEqualTo(24);
                    assertThat(dss.cut()).isTrue();
                    assertThat(dss.malformed()).isFalse();
                    // Values read with tshark -V from the same bytes.
                    assertThat(Long.toUnsignedString(dss.dataAck())).isEqualTo("13896598100919141486");
                    assertThat(dss.dataSequenceNumber()).isEqualTo(3862158595010601289L);
                    assertThat(dss.subflowSequenceNumber()).isZero();
                    assertThat(dss.dataFin()).isTrue();
                    assertThat(dss.hasDataLevelLength()).as("bytes 24-25 were not captured").isFalse();
                    assertThat(dss.hasChecksum()).isFalse();
                    found[0] = dss;
                }
            });
        }
        assertThat(found[0]).isNotNull();
    }

    /**
     * The decoder's one flag says what searching the packet would: a cut header or option warning, or
     * an MPTCP option the capture cut. The capture has both kinds of cut packets: header cut, payload only.
     */
    @Test
    void tcpHeaderCutFlagAgreesWithTheWarningsAndOptions() throws Exception {
        long[] headerCut = new long[1];
        long[] payloadOnlyCut = new long[1];
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("headers-only-s96.pcap"))) {
            PacketPass.run(source, (frame, packet) -> {
                boolean searched = false;
                for (int i = 0; i < packet.warningCount(); i++) {
                    WarningKind kind = packet.warningKind(i);
                    searched |= kind == WarningKind.TCP_OPTION_TRUNCATED || kind == WarningKind.TCP_HEADER_TRUNCATED;
                }
                for (int i = 0; i < packet.mptcpOptionCount(); i++) {
                    searched |= packet.mptcpOption(i).cut();
                }
                assertThat(packet.tcpHeaderCut()).as("packet %d", frame.packetNumber()).isEqualTo(searched);
                if (searched) {
                    headerCut[0]++;
                } else if (packet.payloadCapturedLength() < packet.payloadWireLength()) {
                    payloadOnlyCut[0]++;
                }
            });
        }
        assertThat(headerCut[0]).isPositive();
        assertThat(payloadOnlyCut[0]).isPositive();
    }
}
