package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.model.AnalysisWarning;
import org.braid.model.MptcpConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The big-trace benchmark's synthetic trace must be what it claims: a clean two-subflow MPTCP transfer. */
class SyntheticTraceTest {
    @Test
    void isOneCleanTwoSubflowTransferOfTheSizeAsked(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("synthetic.pcap");
        SyntheticTrace.Written written = SyntheticTrace.write(file, SyntheticTrace.Options.packets(6000));
        long bytes = written.bytes();
        assertThat(Files.size(file)).isEqualTo(bytes);
        assertThat(written.payloadSha256()).isEmpty();

        AnalysisResult result = MptcpAnalyzer.analyze(file);
        assertThat(result.packets()).isEqualTo(written.packets()).isBetween(5998L, 6002L);
        assertThat(result.tcpConnections()).isEmpty();
        assertThat(result.connections()).hasSize(1);
        MptcpConnection connection = result.connections().get(0);
        assertThat(connection.version()).isEqualTo(1);
        assertThat(connection.hmacVerified()).isEqualTo(2);
        assertThat(connection.hmacFailed()).isZero();
        assertThat(connection.subflows()).hasSize(2);
        assertThat(connection.subflows()).allSatisfy(subflow -> {
            assertThat(subflow.retransmissions()).isZero();
            assertThat(subflow.packets()).isGreaterThan(2900);
        });
        assertThat(connection.data().reinjectedPackets()).isZero();
        // Only the snap length is worth a warning: every mapping and acknowledgement is consistent.
        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsOnly(AnalysisWarning.Kind.SNAPLEN);
        // About 200 bytes a packet, as a 10M-packet, 2 GB trace has.
        assertThat(bytes / 6000).isBetween(190L, 215L);
    }

    /** Mappings longer than a segment, fully captured: every mapping whole, no warning, the data as long as said. */
    @Test
    void mappingsSpanningSegmentsAreConsistentToo(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("mappings.pcap");
        SyntheticTrace.Options options = SyntheticTrace.Options.bytes(1 << 20).snaplen(65_535).mappingBytes(16_384)
                .mappingsPerBurst(1).segmentsPerAck(4).randomPayload(42);
        SyntheticTrace.Written written = SyntheticTrace.write(file, options);
        assertThat(Files.size(file)).isEqualTo(written.bytes()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(written.payloadSha256()).get().asString().hasSize(64);

        AnalysisResult result = MptcpAnalyzer.analyze(file);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.connections()).hasSize(1);
        MptcpConnection connection = result.connections().get(0);
        assertThat(connection.hmacVerified()).isEqualTo(2);
        assertThat(connection.subflows()).hasSize(2).allSatisfy(subflow -> assertThat(subflow.retransmissions()).isZero());
        long data = connection.data().client().uniqueBytes();
        assertThat(data % 16_384).isZero();
        assertThat(connection.mappings().size()).isEqualTo(data / 16_384 + 1); // and the DATA_FIN's
        assertThat(connection.data().client().acknowledgedBytes()).isEqualTo(data);
        // The same seed gives the same data.
        assertThat(SyntheticTrace.write(folder.resolve("again.pcap"), options).payloadSha256())
                .isEqualTo(written.payloadSha256());
    }
}
