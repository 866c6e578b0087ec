package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.ChecksumFailure;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.UnverifiedReason;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSS checksum verdicts on real traces, against the counts of the independent checker
 * (sample-traces/dss_checksum.py, recorded in expected-tshark.json), and on copies of them damaged
 * the ways captures get damaged: a smaller snaplen, a lost packet, a changed byte.
 */
class ChecksumVerificationTest {
    @TempDir
    Path dir;

    @Test
    void everyMappingOfTheCleanTraceVerifies() {
        JsonNode expected = expectedChecksums("dss-checksum.pcap");
        DssMappings mappings = only(Analysis.of(Traces.sampleTrace("dss-checksum.pcap"))).mappings();
        assertThat(expected.get("verified").asInt()).isEqualTo(76);
        assertThat(mappings.verified()).isEqualTo(expected.get("verified").asInt());
        assertThat(mappings.failed()).isZero();
        assertThat(mappings.unverifiable()).isZero();
        assertThat(mappings.size()).isEqualTo(expected.get("mappings").asInt());
        for (int i = 0; i < mappings.size(); i++) {
            assertThat(mappings.checksum(i)).as("mapping %d", i).isNotEqualTo(DssMappings.NO_CHECKSUM)
                    .isEqualTo(mappings.expectedChecksum(i));
            assertThat(mappings.unverifiedReason(i)).isNull();
        }
    }

