package org.braid.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The details' analysis section and the connections panel's lines, on real traces. */
class AnalysisDetailsTest {
    /** The analysis section of every packet of {@code trace}, made during the pass. */
    private static List<AnalysisDetails> details(Path trace, TraceAnalysis[] analysis) throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, analyzer);
        }
        analysis[0] = new TraceAnalysis(analyzer.result(), analyzer.columns());
        List<AnalysisDetails> sections = new ArrayList<>();
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, (frame, packet) -> sections.add(
                    AnalysisDetails.of(analysis[0], (int) frame.packetNumber() - 1, packet)));
        }
        return sections;
    }

    private static List<String> lines(AnalysisDetails details) {
        return details.section().children().stream().map(DetailNode::text).toList();
    }

    @Test
    void reinjectionsAndMappingsAreLinksToTheirPackets() throws IOException {
        TraceAnalysis[] analysis = new TraceAnalysis[1];
        List<AnalysisDetails> sections = details(Traces.sampleTrace("dead-path.pcap"), analysis);
        PacketColumns columns = analysis[0].columns();
        int linked = 0;
        for (int i = 0; i < sections.size(); i++) {
            AnalysisDetails details = sections.get(i);
            if (columns.reinjectionOf(i) != PacketColumns.NO_PACKET) {
                int original = columns.reinjectionOf(i);
                DetailNode link = details.section().children().stream()
                        .filter(n -> n.text().startsWith("Reinjection of packet " + (original + 1) + " ")).findFirst()
                        .orElseThrow();
                assertThat(details.links()).containsEntry(link, original);
                linked++;
            }
            int mapping = columns.mappingPacket(i);
            if (mapping != PacketColumns.NO_PACKET && mapping != i) {
                assertThat(details.links().values()).anyMatch(target -> target == mapping);
            }
            if (columns.relativeDsn(i) != PacketColumns.NO_DSN) {
                assertThat(lines(details)).contains("Relative DSN: " + columns.relativeDsn(i));
            }
        }
        assertThat(linked).isPositive();
        assertThat(lines(sections.get(0))).first().asString().startsWith("Connection: 0 (");
    }

    @Test
    void checksumVerdictsAreShownWhereTheAnalysisGaveThem() throws IOException {
        TraceAnalysis[] analysis = new TraceAnalysis[1];
        List<AnalysisDetails> sections = details(Traces.sampleTrace("checksum-fail-two-subflows.pcap"), analysis);
        PacketColumns columns = analysis[0].columns();
        long failed = 0;
        long verified = 0;
        long incorrect = 0;
        long correct = 0;
        for (int i = 0; i < sections.size(); i++) {
            List<String> lines = sections.get(i) == null ? List.of() : lines(sections.get(i));
            assertThat(lines.contains("DSS checksum: failed")).isEqualTo(columns.hasFlag(i, PacketColumns.CHECKSUM_FAILED));
            failed += lines.contains("DSS checksum: failed") ? 1 : 0;
            verified += lines.contains("DSS checksum: verified") ? 1 : 0;
            // The failed mapping (README: subflow sequence 32769, length 28672) carried 0x83b2; dss_checksum.py computes 0x09b3.
            incorrect += lines.contains("DSS checksum value: 0x83b2 [incorrect, should be 0x09b3]") ? 1 : 0;
            correct += lines.stream().filter(l -> l.startsWith("DSS checksum value: 0x") && l.endsWith(" [correct]")).count();
        }
        assertThat(failed).isPositive();
        assertThat(verified).isPositive();
        assertThat(incorrect).as("each segment of the failed mapping repeats it").isGreaterThan(1);
        assertThat(correct).isGreaterThan(verified);
        ChecksumRow failedRow = ChecksumRow.of(analysis[0].result().connections().get(0).mappings()).stream()
                .filter(r -> r.verdict() == org.braid.model.ChecksumVerdict.FAILED).findFirst().orElseThrow();
        assertThat(failedRow.checksum()).isEqualTo("0x83b2 [incorrect, should be 0x09b3]");
        List<ConnectionRow> groups = ConnectionRows.of(analysis[0]);
        ConnectionRow connection = groups.stream().flatMap(g -> g.children().stream()).findFirst().orElseThrow();
        assertThat(connection.checksumFailures())
                .isEqualTo(Integer.toString(analysis[0].result().connections().get(0).mappings().failures().size()));
    }

    @Test
    void theDataAckIsRelativeToTheAcknowledgedSidesIdsn() {
        assertThat(TraceAnalysis.relativeDataAck(connectionWith(1000L, 5000L), 1, 5001, false))
                .isEqualTo(1L);
        assertThat(TraceAnalysis.relativeDataAck(connectionWith(1000L, 0xffff_fff0L), 1, 0x10, false))
                .as("4-byte DATA_ACK past a 32-bit wrap").isEqualTo(0x20L);
        assertThat(TraceAnalysis.relativeDataAck(connectionWith(null, 5000L), 0, 5001, false)).isNull();
    }

    private static org.braid.model.MptcpConnection connectionWith(Long clientIdsn, Long serverIdsn) {
        return new org.braid.model.MptcpConnection(0, 1, true, null, null,
                new org.braid.model.EndpointKeys(null, null, clientIdsn),
                new org.braid.model.EndpointKeys(null, null, serverIdsn), null, true, null, 0, 0, 0, 0, List.of(),
                List.of(), null, null, null, null);
    }

    @Test
    void aRefusedMptcpAttemptSaysWhyOnEveryPacketIncludingTheMpCapableSyn() throws IOException {
        TraceAnalysis[] analysis = new TraceAnalysis[1];
        List<AnalysisDetails> sections = details(Traces.sampleTrace("fallback-tcp.pcap"), analysis);
        String reason = analysis[0].result().tcpConnections().get(0).mptcpRefused();
        assertThat(reason).startsWith("SYN/ACK without MP_CAPABLE");
        assertThat(lines(sections.get(0))).containsExactly("TCP stream: 0 (MPTCP refused)", "MPTCP refused: " + reason);
        assertThat(sections).hasSizeGreaterThan(3).allSatisfy(section -> assertThat(lines(section))
                .contains("MPTCP refused: " + reason));
    }
}
