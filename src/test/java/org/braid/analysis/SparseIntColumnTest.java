package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseIntColumnTest {
    @Test
    void readsBackWhatWasPutThroughGrowthAndOverwrites() {
        SparseIntColumn column = new SparseIntColumn(-1);
        Map<Integer, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int index = random.nextInt(50_000);
            int value = random.nextInt(1_000_000);
            column.put(index, value);
            expected.put(index, value);
        }
        for (int index = 0; index < 50_000; index++) {
            assertThat(column.get(index)).as("index %d", index).isEqualTo(expected.getOrDefault(index, -1));
        }
    }
}
