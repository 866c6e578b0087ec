package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.RoleBasis;
import org.braid.model.Subflow;
import org.braid.model.SubflowData;
import org.braid.model.WindowStats;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Captures as people take them: started late, or dropping packets. The oracle is Braid on the full
 * capture; on a cut of it, Braid may know less, never something else:
 * <ul>
 *   <li>every DSN it gives equals the full capture's for the same packet;
 *   <li>subflows group into connections the same way, and client and server are the same;
 *   <li>its reinjections and resends are among the full capture's;
 *   <li>a checksum it calls failed is failed in the full capture too;
 *   <li>no window figure rests on a guessed 64-bit base;
 *   <li>every payload byte of a subflow is in exactly one category.
 * </ul>
 */
class PartialCaptureTest {
    private static final List<String> SAMPLES = List.of("two-subflows.pcap", "three-subflows.pcap",
            "loss-reinjections.pcap", "dead-path.pcap", "dss-checksum.pcap", "checksum-fail-two-subflows.pcap",
            "checksum-fail-one-subflow.pcap", "ipv6-two-subflows.pcap", "add-addr-remove-addr.pcap",
            "mp-prio-backup.pcap", "zero-window.pcap", "fastclose.pcap", "fallback-tcp.pcap",
            "many-connections.pcap", "ethernet-c1.pcap", "headers-only-s96.pcap", "download.pcap",
            "download-capture-loss.pcap", "three-paths-loss.pcap", "tso-checksum.pcap", "ipv4-ipv6-join.pcap",
            "follow-dead-path.pcap", "follow-remove-addr.pcap", "follow-loss-reinjections.pcap");
    private static final List<String> PUBLIC = List.of("mptcpanalyzer_client_2.pcap", "mptcpanalyzer_server_2.pcap",
            "mptcpanalyzer_iperf-mptcp-0-0.pcap", "tcpdump-mptcp-v1.pcap", "tcpdump-mptcp-v0.pcap",
            "ptcpdump-mptcp.pcap");

    @TempDir
    Path dir;

    static Stream<Path> traces() {
        return Stream.concat(SAMPLES.stream().map(Traces::sampleTrace),
                PUBLIC.stream().map(name -> Traces.publicDir().resolve(name)));
    }

    /** Each trace cut after its first 2, 3 and 4 packets (handshake, third ACK, first data) and at 10, 35 and 70 %. */
    static Stream<Arguments> cuts() {
        return traces().flatMap(trace -> {
            long packets = PcapEdits.count(PcapEdits.read(trace));
            return Stream.of(3L, 4L, 5L, packets / 10, packets * 35 / 100, packets * 7 / 10)
                    .filter(first -> first > 1 && first < packets).distinct()
                    .map(first -> Arguments.of(trace.getFileName().toString(), trace, first));
        });
    }

    @ParameterizedTest(name = "{0} from packet {2}")
    @MethodSource("cuts")
    void aCaptureStartedLateKnowsLessNeverOtherwise(String name, Path trace, long first) {
        byte[] pcap = PcapEdits.read(trace);
        Pass full = Pass.of(write(pcap, "full.pcap"));
        long[] original = new long[(int) (PcapEdits.count(pcap) - first + 1)];
        for (int i = 0; i < original.length; i++) {
            original[i] = first + i;
        }
        Pass cut = Pass.of(write(PcapEdits.from(pcap, first), "cut.pcap"));
        assertKnowsLessNeverOtherwise(name + " from " + first, full, cut, original);
    }