    @Test
    void exactlyTheCorruptedMappingFailsWithTwoSubflows() {
        JsonNode expected = expectedChecksums("checksum-fail-two-subflows.pcap");
        MptcpAnalyzer analyzer = run(Traces.sampleTrace("checksum-fail-two-subflows.pcap"));
        MptcpConnection c = only(analyzer.result());
        assertThat(c.mappings().verified()).isEqualTo(expected.get("verified").asInt()).isEqualTo(43);
        assertThat(c.mappings().failed()).isEqualTo(expected.get("failed").asInt()).isEqualTo(1);
        assertThat(c.mappings().unverifiable()).isZero();
        ChecksumFailure failure = c.mappings().failures().get(0);
        // README: the path-2 subflow, subflow sequence 32769, length 28672; frame 195 carries the
        // receiver's MP_FAIL and MP_TCPRST reason 6 with RST.
        assertThat(failure.flow()).isEqualTo(c.subflows().get(1).flow());
        assertThat(failure.subflowSeq()).isEqualTo(32769);
        assertThat(failure.length()).isEqualTo(28672);
        // dss_checksum.py, given a zero checksum, computes 0x09b3 over tshark's bytes of the mapping.
        assertThat(failure.checksum()).isEqualTo(0x83b2);
        assertThat(failure.expectedChecksum()).isEqualTo(0x09b3);
        assertThat(failure.mpFailPacket()).isEqualTo(195);
        assertThat(failure.resetPacket()).isEqualTo(195);
        assertThat(failure.resetReason()).isEqualTo(6);
        assertThat(failure.fallbackPacket()).isNull();
        assertThat(failure.failedPacket()).isLessThan(195);
        assertThat(analyzer.columns().hasFlag((int) failure.failedPacket() - 1, PacketColumns.CHECKSUM_FAILED)).isTrue();
        assertThat(c.lifecycle().fallback()).isNull();
        assertThat(c.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.CHECKSUM_FAILED);
            assertThat(e.packet()).isEqualTo(failure.failedPacket());
        });
    }

    @Test
    void exactlyTheCorruptedMappingFailsWithOneSubflowThenAFallbackIsRequested() {
        JsonNode expected = expectedChecksums("checksum-fail-one-subflow.pcap");
        MptcpConnection c = only(Analysis.of(Traces.sampleTrace("checksum-fail-one-subflow.pcap")));
        assertThat(c.mappings().verified()).isEqualTo(expected.get("verified").asInt()).isEqualTo(4);
        assertThat(c.mappings().failed()).isEqualTo(expected.get("failed").asInt()).isEqualTo(1);
        ChecksumFailure failure = c.mappings().failures().get(0);
        assertThat(failure.subflowSeq()).isEqualTo(16385);
        assertThat(failure.length()).isEqualTo(32752);
        assertThat(failure.checksum()).isEqualTo(0x7874);
        assertThat(failure.expectedChecksum()).isEqualTo(0x9e74);
        // Frame 66: the receiver's MP_FAIL carries the failed mapping's DSN; no reset follows.
        assertThat(failure.mpFailPacket()).isEqualTo(66);
        assertThat(failure.resetPacket()).isNull();
        // The MP_FAIL asks for the fallback; the sender keeps its mappings and stalls, so none is done.
        assertThat(c.lifecycle().fallbackRequested().packet()).isEqualTo(66);
        assertThat(c.lifecycle().fallback()).isNull();
        assertThat(failure.fallbackPacket()).isNull();
    }

    @Test
    void headersOnlyTraceWithoutChecksumsHasNoVerdicts() {
        MptcpConnection c = only(Analysis.of(Traces.sampleTrace("headers-only-s96.pcap")));
        assertThat(c.checksum()).isFalse();
        assertThat(c.mappings().size()).isPositive();
        assertThat(c.mappings().verified() + c.mappings().failed() + c.mappings().unverifiable()).isZero();
        assertThat(c.mappings().verdict(0)).isEqualTo(ChecksumVerdict.NONE);
    }

    /**
     * dss_checksum.py on the same cut (editcap -s 96) finds 74 mappings: 2 verified, 72 incomplete.
     * Two mappings are gone because the cut took their options' length fields; the 2 that verify
     * are DATA_FINs alone, which map no byte.
     */
    @Test
    void headersOnlyCutOfTheChecksumTraceIsAllUnverifiableNeverFailed() {
        byte[] cut = PcapEdits.withSnaplen(PcapEdits.read(Traces.sampleTrace("dss-checksum.pcap")), 96);
        DssMappings mappings = only(PcapEdits.analyze(cut, dir, "cut.pcap")).mappings();
        assertThat(mappings.failed()).isZero();
        assertThat(mappings.size()).isEqualTo(74);
        assertThat(mappings.verified()).isEqualTo(dataFinOnly(mappings)).isEqualTo(2);
        assertThat(mappings.unverifiable()).isEqualTo(72);
        assertThat(reasons(mappings)).containsOnlyKeys(UnverifiedReason.BYTES_CUT);
    }

    /** With 400 bytes kept, only the DATA_FINs (4) and the one mapping shorter than the cut verify, as with the checker. */
    @Test
    void aSnaplenInsideThePayloadIsUnverifiableToo() {
        byte[] cut = PcapEdits.withSnaplen(PcapEdits.read(Traces.sampleTrace("dss-checksum.pcap")), 400);
        DssMappings mappings = only(PcapEdits.analyze(cut, dir, "cut400.pcap")).mappings();
        assertThat(mappings.failed()).isZero();
        assertThat(dataFinOnly(mappings)).isEqualTo(4);
        assertThat(mappings.verified()).isEqualTo(5);
        assertThat(mappings.unverifiable()).isEqualTo(71);
    }

    @Test
    void aPacketLostByTheCaptureMakesItsMappingUnverifiableOnly() {
        byte[] pcap = PcapEdits.read(Traces.sampleTrace("dss-checksum.pcap"));
        long completing = bigCompletingPacket(pcap);
        DssMappings mappings = only(PcapEdits.analyze(PcapEdits.without(pcap, completing), dir, "lost.pcap")).mappings();
        assertThat(mappings.unverifiable()).isEqualTo(1);
        assertThat(reasons(mappings)).containsExactly(Map.entry(UnverifiedReason.BYTES_MISSING, 1));
        assertThat(mappings.failed()).isZero();
        assertThat(mappings.verified()).isEqualTo(75);
    }

    @Test
    void aByteChangedOnTheWayFailsItsMappingOnly() {
        byte[] pcap = PcapEdits.read(Traces.sampleTrace("dss-checksum.pcap"));
        long completing = bigCompletingPacket(pcap);
        MptcpConnection c = only(PcapEdits.analyze(PcapEdits.withLastByteChanged(pcap, completing), dir, "bad.pcap"));
        assertThat(c.mappings().failed()).isEqualTo(1);
        assertThat(c.mappings().verified()).isEqualTo(75);
        assertThat(c.mappings().failures().get(0).failedPacket()).isEqualTo(completing);
        // No MP_FAIL in this trace: the change was made after the capture.
        assertThat(c.mappings().failures().get(0).mpFailPacket()).isNull();
    }

    @Test
    void eachVerdictFlagsThePacketThatCompletedItsMapping() {
        MptcpAnalyzer analyzer = run(Traces.sampleTrace("dss-checksum.pcap"));
        PacketColumns columns = analyzer.columns();
        int flagged = 0;
        for (int i = 0; i < columns.size(); i++) {
            flagged += columns.hasFlag(i, PacketColumns.CHECKSUM_VERIFIED) ? 1 : 0;
            assertThat(columns.hasFlag(i, PacketColumns.CHECKSUM_FAILED | PacketColumns.CHECKSUM_UNVERIFIABLE)).isFalse();
        }
        // Two mappings can complete on one packet, never more here.
        assertThat(flagged).isBetween(38, 76);
    }

    /**
     * The public file says these mappings are incomplete: its checker skips 32-bit DSNs. Expanded
     * against the key's IDSN (v0: SHA-1), every one verifies, which also checks the expansion.
     */
    @Test
    void thirtyTwoBitDsnsOfPublicV0TracesVerifyOnceExpanded() {
        assertThat(expectedPublic("tcpdump-mptcp-fclose.pcap").get("incomplete").asInt()).isEqualTo(2);
        DssMappings fclose = only(Analysis.of(Traces.publicTrace("tcpdump-mptcp-fclose.pcap"))).mappings();
        assertThat(fclose.verified()).isEqualTo(2);
        DssMappings v0 = only(Analysis.of(Traces.publicTrace("tcpdump-mptcp-v0.pcap"))).mappings();
        assertThat(v0.verified()).isEqualTo(153);
        assertThat(v0.failed() + v0.unverifiable()).isZero();
    }

    /** The public file says 0 mappings (its checker skipped this PPP trace); it holds 1659, all good. */
    @Test
    void iperfTraceOverPppVerifiesEveryMapping() {
        DssMappings iperf = only(Analysis.of(Traces.publicTrace("mptcpanalyzer_iperf-mptcp-0-0.pcap"))).mappings();
        assertThat(iperf.verified()).isEqualTo(1659);
        assertThat(iperf.failed() + iperf.unverifiable()).isZero();
    }

    private static int dataFinOnly(DssMappings mappings) {
        int count = 0;
        for (int i = 0; i < mappings.size(); i++) {
            count += mappings.subflowSeq(i) == 0 && mappings.length(i) == 1 ? 1 : 0;
        }
        return count;
    }

    /** A full-sized data packet that completed a mapping in the clean trace (the first copy of its bytes). */
    private static long bigCompletingPacket(byte[] pcap) {
        PacketColumns columns = run(Traces.sampleTrace("dss-checksum.pcap")).columns();
        for (int i = columns.size() / 2; i < columns.size(); i++) {
            if (columns.hasFlag(i, PacketColumns.CHECKSUM_VERIFIED) && PcapEdits.capturedLength(pcap, i + 1L) > 1000) {
                return i + 1L;
            }
        }
        throw new AssertionError("no completing data packet");
    }

    private static MptcpAnalyzer run(Path trace) {
        try (PacketSource source = TraceReader.open(trace)) {
            MptcpAnalyzer analyzer = new MptcpAnalyzer();
            PacketPass.run(source, analyzer);
            analyzer.finish();
            return analyzer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MptcpConnection only(AnalysisResult result) {
        assertThat(result.connections()).hasSize(1);
        return result.connections().get(0);
    }

    private static JsonNode expectedChecksums(String trace) {
        return Traces.expected(Traces.sampleDir()).stream().filter(e -> e.toString().equals(trace)).findFirst()
                .orElseThrow().json().get("dss_checksum");
    }

    private static JsonNode expectedPublic(String trace) {
        return Traces.expected(Traces.publicDir()).stream().filter(e -> e.toString().equals(trace)).findFirst()
                .orElseThrow().json().get("dss_checksum");
    }

    /** The unverifiable mappings counted by reason; none without one. */
    private static Map<UnverifiedReason, Integer> reasons(DssMappings mappings) {
        Map<UnverifiedReason, Integer> counts = new EnumMap<>(UnverifiedReason.class);
        for (int i = 0; i < mappings.size(); i++) {
            boolean unverifiable = mappings.verdict(i) == ChecksumVerdict.UNVERIFIABLE;
            assertThat(mappings.unverifiedReason(i) != null).as("mapping %d has a reason", i).isEqualTo(unverifiable);
            assertThat(mappings.expectedChecksum(i) == DssMappings.NO_CHECKSUM).isEqualTo(unverifiable);
            if (unverifiable) {
                counts.merge(mappings.unverifiedReason(i), 1, Integer::sum);
            }
        }
        return counts;
    }
}
