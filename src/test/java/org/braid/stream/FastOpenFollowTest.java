package org.braid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fastopen.pcap (make-traces.sh fastopen): two connections with TCP Fast Open; the second's SYN
 * carries the client's first 1,000 bytes, which RFC 8684 B.3 puts before the data sequence space.
 * Followed, each connection is what the application sent: seed 61's 100,000 bytes from the client,
 * seed 62's 20,000 from the server, the SYN's bytes first. So is fastopen-refused.pcap's second
 * connection, whose SYN data the server refused: it fell back to TCP, and the stream follows its
 * initial subflow from DSN 1, the refused SYN's bytes not counted twice.
 */
class FastOpenFollowTest {
    private static final Path TRACE = Traces.sampleDir().resolve("fastopen.pcap");

    @ParameterizedTest
    @CsvSource({"fastopen.pcap, 0", "fastopen.pcap, 1", "fastopen-refused.pcap, 0", "fastopen-refused.pcap, 1"})
    void eachConnectionIsWhatTheApplicationSent(String trace, int connection) throws IOException {
        try (FollowedStream stream = StreamFollower.follow(Traces.sampleDir().resolve(trace),
                FollowTarget.mptcpConnection(connection))) {
            assertThat(KnownPayload.sha256(KernelTracesFollowTest.bytes(stream, StreamSide.CLIENT)))
                    .isEqualTo(KnownPayload.sha256(61, 100_000));
            assertThat(KnownPayload.sha256(KernelTracesFollowTest.bytes(stream, StreamSide.SERVER)))
                    .isEqualTo(KnownPayload.sha256(62, 20_000));
            assertThat(stream.complete(StreamSide.CLIENT)).isTrue();
        }
    }

    /** The TFO connection's initial subflow followed as TCP: its SYN's 1,000 bytes, then the rest it carried. */
    @ParameterizedTest
    @ValueSource(ints = {2})
    void theInitialSubflowAsTcpStartsWithTheSynData(int tcpStream) throws IOException {
        try (FollowedStream stream = StreamFollower.follow(TRACE, FollowTarget.tcpStream(tcpStream))) {
            byte[] client = KernelTracesFollowTest.bytes(stream, StreamSide.CLIENT);
            assertThat(client).hasSize(38_616);
            assertThat(KnownPayload.sha256(java.util.Arrays.copyOf(client, 1000)))
                    .isEqualTo(KnownPayload.sha256(61, 1000));
        }
    }
}