    /** Every 97th packet dropped from the 20th on, as a capture under load drops them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void aCaptureThatDropsPacketsKnowsLessNeverOtherwise(Path trace) {
        byte[] pcap = PcapEdits.read(trace);
        Pass full = Pass.of(write(pcap, "full.pcap"));
        byte[] lossy = PcapEdits.withoutEvery(pcap, 20, 97);
        long total = PcapEdits.count(pcap);
        List<Long> kept = new ArrayList<>();
        for (long n = 1; n <= total; n++) {
            if (n < 20 || (n - 20) % 97 != 0) {
                kept.add(n);
            }
        }
        Pass cut = Pass.of(write(lossy, "lossy.pcap"));
        assertKnowsLessNeverOtherwise(trace.getFileName() + " lossy", full, cut, kept.stream().mapToLong(Long::longValue).toArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyPayloadByteOfASubflowIsInExactlyOneCategory(Path trace) {
        assertBytesAddUp(Pass.of(trace).result);
    }

    private void assertKnowsLessNeverOtherwise(String what, Pass full, Pass cut, long[] original) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cut.columns.size(); i++) {
            int f = (int) original[i] - 1;
            long dsn = cut.columns.absoluteDsn(i);
            if (dsn != PacketColumns.NO_DSN && dsn != full.columns.absoluteDsn(f)) {
                wrong.add("packet " + (i + 1) + " (full " + (f + 1) + "): DSN " + Long.toUnsignedString(dsn)
                        + ", full capture " + Long.toUnsignedString(full.columns.absoluteDsn(f)));
            }
            for (int flag : new int[] {PacketColumns.REINJECTION, PacketColumns.RESENT,
                    PacketColumns.CHECKSUM_FAILED}) {
                // A resend in the cut may be a reinjection in the full capture: the subflow did send the
                // bytes before, but another subflow, whose copy the cut lacks, sent them first.
                int allowed = flag == PacketColumns.RESENT ? flag | PacketColumns.REINJECTION : flag;
                if (cut.columns.hasFlag(i, flag) && (full.columns.flags(f) & allowed) == 0) {
                    wrong.add("packet " + (i + 1) + " (full " + (f + 1) + "): flag " + flag
                            + " not in the full capture (flags " + full.columns.flags(f) + ")");
                }
            }
        }
        assertThat(wrong).as("%s: what the cut says that the full capture does not", what).isEmpty();
        assertGroupedTheSameWay(what, full, cut, original);
        for (MptcpConnection c : cut.result.connections()) {
            for (WindowStats w : List.of(c.window().client(), c.window().server())) {
                for (Long value : new Long[] {w.highestSent(), w.highestDataAck(), w.maxRightEdge()}) {
                    assertThat(value == null || Math.abs(value) < (1L << 40))
                            .as("connection %d window figure %s rests on a known base", c.index(), value).isTrue();
                }
            }
        }
        assertBytesAddUp(cut.result);
    }

    /**
     * Subflows together in the cut are together in the full capture; roles agree. The reverse holds
     * where the cut shows 64-bit data sequence values of both parts (4-byte ones without the keys
     * cannot be told apart from another connection's). Matched packet by packet, so a reused 4-tuple
     * is no trap.
     */
    private static void assertGroupedTheSameWay(String what, Pass full, Pass cut, long[] original) {
        Map<Integer, Integer> cutToFull = new HashMap<>();
        Map<Integer, java.util.Set<Integer>> fullToCut = new HashMap<>();
        java.util.Set<Integer> cutWithDsns = new java.util.HashSet<>();
        for (int i = 0; i < cut.columns.size(); i++) {
            int f = (int) original[i] - 1;
            int cutConnection = cut.columns.connectionOfPacket(i);
            if (cutConnection < 0) {
                continue;
            }
            int fullConnection = full.columns.connectionOfPacket(f);
            assertThat(fullConnection).as("%s: packet %d is MPTCP in the full capture", what, i + 1)
                    .isNotNegative();
            Integer before = cutToFull.putIfAbsent(cutConnection, fullConnection);
            assertThat(before == null || before == fullConnection)
                    .as("%s: cut connection %d holds packets of full connections %s and %d (packet %d)", what,
                            cutConnection, before, fullConnection, i + 1).isTrue();
            fullToCut.computeIfAbsent(fullConnection, k -> new java.util.TreeSet<>()).add(cutConnection);
            if (cut.columns.absoluteDsn(i) != PacketColumns.NO_DSN) {
                cutWithDsns.add(cutConnection);
            }
            Subflow cutSubflow = subflow(cut.result, cutConnection, cut.columns.flowOfPacket(i));
            Subflow fullSubflow = subflow(full.result, fullConnection, full.columns.flowOfPacket(f));
            if (cutSubflow.roles() != RoleBasis.FIRST_PACKET) { // an admitted guess: no MPTCP option, like ports
                assertThat(cutSubflow.client()).as("%s: client of subflow %s (roles %s)", what, cutSubflow,
                        cutSubflow.roles()).isEqualTo(fullSubflow.client());
            }
        }
        fullToCut.forEach((fullConnection, parts) -> assertThat(parts.stream().filter(cutWithDsns::contains).count())
                .as("%s: full connection %d split into cut connections %s, with DSNs in %s", what, fullConnection,
                        parts, cutWithDsns).isLessThanOrEqualTo(1));
    }

    private static Subflow subflow(AnalysisResult result, int connection, int flow) {
        MptcpConnection c = result.connections().get(connection);
        return c.subflows().get(c.subflowPosition(flow));
    }

    private static String key(Endpoint a, Endpoint b) {
        String x = a.toString();
        String y = b.toString();
        return x.compareTo(y) < 0 ? x + " " + y : y + " " + x;
    }

    static void assertBytesAddUp(AnalysisResult result) {
        for (MptcpConnection c : result.connections()) {
            for (Subflow s : c.subflows()) {
                SubflowData d = s.data();
                assertThat(d.client().payloadBytes()).as("connection %d subflow %d client bytes by category %s",
                        c.index(), s.flow(), d.client()).isEqualTo(s.clientBytes());
                assertThat(d.server().payloadBytes()).as("connection %d subflow %d server bytes by category %s",
                        c.index(), s.flow(), d.server()).isEqualTo(s.serverBytes());
            }
        }
    }

    private Path write(byte[] pcap, String name) {
        try {
            return Files.write(dir.resolve(name), pcap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One analysis with its per-packet columns. */
    record Pass(AnalysisResult result, PacketColumns columns) {
        static Pass of(Path trace) {
            MptcpAnalyzer analyzer = new MptcpAnalyzer(1024, trace.getFileName().toString());
            try (PacketSource source = TraceReader.open(trace)) {
                PacketPass.run(source, analyzer);
                analyzer.finish();
                return new Pass(analyzer.result(source.warnings()), analyzer.columns());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
