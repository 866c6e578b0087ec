package org.braid.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceFormatException;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;

/**
 * The pcap and pcapng readers on any bytes: opening either names the file as no trace or reads it,
 * reading never throws, and the memory-mapped file and the same bytes as a stream agree on every
 * frame and warning. Seeded with the first packets of the repository's traces
 * (TraceReaderFuzzTestInputs/); see the README's "Fuzzing".
 */
class TraceReaderFuzzTest {
    @FuzzTest(maxDuration = FuzzDuration.DEFAULT)
    void pcap(byte[] data) throws IOException {
        readBothWays(data);
    }

    @FuzzTest(maxDuration = FuzzDuration.DEFAULT)
    void pcapng(byte[] data) throws IOException {
        readBothWays(data);
    }

    static void readBothWays(byte[] data) throws IOException {
        Path file = Files.createTempFile("braid-fuzz-", ".trace");
        try {
            Files.write(file, data);
            Reading mapped = read(() -> TraceReader.open(file));
            Reading streamed = read(() -> TraceReader.open("fuzz", new ByteArrayInputStream(data)));
            assertThat(streamed.rejected()).isEqualTo(mapped.rejected());
            assertThat(streamed.frames()).isEqualTo(mapped.frames());
            assertThat(streamed.warnings()).isEqualTo(mapped.warnings());
        } finally {
            Files.delete(file);
        }
    }

    interface Opener {
        PacketSource open() throws IOException;
    }

    record Reading(boolean rejected, List<String> frames, List<String> warnings) {}

    private static Reading read(Opener opener) throws IOException {
        PacketSource source;
        try {
            source = opener.open();
        } catch (TraceFormatException notATrace) {
            return new Reading(true, List.of(), List.of());
        }
        try (source) {
            List<String> frames = new ArrayList<>();
            Frame frame = new Frame();
            while (source.next(frame)) {
                byte[] bytes = frame.copyBytes();
                frames.add(frame.packetNumber() + "@" + frame.fileOffset() + " " + frame.timestampNanos() + " "
                        + frame.originalLength() + " " + frame.linkType() + " " + java.util.Arrays.hashCode(bytes)
                        + "/" + bytes.length);
            }
            return new Reading(false, frames, source.warnings().stream().map(TraceWarning::message).toList());
        }
    }
}
