package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-packet relative DSN against Wireshark's mptcp.dsn (with mapping analysis on). During
 * development every data packet of the public traces was compared and agreed; these are anchors
 * from that comparison: first data bytes (IDSN + 1), a v1 trace with 4-byte DATA_ACK and 8-byte
 * DSN (ptcpdump), join subflows, and segments whose mapping was sent hundreds of packets earlier
 * (client_2 frames 222 and 1371, mapped by frames 125 and 1031).
 */
class DsnColumnTest {
    @ParameterizedTest(name = "{0} packet {1}")
    @CsvSource({
            "tcpdump-mptcp-v1.pcap, 4, 1",
            "tcpdump-mptcp-v1.pcap, 6, 7101",
            "tcpdump-mptcp-v1.pcap, 7, 1",
            "ptcpdump-mptcp.pcap, 4, 1",
            "ptcpdump-mptcp.pcap, 6, 6",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 9, 1",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 1540, 1422129",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap, 2537, 2358197",
            "mptcpanalyzer_client_2.pcap, 222, 105710",
            "mptcpanalyzer_client_2.pcap, 1371, 1142550",
    })
    void relativeDsnAgreesWithWireshark(String trace, int packet, long dsn) throws IOException {
        assertThat(columns(Traces.publicTrace(trace)).relativeDsn(packet - 1)).isEqualTo(dsn);
    }

    /**
     * Where Wireshark is wrong: zero-window frames 66 and 70 carry DSS flags 0x0d (8-byte DSN,
     * 4-byte DATA_ACK), mapping DSN bytes 3c 30 61 a8 0f 39 67 8a = 4337073815595607946 at subflow
     * sequence 18609, length 13040, on the first subflow (IDSN 4337073815595540185 from the client key).
     * The frames start at relative subflow sequence 20033 and 21457 (1424 and 2848 bytes into the
     * mapping), so their relative DSNs are 67761 + 1424 = 69185 and 70609. tshark 4.0 shows 15761
     * for both: it misreads the 64-bit DSN when only the DATA_ACK is 4 bytes (52,000 too low).
     */
    @ParameterizedTest(name = "zero-window.pcap packet {0}")
    @CsvSource({"66, 69185", "70, 70609"})
    void eightByteDsnWithFourByteDataAckReadFromTheBytes(int packet, long dsn) throws IOException {
        Path trace = Traces.sampleTrace("zero-window.pcap");
        var connection = Analysis.of(trace).connections().get(0);
        assertThat(Long.toUnsignedString(connection.clientIdsn())).isEqualTo("4337073815595540185");
        assertThat(4337073815595607946L - connection.clientIdsn()).isEqualTo(67761);
        assertThat(columns(trace).relativeDsn(packet - 1)).isEqualTo(dsn);
    }

    @ParameterizedTest(name = "{0} packet {1}")
    @CsvSource({"tcpdump-mptcp-v1.pcap, 1", "tcpdump-mptcp-v1.pcap, 5"})
    void packetsWithoutPayloadHaveNoDsn(String trace, int packet) throws IOException {
        assertThat(columns(Traces.publicTrace(trace)).relativeDsn(packet - 1)).isEqualTo(PacketColumns.NO_DSN);
    }

    private static PacketColumns columns(Path trace) throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, analyzer);
        }
        return analyzer.columns();
    }
}
