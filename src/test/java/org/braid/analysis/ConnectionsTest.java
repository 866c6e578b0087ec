package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.EndReason;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.model.TcpConnection;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Connections, joins, HMACs, incomplete and refused connections on real traces. */
class ConnectionsTest {
    @Test
    void version1HandshakeGivesBothKeysTokensAndIdsns() {
        AnalysisResult result = Analysis.of(Traces.publicTrace("tcpdump-mptcp-v1.pcap"));
        assertThat(result.connections()).hasSize(1);
        MptcpConnection c = result.connections().get(0);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.handshake()).isTrue();
        assertThat(Long.toUnsignedString(c.clientKey())).isEqualTo("2295531734017261039");
        assertThat(Long.toUnsignedString(c.serverKey())).isEqualTo("3001306557161771836");
        assertThat(c.clientToken()).isEqualTo(597671344L);
        assertThat(c.serverToken()).isEqualTo(2740809090L);
        assertThat(c.relativeToIdsn()).isTrue();
        assertThat(c.subflows()).singleElement().satisfies(s -> assertThat(s.join()).isFalse());
    }

    /** {@code hmacPackets}: packets with an MP_JOIN HMAC, counted with tshark (SYN/ACKs and third ACKs). */
    @ParameterizedTest
    @CsvSource({"tcpdump-mptcp-v0.pcap, 2", "mptcpanalyzer_iperf-mptcp-0-0.pcap, 2", "dpi-mptcp-mp_capable.pcapng, 8",
            "mptcpanalyzer_client_2.pcap, 27"})
    void everyJoinHmacVerifiesWithBothKeys(String trace, int hmacPackets) {
        AnalysisResult result = Analysis.of(Traces.publicTrace(trace));
        int verified = result.connections().stream().mapToInt(MptcpConnection::hmacVerified).sum();
        int failed = result.connections().stream().mapToInt(MptcpConnection::hmacFailed).sum();
        assertThat(verified).isEqualTo(hmacPackets);
        assertThat(failed).isZero();
    }

    @Test
    void aCorruptedJoinHmacIsReported(@TempDir Path dir) throws IOException {
        Path original = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
        long hmacOffset = firstSynAckHmacFileOffset(original);
        byte[] bytes = Files.readAllBytes(original);
        bytes[(int) hmacOffset] ^= 0x01;
        Path corrupted = dir.resolve("corrupted.pcap");
        Files.write(corrupted, bytes);

        int verifiedBefore = Analysis.of(original).connections().get(0).hmacVerified();
        MptcpConnection c = Analysis.of(corrupted).connections().get(0);
        assertThat(c.hmacFailed()).isEqualTo(1);
        assertThat(c.hmacVerified()).isEqualTo(verifiedBefore - 1);
        assertThat(c.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.HMAC_MISMATCH));
    }

    /** Where the first MP_JOIN SYN/ACK's HMAC is in a classic pcap file (16-byte record headers). */
    private static long firstSynAckHmacFileOffset(Path trace) throws IOException {
        long[] offset = {-1};
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, (frame, packet) -> {
                MptcpOption join = packet.firstMptcpOption(MptcpSubtype.MP_JOIN);
                if (offset[0] < 0 && join != null && join.joinStage() == MptcpOption.JoinStage.SYN_ACK) {
                    // kind, length, subtype|B, address id, then the truncated HMAC
                    offset[0] = frame.fileOffset() + 16 + join.offset() + 4;
                }
            });
        }
        assertThat(offset[0]).isPositive();
        return offset[0];
    }

    @Test
    void joinsWithoutTheHandshakeFormAnIncompleteConnectionByToken() {
        AnalysisResult result = Analysis.of(Traces.publicTrace("dpi-mptcp-short.pcapng"));
        assertThat(result.tcpConnections()).isEmpty();
        assertThat(result.connections()).singleElement().satisfies(c -> {
            assertThat(c.handshake()).isFalse();
            assertThat(c.version()).isNull();
            assertThat(c.clientKey()).isNull();
            assertThat(c.serverKey()).isNull();
            assertThat(c.serverToken()).isEqualTo(0xb0bca828L);
            assertThat(c.subflows()).singleElement().satisfies(s -> assertThat(s.join()).isTrue());
        });
    }

    @Test
    void joinsWithDifferentTokensAreDifferentIncompleteConnections() {
        AnalysisResult result = Analysis.of(Traces.publicTrace("dpi-mptcp-longer.pcapng"));
        assertThat(result.tcpConnections()).isEmpty();
        assertThat(result.connections()).hasSize(3).allSatisfy(c -> {
            assertThat(c.handshake()).isFalse();
            assertThat(c.serverToken()).isNotNull();
            assertThat(c.subflows()).singleElement().satisfies(s -> assertThat(s.join()).isTrue());
        });
        assertThat(result.connections().stream().map(MptcpConnection::serverToken).distinct()).hasSize(3);
    }

    @Test
    void joinsSharingAnUnknownTokenAreGroupedIntoOneConnection() {
        // dpi-mptcp-flood.pcap: many MP_JOIN SYNs, all to the same token, none with a handshake.
        AnalysisResult result = Analysis.of(Traces.publicTrace("dpi-mptcp-flood.pcap"));
        assertThat(result.connections()).singleElement().satisfies(c -> {
            assertThat(c.handshake()).isFalse();
            assertThat(c.serverToken()).isEqualTo(0xd6ef0a17L);
            assertThat(c.subflows()).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s.join()).isTrue());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dpi-mptcp-mp_rejected.pcap", "dpi-mptcp-mp_rejected2.pcap"})
    void mpCapableRefusedAtTheHandshakeIsTcpWithTheReason(String trace) {
        AnalysisResult result = Analysis.of(Traces.publicTrace(trace));
        assertThat(result.connections()).isEmpty();
        assertThat(result.tcpConnections()).singleElement().satisfies(t ->
                assertThat(t.mptcpRefused()).contains("SYN/ACK without MP_CAPABLE"));
    }

    @Test
    void plainTcpHasNoRefusalReason() {
        AnalysisResult result = Analysis.of(Traces.publicTrace("dpi-mptcp-mp_capable.pcapng"));
        assertThat(result.tcpConnections()).isNotEmpty().allSatisfy(t -> assertThat(t.mptcpRefused()).isNull());
    }

    @Test
    void aChangedKeyIsAWarningAndTheFirstKeyIsKept() {
        AnalysisResult result = Analysis.of(Traces.publicTrace("dpi-mptcp-mp_key_change.pcap"));
        MptcpConnection c = result.connections().get(0);
        assertThat(Long.toHexString(c.clientKey())).isEqualTo("63e5b1000a37a318");
        assertThat(c.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.KEY_CHANGE));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("key changed"));
    }

    @Test
    void subflowFiguresOfAnIperfRun() {
        MptcpConnection c = Analysis.of(Traces.publicTrace("mptcpanalyzer_iperf-mptcp-0-0.pcap")).connections().get(0);
        assertThat(c.version()).isZero();
        assertThat(c.checksum()).isTrue();
        Subflow initial = c.subflows().get(0);
        assertThat(initial.join()).isFalse();
        assertThat(initial.end()).isEqualTo(EndReason.FIN);
        assertThat(initial.handshakeRttNanos()).isPositive();
        // 2554: tshark -r mptcpanalyzer_iperf-mptcp-0-0.pcap -Y tcp | wc -l (every TCP packet of the trace
        // belongs to this connection's subflows; the other 6 frames are not TCP).
        assertThat(c.subflows().stream().mapToLong(Subflow::packets).sum()).isEqualTo(2554);
        assertThat(c.subflows().stream().filter(Subflow::join))
                .allSatisfy(s -> assertThat(s.clientAddressId()).isNotNull());
    }

    @Test
    void everyTcpPacketBelongsToExactlyOneFlowAndItsConnection() throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(Traces.publicTrace("dpi-mptcp-mp_capable.pcapng"))) {
            PacketPass.run(source, analyzer);
        }
        AnalysisResult result = analyzer.result();
        PacketColumns columns = analyzer.columns();
        assertThat(columns.size()).isEqualTo(63);
        long tcpPackets = 0;
        for (int i = 0; i < columns.size(); i++) {
            tcpPackets += columns.flowOfPacket(i) >= 0 ? 1 : 0;
        }
        long inFlows = result.connections().stream().flatMap(c -> c.subflows().stream()).mapToLong(Subflow::packets).sum()
                + result.tcpConnections().stream().mapToLong(TcpConnection::packets).sum();
        assertThat(inFlows).isEqualTo(tcpPackets);
        for (MptcpConnection c : result.connections()) {
            for (Subflow s : c.subflows()) {
                long inColumns = 0;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.flowOfPacket(i) == s.flow()) {
                        assertThat(columns.connectionOfPacket(i)).isEqualTo(c.index());
                        inColumns++;
                    }
                }
                assertThat(inColumns).isEqualTo(s.packets());
            }
        }
        for (TcpConnection t : result.tcpConnections()) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.flowOfPacket(i) == t.flow()) {
                    assertThat(columns.connectionOfPacket(i)).isEqualTo(-1);
                }
            }
        }
    }
}
