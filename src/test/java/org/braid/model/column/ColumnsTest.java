package org.braid.model.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void rowsReadBackAcrossChunksAndUnsetRowsReadAbsent() {
        LongColumn longs = new LongColumn(Long.MIN_VALUE);
        IntColumn ints = new IntColumn(-1);
        ByteColumn bytes = new ByteColumn((byte) 0);
        int rows = 3 * ChunkLayout.CHUNK + 17;
        for (int row = 0; row < rows; row += 3) {
            longs.set(row, row * 1_000_000_007L);
            ints.set(row, row);
            bytes.set(row, (byte) row);
        }
        for (int row = 0; row < rows + 10; row++) {
            boolean set = row % 3 == 0 && row < rows;
            assertThat(longs.get(row)).isEqualTo(set ? row * 1_000_000_007L : Long.MIN_VALUE);
            assertThat(ints.get(row)).isEqualTo(set ? row : -1);
            assertThat(bytes.get(row)).isEqualTo(set ? (byte) row : 0);
        }
    }

    @Test
    void randomWritesAgreeWithAPlainArray() {
        Random random = new Random(7);
        int rows = 5 * ChunkLayout.CHUNK;
        int[] expected = new int[rows];
        java.util.Arrays.fill(expected, 42);
        IntColumn column = new IntColumn(42);
        for (int i = 0; i < 20_000; i++) {
            int row = random.nextInt(rows);
            int value = random.nextInt(4); // 42 never, so every write sticks
            column.set(row, value);
            expected[row] = value;
        }
        for (int row = 0; row < rows; row++) {
            assertThat(column.get(row)).as("row %d", row).isEqualTo(expected[row]);
        }
    }

    @Test
    void settingAbsentLeavesTheRowAbsentAndTheFirstChunkStartsSmall() {
        IntColumn column = new IntColumn(-1);
        column.set(1_000_000, -1);
        assertThat(column.get(1_000_000)).isEqualTo(-1);
        assertThat(ChunkLayout.lengthFor(0, 3, 0)).isEqualTo(ChunkLayout.FIRST_CHUNK);
        assertThat(ChunkLayout.lengthFor(0, 40, 16)).isEqualTo(64);
        assertThat(ChunkLayout.lengthFor(2, 0, 0)).isEqualTo(ChunkLayout.CHUNK);
    }

    @Test
    void reservedRowsReadAbsentUntilSetAndKeepWhatWasSetBefore() {
        LongColumn column = new LongColumn(-7);
        column.set(3, 42);
        column.reserve(2 * ChunkLayout.CHUNK + 1);
        assertThat(column.get(3)).isEqualTo(42);
        assertThat(column.get(4)).isEqualTo(-7);
        assertThat(column.get(2 * ChunkLayout.CHUNK)).isEqualTo(-7);
        column.set(2 * ChunkLayout.CHUNK, 5);
        assertThat(column.get(2 * ChunkLayout.CHUNK)).isEqualTo(5);
    }

    @Test
    void negativeRowsAreRefused() {
        assertThatThrownBy(() -> new LongColumn(0).get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void forEachMatchingVisitsExactlyTheRowsAGetPerRowWouldFind() {
        IntColumn column = new IntColumn(0);
        Random random = new Random(3);
        int rows = 3 * ChunkLayout.CHUNK + 17;
        for (int row = 0; row < rows; row++) {
            // a chunk left empty, and a row set beyond those visited
            if (row / ChunkLayout.CHUNK != 1 && random.nextInt(5) == 0) {
                column.set(row, 1 << random.nextInt(4));
            }
        }
        column.set(rows + 5, 1);
        java.util.List<Integer> visited = new java.util.ArrayList<>();
        column.forEachMatching(rows, 0b0101, (row, value) -> {
            assertThat(value).isEqualTo(column.get(row));
            visited.add(row);
        });
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        for (int row = 0; row < rows; row++) {
            if ((column.get(row) & 0b0101) != 0) {
                expected.add(row);
            }
        }
        assertThat(visited).isNotEmpty().isEqualTo(expected);
        assertThatThrownBy(() -> new IntColumn(-1).forEachMatching(1, 1, (row, value) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
