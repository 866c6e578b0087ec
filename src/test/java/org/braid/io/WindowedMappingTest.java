package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading through tiny windows (remapped whenever a record crosses a window's end, and widened
 * for records larger than a window) gives exactly what a single mapping of the file gives.
 */
class WindowedMappingTest {
    static Stream<String> traces() {
        return TestTraces.expectedPacketCounts().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void tinyWindowsGiveTheSameFramesAsOneMapping(String trace) throws IOException {
        Path file = TestTraces.publicTrace(trace);
        Reading whole = TestTraces.read(file);
        for (int window : new int[] {4096, 1000, 64}) {
            Reading windowed = TestTraces.read(file, window);
            assertThat(windowed.warnings()).isEmpty();
            assertThat(windowed.fileOffsets()).isEqualTo(whole.fileOffsets());
            assertThat(windowed.frames()).as("window of %d bytes", window).isEqualTo(whole.frames());
            assertThat(windowed.comments()).isEqualTo(whole.comments());
            assertThat(windowed.linkTypes()).isEqualTo(whole.linkTypes());
        }
    }
}
