package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The analysis benchmark's arithmetic and its report; its speeds are measured, never asserted. */
class BenchCommandTest {
    @Test
    void roundRatioIsTheMedianOfEachRoundsOwnRatio() {
        long[] packets = {1000, 1000};
        // Pass 0 takes 2, 3 and 9 units where pass 1 takes 1, 1 and 3: ratios 0.5, 0.33 and 0.33.
        long[][] odd = {{2, 1}, {3, 1}, {9, 3}};
        assertThat(BenchCommand.medianRoundRatio(odd, packets, 0, 1)).isCloseTo(1 / 3.0, within(1e-9));
        long[][] even = {{2, 1}, {4, 1}};
        assertThat(BenchCommand.medianRoundRatio(even, packets, 0, 1)).isCloseTo((0.5 + 0.25) / 2, within(1e-9));
        // The best round of each would say 1/1 over 2/1: the median keeps each round's passes together.
        long[][] noisy = {{2, 1}, {20, 10}, {22, 10}};
        assertThat(BenchCommand.medianRoundRatio(noisy, packets, 0, 1)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void analyzeReportsEveryRatioThreeWays() throws Exception {
        CliRunner.Result result = CliRunner.run("bench", "--analyze", "--rounds", "1", "--warmup", "0",
                Traces.sampleTrace("download.pcap").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("ratios +wall \\(best\\) +CPU \\(mean\\) +round median")
                .containsPattern("analysis / read\\+decode: +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d\\d")
                .containsPattern("reading ahead / read\\+decode: +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d\\d");
    }
}
