package org.braid.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathSamplesTest {
    @Test
    void valuesComeBackExactlyAcrossChunksAndWidenedOnes() {
        PathSamples samples = new PathSamples(16);
        int n = PathSamples.CHUNK * 3 + 7;
        for (int i = 0; i < n; i++) {
            // Times jump by more than an int of nanoseconds in the second chunk; values go negative.
            long nanos = 1_700_000_000_000_000_000L + i * 1000L + (i == PathSamples.CHUNK + 5 ? 10_000_000_000L : 0);
            samples.add(i % 3, i + 1, nanos, i % 2 == 0 ? -i : (long) i << 33);
        }
        assertThat(samples.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            long nanos = 1_700_000_000_000_000_000L + i * 1000L + (i == PathSamples.CHUNK + 5 ? 10_000_000_000L : 0);
            assertThat(samples.flow(i)).isEqualTo(i % 3);
            assertThat(samples.packet(i)).isEqualTo(i + 1);
            assertThat(samples.nanos(i)).isEqualTo(nanos);
            assertThat(samples.value(i)).isEqualTo(i % 2 == 0 ? -i : (long) i << 33);
        }
    }

    @Test
    void aSnapshotKeepsItsValuesWhileTheTableGoesOnAndWidens() {
        PathSamples samples = new PathSamples(0);
        for (int i = 0; i < 10; i++) {
            samples.add(1, i + 1, i, i);
        }
        PathSamples snapshot = samples.frozen();
        samples.add(1, 11, Long.MAX_VALUE, Long.MIN_VALUE); // widens the chunk the snapshot shares
        assertThat(snapshot.size()).isEqualTo(10);
        assertThat(snapshot.value(9)).isEqualTo(9);
        assertThat(samples.value(9)).isEqualTo(9);
        assertThat(samples.value(10)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> snapshot.add(1, 12, 0, 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.value(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
