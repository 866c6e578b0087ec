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
