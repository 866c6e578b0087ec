package org.braid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial captures made from a full one with a known payload: whatever the follow shows must be
 * the application's bytes at their place, and whatever the capture lacks must be a hole.
 */
class PartialCaptureFollowTest {
    private static final byte[] CLIENT_PAYLOAD = KnownPayload.bytes(11, 300_000);
    private static final byte[] SERVER_PAYLOAD = KnownPayload.bytes(12, 90_000);

    @TempDir Path dir;

    @Test
    void aCaptureStartedMidConnectionBeginsAtTheFirstAnchoredDsnWithAHoleBeforeIt() throws IOException {
        byte[] full = Files.readAllBytes(Traces.sampleDir().resolve("follow-two-subflows.pcap"));
        Path cut = dir.resolve("late.pcap");
        // The capture starts after the MP_CAPABLE handshake and the first data; the second subflow's
        // MP_JOIN comes later, so its segments are anchored while the first subflow's are not.
        Files.write(cut, PcapEdits.from(full, 9));
        int connections = MptcpAnalyzer.analyze(cut).connections().size();
        assertThat(connections).isPositive();

        long followed = 0;
        for (int connection = 0; connection < connections; connection++) {
            try (FollowedStream stream = StreamFollower.follow(cut, FollowTarget.mptcpConnection(connection))) {
                for (StreamSide side : StreamSide.values()) {
                    if (stream.capturedBytes(side) > 0) {
                        assertStartsLateWithTheApplicationsBytes(stream, side);
                        followed += stream.capturedBytes(side);
                    }
                }
            }
        }
        assertThat(followed).isGreaterThan(100_000);
    }

    @Test
    void aTcpStreamWhoseSynIsNotInTheCaptureStartsWithAHoleOfUnknownLength() throws IOException {
        byte[] full = Files.readAllBytes(Traces.sampleDir().resolve("follow-two-subflows.pcap"));
        Path cut = dir.resolve("late.pcap");
        Files.write(cut, PcapEdits.from(full, 9));
        try (FollowedStream stream = StreamFollower.follow(cut, FollowTarget.tcpStream(0))) {
            List<StreamItem> items = items(stream, FollowDirection.CLIENT);
            assertThat(stream.startKnown(StreamSide.CLIENT)).isFalse();
            assertThat(StreamText.hole((StreamHole) items.get(0), "offset"))
                    .isEqualTo("[bytes before offset 0 missing: the capture started mid-connection]");
            StreamChunk first = (StreamChunk) items.get(1);
            assertThat(first.start()).isZero();
            // Which end is the client is a guess without the SYN: the bytes are one application's.
            byte[] head = read(stream, first);
            assertThat(Math.max(indexOf(CLIENT_PAYLOAD, head), indexOf(SERVER_PAYLOAD, head))).isNotNegative();
        }
    }

    private static void assertStartsLateWithTheApplicationsBytes(FollowedStream stream, StreamSide side)
            throws IOException {
        List<StreamItem> items = items(stream, side == StreamSide.CLIENT ? FollowDirection.CLIENT : FollowDirection.SERVER);
        StreamHole before = (StreamHole) items.get(0);
        StreamChunk first = (StreamChunk) items.get(1);
        if (stream.startKnown(side)) {
            // The key is in the trace (repeated on data packets): the stream starts at IDSN + 1.
            assertThat(before.start()).isEqualTo(1);
            assertThat(first.start()).isEqualTo(before.start() + before.length());
            assertThat(StreamText.hole(before, "DSN")).endsWith("not in the capture]");
        } else {
            assertThat(before.lengthKnown()).isFalse();
            assertThat(first.start()).isEqualTo(before.start());
            assertThat(StreamText.hole(before, "DSN")).contains("capture started mid-connection");
        }
        byte[] head = read(stream, first);
        byte[] payload = indexOf(CLIENT_PAYLOAD, head) >= 0 ? CLIENT_PAYLOAD : SERVER_PAYLOAD;
        int offset = indexOf(payload, head);
        assertThat(offset).as("the first bytes are the application's, from its middle").isPositive();
        assertEveryChunkAt(stream, items, payload, offset - first.start());
    }

    @Test
    void aSnaplenCutCaptureHasHolesEverywhereAndNoInventedBytes() throws IOException {
        byte[] full = Files.readAllBytes(Traces.sampleDir().resolve("follow-two-subflows.pcap"));
        Path cut = dir.resolve("s160.pcap");
        Files.write(cut, PcapEdits.withSnaplen(full, 160));

        try (FollowedStream stream = StreamFollower.follow(cut, FollowTarget.mptcpConnection(0))) {
            List<StreamItem> items = items(stream, FollowDirection.CLIENT);
            long holes = items.stream().filter(i -> i instanceof StreamHole).count();
            long chunks = items.stream().filter(i -> i instanceof StreamChunk).count();
            assertThat(holes).isGreaterThanOrEqualTo(chunks - 1).isGreaterThan(100);
            assertThat(stream.capturedBytes(StreamSide.CLIENT)).isPositive().isLessThan(300_000 / 5);
            assertThat(stream.capturedBytes(StreamSide.CLIENT) + stream.missingBytes(StreamSide.CLIENT))
                    .isEqualTo(300_000);
            assertEveryChunkAt(stream, items, CLIENT_PAYLOAD, -1); // relative DSN 1 is the first payload byte
            assertThat(items).filteredOn(i -> i instanceof StreamHole).allSatisfy(hole ->
                    assertThat(StreamText.hole((StreamHole) hole, "DSN")).matches("\\[\\d+ bytes missing: DSN \\d+–\\d+, not in the capture]"));
        }
    }

    @Test
    void aHeadersOnlyCaptureGivesOnlyHoles() throws IOException {
        Path trace = Traces.sampleDir().resolve("headers-only-s96.pcap");
        try (FollowedStream stream = StreamFollower.follow(trace, FollowTarget.mptcpConnection(0))) {
            assertThat(stream.capturedBytes(StreamSide.CLIENT)).isZero();
            assertThat(stream.missingBytes(StreamSide.CLIENT)).isEqualTo(1_500_000);
            assertThat(KernelTracesFollowTest.bytes(stream, StreamSide.CLIENT)).isEmpty();
            assertThat(items(stream, FollowDirection.CLIENT)).allMatch(i -> i instanceof StreamHole);
        }
    }

    /** Every chunk holds the bytes of {@code payload} at its DSN + {@code shift}. */
    private static void assertEveryChunkAt(FollowedStream stream, List<StreamItem> items, byte[] payload, long shift)
            throws IOException {
        for (StreamItem item : items) {
            if (item instanceof StreamChunk chunk) {
                int at = (int) (chunk.start() + shift);
                assertThat(read(stream, chunk)).as("chunk at DSN %d", chunk.start())
                        .isEqualTo(Arrays.copyOfRange(payload, at, at + chunk.length()));
            }
        }
    }

    private static byte[] read(FollowedStream stream, StreamChunk chunk) throws IOException {
        byte[] bytes = new byte[chunk.length()];
        stream.read(chunk, bytes, 0);
        return bytes;
    }

    private static List<StreamItem> items(FollowedStream stream, FollowDirection direction) {
        List<StreamItem> items = new ArrayList<>();
        for (Iterator<StreamItem> it = stream.items(direction); it.hasNext(); ) {
            items.add(it.next());
        }
        return items;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int length = Math.min(needle.length, 64);
        outer:
        for (int i = 0; i + length <= haystack.length; i++) {
            for (int j = 0; j < length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
