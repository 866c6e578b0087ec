package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random access gives back exactly the frames the sequential readers delivered. */
class FrameReaderTest {
    @SuppressWarnings("ArrayRecordComponent") // compared field by field, never with equals
    private record Recorded(long offset, int captured, int original, int linkType, int interfaceId, long time,
                            long number, byte[] bytes) {}

    static Stream<Path> traces() throws IOException {
        try (Stream<Path> files = Files.list(TestTraces.publicDir())) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("traces")
    void everyFrameReadsBackInReverseOrder(Path trace) throws IOException {
        assertReadsBack(trace);
    }

    @Test
    void gzipTraceReadsBack(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("v1.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(TestTraces.publicTrace("tcpdump-mptcp-v1.pcap"), out);
        }
        assertReadsBack(gz);
    }

    @Test
    void offsetsThatHoldNoPacketAreRefused() throws IOException {
        Path pcapng = TestTraces.publicTrace("dpi-mptcp-short.pcapng");
        try (FrameReader reader = FrameReader.open(pcapng)) {
            Frame frame = new Frame();
            // Offset 0 is the section header block, not a packet.
            assertThat(reader.read(0, 10, 10, 1, 0, 0, 1, frame)).isFalse();
            assertThat(reader.read(Files.size(pcapng) - 2, 10, 10, 1, 0, 0, 1, frame)).isFalse();
        }
        Path pcap = TestTraces.publicTrace("tcpdump-mptcp-v0.pcap");
        try (FrameReader reader = FrameReader.open(pcap)) {
            Frame frame = new Frame();
            assertThat(reader.read(4, 10, 10, 1, 0, 0, 1, frame)).isFalse();
            assertThat(reader.read(24, (int) Files.size(pcap), 10, 1, 0, 0, 1, frame)).isFalse();
        }
    }

    @Test
    void nonTracesAreRejectedAtOpen(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a trace at all");
        assertThatThrownBy(() -> FrameReader.open(text)).isInstanceOf(TraceFormatException.class);
    }

    private static void assertReadsBack(Path trace) throws IOException {
        List<Recorded> recorded = new ArrayList<>();
        try (PacketSource source = TraceReader.open(trace)) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                recorded.add(new Recorded(frame.fileOffset(), frame.capturedLength(), frame.originalLength(),
                        frame.linkType(), frame.interfaceId(), frame.timestampNanos(), frame.packetNumber(),
                        frame.copyBytes()));
            }
        }
        assertThat(recorded).isNotEmpty();
        try (FrameReader reader = FrameReader.open(trace)) {
            Frame frame = new Frame();
            for (int i = recorded.size() - 1; i >= 0; i--) {
                Recorded r = recorded.get(i);
                assertThat(reader.read(r.offset(), r.captured(), r.original(), r.linkType(), r.interfaceId(),
                        r.time(), r.number(), frame)).isTrue();
                assertThat(frame.copyBytes()).as("packet %d", r.number()).isEqualTo(r.bytes());
                assertThat(frame.packetNumber()).isEqualTo(r.number());
                assertThat(frame.fileOffset()).isEqualTo(r.offset());
            }
        }
    }
}
