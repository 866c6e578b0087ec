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
        long bytes = SyntheticTrace.write(file, 6000);
        assertThat(Files.size(file)).isEqualTo(bytes);

        AnalysisResult result = MptcpAnalyzer.analyze(file);
        assertThat(result.packets()).isBetween(5998L, 6002L);
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
}
