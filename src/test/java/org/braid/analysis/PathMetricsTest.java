package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.PathMetrics;
import org.braid.model.RttStats;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-subflow RTT against Wireshark's {@code tcp.analysis.ack_rtt} on the same packets, and bytes
 * in flight. The tshark figures (4.0.17) were taken with
 * {@code tshark -r TRACE -Y tcp.analysis.ack_rtt -T fields -e tcp.stream -e tcp.analysis.ack_rtt}:
 * per stream, the sample count, and the median as the lower middle of the sorted samples.
 * The traces' paths have no added delay, so their RTTs are microseconds at the sender.
 */
class PathMetricsTest {
    @ParameterizedTest(name = "{0} stream {1}")
    @CsvSource({
        "two-subflows.pcap, 0, 199, 14",
        "two-subflows.pcap, 1, 251, 17",
        "backup-used.pcap, 0, 188, 10",
        "backup-used.pcap, 1, 266, 18",
        "three-subflows.pcap, 0, 212, 11",
        "three-subflows.pcap, 1, 197, 12",
        "three-subflows.pcap, 2, 292, 13",
        "dead-path.pcap, 0, 462, 16"})
    void rttAgreesWithWiresharkAckRtt(String trace, int stream, int tsharkSamples, long tsharkMedianMicros) {
        RttStats rtt = Analysis.of(Traces.sampleTrace(trace)).paths().rttStats(stream);
        assertThat(rtt.samples()).isEqualTo(tsharkSamples);
        assertThat(rtt.median()).isBetween(tsharkMedianMicros * 1000 - 1000, tsharkMedianMicros * 1000 + 1000);
        assertThat(rtt.min()).isLessThanOrEqualTo(rtt.median());
        assertThat(rtt.p95()).isGreaterThanOrEqualTo(rtt.median());
    }

    @Test
    void karnsRuleTakesNoSampleFromRetransmittedData() {
        // tshark gives 282 ack_rtt samples on the dead path's subflow, timing ACKs of retransmitted
        // segments too; without those, fewer remain, and none is the retransmission timeout itself.
        RttStats rtt = Analysis.of(Traces.sampleTrace("dead-path.pcap")).paths().rttStats(1);
        assertThat(rtt.samples()).isLessThan(282).isGreaterThan(250);
        assertThat(rtt.p95()).isLessThan(1_000_000L);
    }

    /** The largest {@code tcp.analysis.bytes_in_flight} tshark 4.0.17 gives per stream of each trace. */
    @ParameterizedTest(name = "{0} stream {1}")
    @CsvSource({
        "two-subflows.pcap, 0, 3520",
        "two-subflows.pcap, 1, 3472",
        "dead-path.pcap, 0, 3472",
        "dead-path.pcap, 1, 75808"})
    void largestBytesInFlightAgreesWithWireshark(String trace, int stream, long tsharkMax) {
        AnalysisResult result = Analysis.withPacketDetail(Traces.sampleTrace(trace));
        PathMetrics m = result.paths();
        long max = 0;
        for (int i = 0; i < m.flightSamples(); i++) {
            assertThat(m.flightBytes(i)).isNotNegative();
            if (m.flightFlow(i) == stream && m.flightSide(i) == 0) {
                max = Math.max(max, m.flightBytes(i));
            }
        }
        assertThat(max).isEqualTo(tsharkMax);
    }

    @Test
    void bytesInFlightReturnToZeroWhenAllIsAcknowledged() {
        AnalysisResult result = Analysis.withPacketDetail(Traces.sampleTrace("two-subflows.pcap"));
        MptcpConnection c = result.connections().get(0);
        for (var s : c.subflows()) {
            assertThat(result.paths().flightAt(s.flow(), 0, result.packets())).as("subflow %d at the end", s.flow())
                    .isZero();
        }
    }

    @Test
    void theDeadPathKeepsItsDataInFlight() {
        AnalysisResult result = Analysis.withPacketDetail(Traces.sampleTrace("dead-path.pcap"));
        // Frame 1427 is path 2's first timeout retransmission: its data is still unacknowledged then.
        assertThat(result.paths().flightAt(1, 0, 1427)).isGreaterThan(10_000);
    }
}
