package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the writer saves, our reader gives back frame for frame. */
class PcapngWriterTest {
    @TempDir
    Path temp;

    static Stream<String> traces() {
        return Stream.of("tcpdump-mptcp-v1.pcap", "mptcpanalyzer_client_2.pcap", "dpi-mptcp-mp_capable.pcapng",
                "mptcpanalyzer_iperf-mptcp-0-0.pcap");
    }

    @ParameterizedTest
    @MethodSource("traces")
    void roundTripKeepsEveryFrame(String name) throws Exception {
        Path original = Traces.publicTrace(name);
        Path copy = temp.resolve("copy.pcapng");
        try (PacketSource source = TraceReader.open(original);
             PcapngWriter writer = PcapngWriter.atomic(copy, "exported by a test")) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                writer.write(frame);
            }
        }
        TestTraces.Reading before = TestTraces.read(original);
        TestTraces.Reading after = TestTraces.read(copy);
        assertThat(after.frames()).isEqualTo(before.frames().stream()
                .map(f -> new TestTraces.FrameCopy(f.packetNumber(), f.timestampNanos(), f.capturedLength(),
                        f.originalLength(), f.linkType(), 0, f.bytes()))
                .toList());
        assertThat(after.warnings()).isEmpty();
        assertThat(after.comments()).containsExactly("exported by a test");
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file left behind").containsExactly(copy);
        }
    }

    @Test
    void abandonedWriteLeavesTheTargetUntouched() throws Exception {
        Path target = temp.resolve("keep.pcapng");
        Files.writeString(target, "previous content");
        PcapngWriter writer = PcapngWriter.atomic(target, null);
        try (PacketSource source = TraceReader.open(Traces.publicTrace("tcpdump-mptcp-v1.pcap"))) {
            Frame frame = new Frame();
            source.next(frame);
            writer.write(frame);
        }
        writer.abandon();
        assertThat(Files.readString(target)).isEqualTo("previous content");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(target);
        }
    }
}
