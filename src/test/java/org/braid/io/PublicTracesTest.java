package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.braid.io.TestTraces.FrameCopy;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public trace reads whole, without warnings, with Wireshark's packet count. */
class PublicTracesTest {
    private static final long SECOND = 1_000_000_000L;
    /** 2030-01-01: every public trace was captured before (mptcpanalyzer_iperf starts at time 0). */
    private static final long LATEST = 1_893_456_000L * SECOND;
    /**
     * Captures are not strictly ordered: several CPUs stamp packets, and some traces were edited.
     * Wireshark shows steps back of up to 0.1 s in these traces (dpi-mptcp-mod_tok), never more.
     */
    private static final long LARGEST_STEP_BACK = SECOND;
    private static final long LONGEST_TRACE = 24 * 3600 * SECOND;

    static Stream<Arguments> traces() {
        return TestTraces.expectedPacketCounts().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void readsEveryPacketWithoutWarnings(String trace, long expectedPackets) throws IOException {
        Reading reading = TestTraces.read(TestTraces.publicTrace(trace));

        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.frames()).hasSize((int) expectedPackets);
        assertThat(reading.position()).isEqualTo(reading.size());
        long previousOffset = -1;
        long first = reading.frames().get(0).timestampNanos();
        long previousTime = first;
        for (int i = 0; i < reading.frames().size(); i++) {
            FrameCopy frame = reading.frames().get(i);
            assertThat(frame.packetNumber()).isEqualTo(i + 1);
            assertThat(frame.timestampNanos()).isBetween(0L, LATEST)
                    .isBetween(first - SECOND, first + LONGEST_TRACE)
                    .isGreaterThan(previousTime - LARGEST_STEP_BACK);
            previousTime = frame.timestampNanos();
            assertThat(frame.capturedLength()).isPositive().isLessThanOrEqualTo(frame.originalLength());
            assertThat(reading.linkTypes()).contains(frame.linkType());
            assertThat(reading.fileOffsets().get(i)).isGreaterThan(previousOffset);
            previousOffset = reading.fileOffsets().get(i);
        }
    }
}
