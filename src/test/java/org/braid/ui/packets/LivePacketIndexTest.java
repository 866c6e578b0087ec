package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.PacketPass;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** A live index keeps each frame's bytes and gives them back unchanged, with the recorded metadata. */
class LivePacketIndexTest {
    @Test
    void liveIndexGivesBackEveryFrameOfARealTraceWithoutAReader() throws IOException {
        PacketIndex live = PacketIndex.live();
        List<byte[]> originals = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        try (PacketSource source = TraceReader.open(Traces.publicTrace("mptcpanalyzer_iperf-mptcp-0-0.pcap"))) {
            PacketPass.run(source, (frame, packet) -> {
                originals.add(frame.copyBytes());
                timestamps.add(frame.timestampNanos());
                live.add(frame, packet);
            });
        }
        assertThat(live.isLive()).isTrue();
        assertThat(live.size()).isEqualTo(originals.size()).isGreaterThan(1000);
        Frame frame = new Frame();
        for (int i = 0; i < live.size(); i++) {
            assertThat(live.read(null, i, frame)).isTrue();
            assertThat(frame.copyBytes()).as("packet %d", i + 1).isEqualTo(originals.get(i));
            assertThat(frame.timestampNanos()).isEqualTo(timestamps.get(i));
            assertThat(frame.packetNumber()).isEqualTo(i + 1L);
            assertThat(frame.fileOffset()).isEqualTo(-1);
        }
        long captured = originals.stream().mapToLong(bytes -> bytes.length).sum();
        assertThat(live.frameBytes()).isBetween(captured, captured + LiveFrameStore.CHUNK_BYTES);
        assertThat(new PacketIndex().frameBytes()).isZero();
        PacketIndex early = live.snapshot();
        assertThat(early.size()).isEqualTo(live.size());
        assertThat(early.sameCapture(live.snapshot())).isTrue();
        assertThat(early.sameCapture(PacketIndex.live())).isFalse();
        assertThat(new PacketIndex().sameCapture(new PacketIndex())).isFalse();
    }

    @Test
    void framesNeverStraddleChunksAndOversizedFramesGetTheirOwn() {
        LiveFrameStore store = new LiveFrameStore();
        int third = LiveFrameStore.CHUNK_BYTES / 3 + 1; // two fit in a chunk, the third does not
        List<Long> locations = new ArrayList<>();
        int[] lengths = {third, third, third, LiveFrameStore.CHUNK_BYTES + 7, 5};
        for (int k = 0; k < lengths.length; k++) {
            locations.add(store.append(frameOf(lengths[k], (byte) (k + 1))));
        }
        assertThat(locations.get(0) >>> 32).isZero();
        assertThat(locations.get(1) >>> 32).isZero();
        assertThat(locations.get(2) >>> 32).isEqualTo(1);
        assertThat(locations.get(3) >>> 32).isEqualTo(2);
        assertThat(locations.get(4) >>> 32).isEqualTo(3);
        Frame frame = new Frame();
        for (int k = 0; k < lengths.length; k++) {
            store.read(locations.get(k), lengths[k], lengths[k], 1, 0, 0, k + 1, frame);
            byte[] bytes = frame.copyBytes();
            assertThat(bytes).hasSize(lengths[k]);
            assertThat(bytes[0]).isEqualTo((byte) (k + 1));
            assertThat(bytes[bytes.length - 1]).isEqualTo((byte) (k + 1));
        }
        assertThatThrownBy(() -> store.read(9L << 32, 1, 1, 1, 0, 0, 1, frame))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> store.read(locations.get(4), LiveFrameStore.CHUNK_BYTES + 1, 1, 1, 0, 0, 1, frame))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static Frame frameOf(int length, byte fill) {
        byte[] bytes = new byte[length + 3];
        java.util.Arrays.fill(bytes, 3, bytes.length, fill);
        Frame frame = new Frame();
        frame.set(ByteBuffer.wrap(bytes), 3, length, length, 1, 0, 0, 1, -1);
        return frame;
    }
}
