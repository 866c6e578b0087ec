package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingGroup;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each finding on the kernel trace made to show it (sample-traces/make-traces.sh), with its
 * evidence packets as sample-traces/README.md and tshark number them; and no false alarm on the
 * clean traces.
 */
class ExpertFindingsTest {
    private static AnalysisResult analyze(String name) {
        return Analysis.of(Traces.sampleTrace(name));
    }

    private static List<Finding> of(AnalysisResult result, FindingKind kind) {
        return result.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    private static Finding only(AnalysisResult result, FindingKind kind) {
        List<Finding> found = of(result, kind);
        assertThat(found).as(kind + " in " + result.findings()).hasSize(1);
        return found.get(0);
    }

    private static int subflow(AnalysisResult result, Finding f) {
        return result.connections().get(f.connection()).subflowPosition(f.flow());
    }

    @Test
    void deadPathIsAPathFailureWithItsTimeoutsAndTheBytesReinjected() {
        AnalysisResult result = analyze("dead-path.pcap");
        Finding failure = only(result, FindingKind.PATH_FAILURE);
        assertThat(failure.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(failure.group()).isEqualTo(FindingGroup.PATH);
        assertThat(subflow(result, failure)).isEqualTo(1);
        // Path 2 retransmits the same segment on its RTO at frames 1427 and 1571 (README); the
        // reinjections on path 1 start at frame 1362.
        assertThat(failure.evidence().contains(1427)).isTrue();
        assertThat(failure.evidence().contains(1571)).isTrue();
        assertThat(failure.evidence().first()).isEqualTo(1362);
        MptcpConnection c = result.connections().get(0);
        long reinjected = c.data().reinjections().stream().filter(r -> r.fromFlow() == failure.flow())
                .mapToLong(r -> r.bytes()).sum();
        assertThat(failure.summary()).startsWith("subflow 1 path failed 0.30–1.60 s: 2 retransmission timeouts")
                .contains(String.format(java.util.Locale.ROOT, "%.1f kB reinjected on subflow 0", reinjected / 1e3));
    }

    @Test
    void deadPathSubflowIsSilentWhileTheOtherCarriesTheData() {
        AnalysisResult result = analyze("dead-path.pcap");
        Finding silent = only(result, FindingKind.SILENT_SUBFLOW);
        assertThat(silent.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(subflow(result, silent)).isEqualTo(1);
        assertThat(silent.evidence().first()).isEqualTo(1384); // its last new segment before the silence
        assertThat(silent.summary()).startsWith("subflow 1 silent 0.58–1.51 s while subflow 0 sent");
    }

    @Test
    void deadPathHoldsTheDataAckWhileTheReinjectionsRepairIt() {
        AnalysisResult result = analyze("dead-path.pcap");
        Finding blocking = only(result, FindingKind.HEAD_OF_LINE_BLOCKING);
        assertThat(subflow(result, blocking)).isEqualTo(1); // the subflow that held the missing DSN
        assertThat(blocking.evidence().first()).isEqualTo(1267);
        assertThat(blocking.durationNanos()).isGreaterThan(1_000_000_000L);
        assertThat(blocking.summary()).contains("the missing data was sent on subflow 1");
    }

    @Test
    void reinjectionBurstsCoverEveryReinjectionOnce() {
        for (String trace : List.of("dead-path.pcap", "add-addr-remove-addr.pcap", "checksum-fail-two-subflows.pcap")) {
            AnalysisResult result = analyze(trace);
            List<Finding> bursts = of(result, FindingKind.REINJECTION_BURST);
            assertThat(bursts).allMatch(f -> f.severity() == FindingSeverity.NOTE);
            assertThat(bursts.stream().mapToInt(f -> f.evidence().count()).sum()).as(trace)
                    .isEqualTo(result.connections().get(0).data().reinjectedPackets());
        }
        Finding first = of(analyze("checksum-fail-two-subflows.pcap"), FindingKind.REINJECTION_BURST).get(0);
        assertThat(first.evidence().first()).isEqualTo(330);
        assertThat(first.evidence().count()).isEqualTo(75);
    }

    @Test
    void refusedJoinNamesItsSynAndReset() {
        AnalysisResult result = analyze("refused-join.pcap");
        Finding refused = only(result, FindingKind.JOIN_REFUSED);
        assertThat(refused.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(refused.evidence().packets()).containsExactly(10, 13);
        assertThat(refused.summary()).contains("reset at packet 13 before carrying any data")
                .contains("MP_TCPRST reason 3");
    }

    @Test
    void backupSubflowCarryingDataWhilePrimaryIsUp() {
        AnalysisResult result = analyze("backup-used.pcap");
        Finding backup = only(result, FindingKind.BACKUP_USED);
        assertThat(subflow(result, backup)).isEqualTo(1);
        assertThat(backup.evidence().first()).isEqualTo(14);
        assertThat(backup.evidence().count()).isEqualTo(275);
        assertThat(backup.summary()).contains("356.8 kB of new data").contains("while subflow 0 (not backup) was up");
        // The MP_PRIO trace's one segment queued before the backup flag is no misuse.
        assertThat(of(analyze("mp-prio-backup.pcap"), FindingKind.BACKUP_USED)).isEmpty();
    }

    @Test
    void addressAnnouncedAndNeverJoined() {
        Finding ignored = only(analyze("ignored-add-addr.pcap"), FindingKind.ADD_ADDR_NOT_JOINED);
        assertThat(ignored.evidence().packets()).containsExactly(4);
        assertThat(ignored.summary()).contains("198.51.100.2").contains("no subflow used it");
        assertThat(of(analyze("add-addr-remove-addr.pcap"), FindingKind.ADD_ADDR_NOT_JOINED)).isEmpty();
    }

    @Test
    void removeAddrOfASubflowThatStillCarriedData() {
        AnalysisResult result = analyze("add-addr-remove-addr.pcap");
        Finding removed = only(result, FindingKind.REMOVE_ADDR_WITH_DATA);
        assertThat(removed.evidence().first()).isEqualTo(1125);
        assertThat(removed.evidence().contains(1134)).isTrue(); // the first reinjection
        assertThat(subflow(result, removed)).isEqualTo(1);
    }

    @Test
    void checksumFailureChainWithTheResetAndTheFallback() {
        Finding two = only(analyze("checksum-fail-two-subflows.pcap"), FindingKind.CHECKSUM_FAILURE);
        assertThat(two.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(two.evidence().packets()).containsExactly(106, 194, 195);
        assertThat(two.summary()).contains("MP_FAIL at packet 195").contains("subflow reset at packet 195")
                .contains("middlebox interference");
        AnalysisResult one = analyze("checksum-fail-one-subflow.pcap");
        assertThat(only(one, FindingKind.CHECKSUM_FAILURE).evidence().packets()).containsExactly(28, 65, 66);
        assertThat(only(one, FindingKind.FALLBACK).evidence().packets()).containsExactly(66);
        Finding stalled = only(one, FindingKind.STALLED_CONNECTION);
        assertThat(stalled.evidence().packets()).containsExactly(66, 135);
        assertThat(stalled.summary()).startsWith("no data after MP_FAIL (packet 66) for 6.6");
    }

    @Test
    void mptcpRefusedAtTheHandshakeWithItsReason() {
        Finding refused = only(analyze("fallback-tcp.pcap"), FindingKind.MPTCP_REFUSED);
        assertThat(refused.connection()).isNull();
        assertThat(refused.evidence().packets()).containsExactly(1, 2);
        assertThat(refused.summary()).endsWith("SYN/ACK without MP_CAPABLE: the server refused MPTCP");
    }

    @Test
    void zeroWindowWithItsAdvertisementsAndNoHeadOfLineBlame() {
        AnalysisResult result = analyze("zero-window.pcap");
        Finding zero = only(result, FindingKind.ZERO_WINDOW);
        assertThat(zero.evidence().packets()).containsExactly(149, 151, 152);
        assertThat(of(result, FindingKind.HEAD_OF_LINE_BLOCKING)).isEmpty();
    }

    @Test
    void aSenderHeldAtTheSharedWindowEdge() {
        // The server stops reading: the client's data reaches the edge 117,761 (DATA_ACK 113,665 +
        // 4 << 10) with segment 145 on subflow 1, advertised in 147, and waits there until the window
        // reopens in 152 (tshark: frames 145, 147 and 152).
        AnalysisResult result = analyze("zero-window.pcap");
        Finding limited = only(result, FindingKind.WINDOW_LIMITED);
        assertThat(limited.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(limited.group()).isEqualTo(FindingGroup.WINDOW);
        assertThat(limited.evidence().packets()).containsExactly(145, 147, 152);
        assertThat(limited.durationNanos()).isGreaterThan(390_000_000L);
        assertThat(limited.summary()).startsWith("the client was held at the shared receive window's right edge for 0.40 s")
                .contains("edge 117761 (DATA_ACK 113665 + window 4096 bytes)").contains("sending on subflow 1");
    }

    @Test
    void subflowsThatDisagreeOnTheWindowEdge(@TempDir Path dir) {
        byte[] pcap = PcapEdits.read(Traces.sampleTrace("two-subflows.pcap"));
        // The server's packet 321 on subflow 0 advertises 196 << 10 at DATA_ACK 183,553 (edge 384,257);
        // 0.18 ms later packet 323 on subflow 1 advertises 194 << 10 at 184,977. Rewritten to 100 << 10
        // (the window field, 54 bytes into the SLL2 frame), its edge 287,377 lies 96,880 bytes below.
        AnalysisResult edited = PcapEdits.analyze(PcapEdits.withBytes(pcap, 323, 54, new byte[] {0, 100}), dir,
                "disagree.pcap");
        Finding disagree = only(edited, FindingKind.WINDOW_DISAGREEMENT);
        assertThat(disagree.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(disagree.evidence().packets()).containsExactly(321, 323);
        assertThat(subflow(edited, disagree)).isEqualTo(1);
        assertThat(disagree.summary()).contains("subflow 1 edge 287377, 96.9 kB below subflow 0's 384257");
        assertThat(of(analyze("two-subflows.pcap"), FindingKind.WINDOW_DISAGREEMENT)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kernelTraces")
    void noWindowLimitOrDisagreementWhereTheWindowNeverHeldTheSender(String trace) {
        AnalysisResult result = analyze(trace);
        assertThat(of(result, FindingKind.WINDOW_DISAGREEMENT)).isEmpty();
        if (!trace.equals("zero-window.pcap")) {
            assertThat(of(result, FindingKind.WINDOW_LIMITED)).isEmpty();
        }
    }

    static Stream<String> kernelTraces() {
        return Stream.concat(cleanTraces(), Stream.of("dead-path.pcap", "loss-reinjections.pcap", "download.pcap",
                "mp-prio-backup.pcap", "three-paths-loss.pcap", "add-addr-remove-addr.pcap", "backup-used.pcap",
                "checksum-fail-one-subflow.pcap", "checksum-fail-two-subflows.pcap", "zero-window.pcap"));
    }

    @Test
    void snaplenCut() {
        Finding cut = only(analyze("headers-only-s96.pcap"), FindingKind.SNAPLEN_CUT);
        assertThat(cut.severity()).isEqualTo(FindingSeverity.NOTE);
        assertThat(cut.evidence().first()).isEqualTo(4);
    }

    @Test
    void captureLossAndMissingHandshakeAndUnknownToken(@TempDir Path dir) {
        byte[] pcap = PcapEdits.read(Traces.sampleTrace("two-subflows.pcap"));
        // Packet 102 is data on subflow 0 that packet 103 acknowledges before anything later is sent.
        AnalysisResult lost = PcapEdits.analyze(PcapEdits.without(pcap, 102), dir, "lost.pcap");
        Finding loss = only(lost, FindingKind.CAPTURE_LOSS);
        assertThat(loss.evidence().packets()).containsExactly(102); // the ACK, renumbered from 103

        byte[] late = pcap;
        for (int n = 0; n < 9; n++) {
            late = PcapEdits.without(late, 1); // the capture starts at the join's SYN
        }
        AnalysisResult cut = PcapEdits.analyze(late, dir, "late.pcap");
        assertThat(of(cut, FindingKind.MISSING_HANDSHAKE)).hasSize(1);
        assertThat(only(cut, FindingKind.UNKNOWN_TOKEN).evidence().packets()).containsExactly(1);
    }

    static Stream<String> cleanTraces() {
        return Stream.of("two-subflows.pcap", "two-subflows.pcapng", "two-subflows-nsec.pcap", "ipv6-two-subflows.pcap",
                "three-subflows.pcap", "many-connections.pcap", "dss-checksum.pcap", "fastclose.pcap",
                "ethernet-c1.pcap");
    }

    @ParameterizedTest
    @MethodSource("cleanTraces")
    void cleanTracesHaveNoFindingAboveNote(String trace) {
        assertThat(analyze(trace).findings()).allMatch(f -> !f.severity().atLeast(FindingSeverity.WARNING));
    }

    @Test
    void theCleanTwoSubflowTransferHasNoFindingAtAll() {
        assertThat(analyze("two-subflows.pcap").findings()).isEmpty();
    }

    @Test
    void findingsAreMostSevereFirstThenByTime() {
        List<Finding> findings = analyze("dead-path.pcap").findings();
        for (int i = 1; i < findings.size(); i++) {
            Finding a = findings.get(i - 1);
            Finding b = findings.get(i);
            assertThat(a.severity().compareTo(b.severity()) < 0
                    || a.severity() == b.severity() && a.startNanos() <= b.startNanos()).isTrue();
        }
    }
}
