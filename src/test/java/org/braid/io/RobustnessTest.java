package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every possible truncation and many random corruptions of small real traces: the reader either
 * rejects the file at open with a {@link TraceFormatException} or reads it to the end without
 * throwing, and a truncated file yields exactly the whole packets before the cut.
 */
@Timeout(120)
class RobustnessTest {
    private static final int TINY_WINDOW = 256;

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tcpdump-mptcp-fclose.pcap", "dpi-mptcp-short.pcapng"})
    void everyTruncationKeepsTheWholePacketsBeforeTheCut(String trace) throws IOException {
        byte[] original = Files.readAllBytes(TestTraces.publicTrace(trace));
        Reading whole = TestTraces.read(TestTraces.publicTrace(trace));
        Set<Integer> boundaries = recordBoundaries(original, trace.endsWith(".pcapng"));
        Path file = dir.resolve(trace);
        for (int length = 0; length < original.length; length++) {
            Files.write(file, Arrays.copyOf(original, length));
            Reading cut = readOrNullWhenRejected(file, false);
            if (cut == null) {
                continue;
            }
            int kept = cut.frames().size();
            assertThat(cut.frames()).isEqualTo(whole.frames().subList(0, kept));
            // a cut between records leaves a valid file; a cut inside one is a single warning
            assertThat(cut.warnings()).as("cut at %d", length).hasSize(boundaries.contains(length) ? 0 : 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcpdump-mptcp-fclose.pcap", "dpi-mptcp-short.pcapng", "dpi-mptcp-longer.pcapng"})
    void randomCorruptionNeverThrows(String trace) throws IOException {
        byte[] original = Files.readAllBytes(TestTraces.publicTrace(trace));
        Random random = new Random(trace.hashCode());
        Path file = dir.resolve(trace);
        for (int round = 0; round < 300; round++) {
            byte[] damaged = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            Files.write(file, damaged);
            Reading reading = readOrNullWhenRejected(file, true);
            if (reading != null) {
                assertThat(reading.position()).isEqualTo(reading.size());
            }
        }
    }

    /** Where records (pcap) or blocks (pcapng) end, walked here independently of the reader. */
    private static Set<Integer> recordBoundaries(byte[] trace, boolean pcapng) {
        ByteBuffer bytes = ByteBuffer.wrap(trace).order(ByteOrder.LITTLE_ENDIAN);
        Set<Integer> boundaries = new HashSet<>();
        int position = pcapng ? 0 : 24;
        while (position < trace.length) {
            boundaries.add(position);
            position += pcapng ? bytes.getInt(position + 4) : 16 + bytes.getInt(position + 8);
        }
        return boundaries;
    }

    /**
     * Reads the file through tiny windows, and when asked through one mapping too, which must
     * agree; null when the file is no trace.
     */
    private static Reading readOrNullWhenRejected(Path file, boolean compareWithOneMapping) throws IOException {
        try {
            Reading windowed = TestTraces.read(file, TINY_WINDOW);
            if (!compareWithOneMapping) {
                return windowed;
            }
            Reading reading = TestTraces.read(file);
            assertThat(windowed.frames()).isEqualTo(reading.frames());
            assertThat(windowed.warnings()).isEqualTo(reading.warnings());
            return reading;
        } catch (TraceFormatException rejected) {
            return null;
        }
    }
}
