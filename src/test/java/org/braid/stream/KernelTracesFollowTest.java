package org.braid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The follow-* kernel traces carry a known payload (make-traces.sh, payload.py): the client
 * sends the stream of a seed, the server answers with the stream of seed + 1. Each direction,
 * reassembled from the subflows, must be exactly those bytes.
 */
class KernelTracesFollowTest {
    static Stream<Arguments> traces() {
        return Stream.of(
                Arguments.of("follow-two-subflows.pcap", 11, 300_000, 90_000),
                Arguments.of("follow-three-subflows.pcap", 21, 300_000, 10_000),
                Arguments.of("follow-loss-reinjections.pcap", 31, 360_000, 4_800),
                Arguments.of("follow-dead-path.pcap", 41, 300_000, 0),
                Arguments.of("follow-remove-addr.pcap", 51, 300_000, 0),
                Arguments.of("both-ways-loss.pcap", 11, 600_000, 600_000),
                Arguments.of("server-joins.pcap", 71, 200_000, 200_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void eachDirectionIsWhatTheApplicationSent(String trace, int seed, int clientBytes, int serverBytes)
            throws IOException {
        try (FollowedStream stream = follow(trace)) {
            assertThat(sha256(stream, StreamSide.CLIENT)).isEqualTo(KnownPayload.sha256(seed, clientBytes));
            assertThat(sha256(stream, StreamSide.SERVER)).isEqualTo(KnownPayload.sha256(seed + 1, serverBytes));
            for (StreamSide side : StreamSide.values()) {
                assertThat(stream.complete(side)).as(side + " whole").isTrue();
                assertThat(stream.endedByFin(side)).as(side + " DATA_FIN").isTrue();
            }
        }
    }

    @Test
    void twoSubflowsCarryTheClientStreamAndBothDirectionsInterleaveInPacketOrder() throws IOException {
        try (FollowedStream stream = follow("follow-two-subflows.pcap")) {
            List<StreamChunk> chunks = chunks(stream, FollowDirection.BOTH);
            assertThat(chunks).extracting(StreamChunk::subflow).contains(0, 1);
            assertThat(chunks).extracting(StreamChunk::side).contains(StreamSide.CLIENT, StreamSide.SERVER);
            // The first answer comes after the first 100000 request bytes and before the rest.
            int firstServer = indexOf(chunks, c -> c.side() == StreamSide.SERVER);
            long clientBytesBefore = chunks.subList(0, firstServer).stream().mapToLong(StreamChunk::length).sum();
            assertThat(clientBytesBefore).isEqualTo(100_000);
            for (StreamSide side : StreamSide.values()) {
                List<StreamChunk> own = chunks.stream().filter(c -> c.side() == side).toList();
                for (int i = 1; i < own.size(); i++) {
                    assertThat(own.get(i).start()).isEqualTo(own.get(i - 1).end());
                }
            }
        }
    }

    @Test
    void aDeadPathsBytesAreMarkedReinjectedAndTheStreamHasThemOnce() throws IOException {
        try (FollowedStream stream = follow("follow-dead-path.pcap")) {
            List<StreamChunk> chunks = chunks(stream, FollowDirection.CLIENT);
            assertThat(chunks).anyMatch(StreamChunk::reinjected);
            assertThat(chunks).filteredOn(StreamChunk::reinjected).extracting(StreamChunk::subflow).containsOnly(1);
            assertThat(chunks.stream().mapToLong(StreamChunk::length).sum()).isEqualTo(300_000);
        }
    }

    @Test
    void bytesSentAgainOnTheSameSubflowUnderNewSequenceNumbersAreMarkedResent() throws IOException {
        try (FollowedStream stream = follow("follow-remove-addr.pcap")) {
            List<StreamChunk> chunks = chunks(stream, FollowDirection.CLIENT);
            assertThat(chunks).anyMatch(StreamChunk::resent);
            assertThat(chunks).anyMatch(StreamChunk::reinjected);
        }
    }

    @Test
    void lossIsRepairedByRetransmissionsOnItsSubflowAndByReinjections() throws IOException {
        try (FollowedStream stream = follow("follow-loss-reinjections.pcap")) {
            List<StreamChunk> chunks = chunks(stream, FollowDirection.CLIENT);
            assertThat(chunks).anyMatch(StreamChunk::retransmitted);
            assertThat(chunks).anyMatch(StreamChunk::reinjected);
        }
    }

    @Test
    void aSubflowFollowedAsATcpStreamIsItsShareOfTheData() throws IOException {
        Path trace = Traces.sampleDir().resolve("follow-two-subflows.pcap");
        byte[] payload = KnownPayload.bytes(11, 300_000);
        try (FollowedStream connection = StreamFollower.follow(trace, FollowTarget.mptcpConnection(0));
             FollowedStream second = StreamFollower.follow(trace, FollowTarget.tcpStream(1))) {
            List<StreamChunk> ofSubflow = chunks(connection, FollowDirection.CLIENT).stream()
                    .filter(c -> c.flow() == 1).toList();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (StreamChunk chunk : ofSubflow) {
                expected.write(payload, (int) chunk.start() - 1, chunk.length());
            }
            assertThat(second.positionName()).isEqualTo("offset");
            assertThat(second.complete(StreamSide.CLIENT)).isTrue();
            assertThat(bytes(second, StreamSide.CLIENT)).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aConnectionThatFellBackAtItsHandshakeIsFollowedAsTcp() throws IOException {
        // fallback-tcp.pcap sends the default pattern: 0..255 repeated, restarting every 16 KB.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int sent = 0; sent < 300_000; sent += 16_384) {
            for (int i = 0; i < Math.min(16_384, 300_000 - sent); i++) {
                expected.write(i & 0xff);
            }
        }
        try (FollowedStream stream = StreamFollower.follow(Traces.sampleDir().resolve("fallback-tcp.pcap"),
                FollowTarget.tcpStream(0))) {
            assertThat(bytes(stream, StreamSide.CLIENT)).isEqualTo(expected.toByteArray());
            assertThat(stream.complete(StreamSide.CLIENT)).isTrue();
        }
    }

    static FollowedStream follow(String trace) throws IOException {
        return StreamFollower.follow(Traces.sampleDir().resolve(trace), FollowTarget.mptcpConnection(0));
    }

    static List<StreamChunk> chunks(FollowedStream stream, FollowDirection direction) {
        List<StreamChunk> chunks = new ArrayList<>();
        for (Iterator<StreamItem> items = stream.items(direction); items.hasNext(); ) {
            if (items.next() instanceof StreamChunk chunk) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    static byte[] bytes(FollowedStream stream, StreamSide side) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.writeBytes(side, out);
        return out.toByteArray();
    }

    private static String sha256(FollowedStream stream, StreamSide side) throws IOException {
        return KnownPayload.sha256(bytes(stream, side));
    }

    private static int indexOf(List<StreamChunk> chunks, Predicate<StreamChunk> test) {
        for (int i = 0; i < chunks.size(); i++) {
            if (test.test(chunks.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
