package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that cannot seek (a pipe, standard input) is read as a stream: the same frames, warnings
 * and comments as the memory-mapped file, whatever sizes the reads come back in.
 */
class StreamReadingTest {
    @TempDir Path dir;

    static Stream<Path> traces() {
        return Stream.of(Traces.sampleTrace("two-subflows.pcapng"), Traces.sampleTrace("two-subflows-nsec.pcap"),
                Traces.sampleTrace("fastclose.pcap.gz"), Traces.publicTrace("tcpdump-mptcp-v1.pcap"),
                TestTraces.resource("fclose-commented.pcapng"), TestTraces.resource("client_2-first10.pcapng"));
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aStreamReadsAsTheMappedFile(Path trace) throws IOException {
        byte[] bytes = Files.readAllBytes(trace);
        assertSameReading(trace, bytes);
    }

    @ParameterizedTest
    @MethodSource("traces")
    void aTruncatedStreamWarnsAsTheTruncatedFile(Path trace) throws IOException {
        byte[] bytes = Files.readAllBytes(trace);
        byte[] cut = Arrays.copyOf(bytes, bytes.length * 2 / 3);
        Path file = Files.write(dir.resolve("cut-" + trace.getFileName()), cut);
        assertSameReading(file, cut);
    }

    @Test
    void aHugeSkippedPcapngBlockIsPassedWithoutKeepingIt() throws IOException {
        byte[] body = new byte[40 << 20]; // beyond what the stream window keeps of a block
        byte[] packet = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
        byte[] trace = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(101)
                .block(0x0bad, body).epb(0, 1, packet, packet.length, null).bytes();
        Path file = Files.write(dir.resolve("big-block.pcapng"), trace);
        TestTraces.Reading streamed = readStream(trace);
        assertThat(streamed.frames()).hasSize(1);
        assertThat(streamed.frames()).isEqualTo(TestTraces.read(file).frames());
    }

    @Test
    void aStreamOfZerosSaysWhatItIs() {
        assertThatThrownBy(() -> TraceReader.open("zeros", new ByteArrayInputStream(new byte[100])))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("a stream, not a pcap or pcapng trace (magic 0x00000000)");
        assertThatThrownBy(() -> TraceReader.open("nothing", new ByteArrayInputStream(new byte[0])))
                .hasMessageContaining("empty stream");
    }

    @Test
    void theCharacterDeviceDevZeroIsNamedAsSuch() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero on this platform");
        assertThatThrownBy(() -> TraceReader.open(zero)).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("a character device, not a pcap or pcapng trace (magic 0x00000000)");
    }

    private void assertSameReading(Path file, byte[] bytes) throws IOException {
        TestTraces.Reading mapped = TestTraces.read(file);
        TestTraces.Reading streamed = readStream(bytes);
        assertThat(streamed.frames()).isEqualTo(mapped.frames());
        assertThat(streamed.fileOffsets()).isEqualTo(mapped.fileOffsets());
        assertThat(streamed.warnings()).map(TraceWarning::message)
                .isEqualTo(mapped.warnings().stream().map(TraceWarning::message).toList());
        assertThat(streamed.comments()).isEqualTo(mapped.comments());
        assertThat(streamed.packetComments()).isEqualTo(mapped.packetComments());
        assertThat(streamed.linkTypes()).isEqualTo(mapped.linkTypes());
    }

    /** Reads through a stream that returns reads of random sizes, as a pipe does. */
    private static TestTraces.Reading readStream(byte[] bytes) throws IOException {
        try (PacketSource source = TraceReader.open("stream", new ChoppyStream(bytes))) {
            List<TestTraces.FrameCopy> frames = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            Frame frame = new Frame();
            while (source.next(frame)) {
                frames.add(TestTraces.FrameCopy.of(frame));
                offsets.add(frame.fileOffset());
            }
            return new TestTraces.Reading(frames, offsets, List.copyOf(source.warnings()),
                    java.util.Set.copyOf(source.linkTypes()), List.copyOf(source.comments()),
                    java.util.Map.copyOf(source.packetComments()), source.formatDetail(), source.position(),
                    source.size());
        }
    }

    /** Hands out between 1 and 3000 bytes a read, never what was asked. */
    private static final class ChoppyStream extends FilterInputStream {
        private final SplittableRandom random = new SplittableRandom(7);

        ChoppyStream(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return super.read(buffer, offset, Math.min(length, 1 + random.nextInt(3000)));
        }
    }

}
