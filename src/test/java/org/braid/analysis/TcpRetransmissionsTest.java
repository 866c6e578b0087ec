package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.braid.decode.DecodedPacket;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TCP retransmissions within subflows against Wireshark's {@code tcp.analysis.retransmission}
 * (frames listed in tshark-retransmissions.txt). Every difference must fall in a named class, each
 * checked here from the packets:
 * <ul>
 *   <li>Wireshark only, reinjection: the segment repeats its own subflow's bytes but overlaps data
 *       first sent on another subflow; we count it once, as a reinjection.</li>
 *   <li>Wireshark only, early SYN: an MP_CAPABLE SYN repeated before the SYN/ACK; the connection
 *       analysis sees a flow from the packet that makes it MPTCP on.</li>
 *   <li>Ours only, repeat: the bytes were already sent on this subflow direction, but Wireshark
 *       calls the segment out-of-order (it came within an RTT of the highest sequence) or a
 *       keep-alive (one byte below it).</li>
 *   <li>Ours only, requested: it fills a hole (the original never reached the capture point) that
 *       the receiver had asked for with duplicate ACKs; Wireshark calls it out-of-order by timing.</li>
 * </ul>
 */
class TcpRetransmissionsTest {
    @Test
    void onTheLossTraceEveryRetransmissionMatchesWiresharksAndAllAreOnTheLossyPath() {
        RecordedPass pass = RecordedPass.of(Traces.sampleTrace("loss-reinjections.pcap"));
        assertThat(flagged(pass)).isEqualTo(wireshark("loss-reinjections.pcap")).hasSize(60);
        MptcpConnection c = pass.result.connections().get(0);
        assertThat(c.subflows()).extracting(Subflow::retransmissions).containsExactly(0L, 60L);
        assertThat(c.subflows().get(1).server().address()).isEqualTo("192.0.2.2");
        assertThat(c.subflows().get(1).client().address()).isEqualTo("198.51.100.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dead-path.pcap", "both-ways-loss.pcap", "mptcpanalyzer_client_2.pcap",
        "mptcpanalyzer_server_2.pcap"})
    void everyDifferenceWithWiresharkHasANamedReason(String trace) {
        Path path = trace.startsWith("mptcpanalyzer") ? Traces.publicTrace(trace) : Traces.sampleTrace(trace);
        RecordedPass pass = RecordedPass.of(path);
        SortedSet<Long> ours = flagged(pass);
        SortedSet<Long> theirs = wireshark(trace);
        Map<String, Integer> reasons = new HashMap<>();
        for (long frame : theirs) {
            if (!ours.contains(frame)) {
                reasons.merge(wiresharkOnlyReason(pass, (int) frame - 1), 1, Integer::sum);
            }
        }
        for (long frame : ours) {
            if (!theirs.contains(frame)) {
                reasons.merge(oursOnlyReason(pass, (int) frame - 1), 1, Integer::sum);
            }
        }
        assertThat(reasons.keySet()).as("%s: ours %d, Wireshark %d, differences %s", trace, ours.size(),
                theirs.size(), reasons).doesNotContain("unexplained");
        long perSubflow = pass.result.connections().stream().flatMap(c -> c.subflows().stream())
                .mapToLong(Subflow::retransmissions).sum();
        assertThat(perSubflow).isEqualTo(ours.size());
    }

    private static String wiresharkOnlyReason(RecordedPass pass, int i) {
        if (pass.columns.hasFlag(i, PacketColumns.REINJECTION)) {
            return "reinjection";
        }
        Subflow subflow = pass.subflows.get(pass.columns.flowOfPacket(i));
        if (pass.has(i, DecodedPacket.TCP_SYN) && !pass.has(i, DecodedPacket.TCP_ACK) && !subflow.join()) {
            return "early SYN";
        }
        return "unexplained";
    }

    private static String oursOnlyReason(RecordedPass pass, int i) {
        int flow = pass.columns.flowOfPacket(i);
        long length = length(pass, i);
        for (int j = 0; j < i; j++) {
            if (pass.columns.flowOfPacket(j) == flow && pass.fromSubflowClient[j] == pass.fromSubflowClient[i]) {
                int distance = (int) (pass.seq[j] - pass.seq[i]); // 32-bit modular
                if (distance < length && -distance < length(pass, j)) {
                    return "repeat";
                }
            }
        }
        int duplicates = 0;
        for (int j = 0; j < i; j++) {
            if (pass.columns.flowOfPacket(j) == flow && pass.fromSubflowClient[j] != pass.fromSubflowClient[i]
                    && pass.has(j, DecodedPacket.TCP_ACK) && pass.ack[j] == pass.seq[i] && length(pass, j) == 0) {
                duplicates++;
            }
        }
        return duplicates >= 3 ? "requested" : "unexplained"; // the ACK itself, then two duplicates
    }

    private static long length(RecordedPass pass, int i) {
        return (long) pass.payload[i] + (pass.has(i, DecodedPacket.TCP_SYN) ? 1 : 0) + (pass.has(i, DecodedPacket.TCP_FIN) ? 1 : 0);
    }

    private static SortedSet<Long> flagged(RecordedPass pass) {
        TreeSet<Long> frames = new TreeSet<>();
        for (int i = 0; i < pass.packets(); i++) {
            if (pass.columns.hasFlag(i, PacketColumns.TCP_RETRANSMISSION)) {
                frames.add(i + 1L);
            }
        }
        return frames;
    }

    private static SortedSet<Long> wireshark(String trace) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TcpRetransmissionsTest.class.getResourceAsStream("tshark-retransmissions.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(trace + ":")) {
                    TreeSet<Long> frames = new TreeSet<>();
                    Arrays.stream(line.substring(trace.length() + 1).trim().split(" "))
                            .filter(s -> !s.isEmpty()).forEach(s -> frames.add(Long.parseLong(s)));
                    return frames;
                }
            }
            throw new IllegalArgumentException("no tshark frames for " + trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
