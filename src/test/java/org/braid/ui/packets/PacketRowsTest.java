package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacketRowsTest {
    @Test
    void allRowsMapRowToPacketWithoutStoringThem() {
        PacketRows rows = PacketRows.all(300_000);
        assertThat(rows).hasSize(300_000);
        assertThat(rows.get(299_999)).isEqualTo(new PacketRow(299_999));
        assertThat(rows.rowOf(12)).isEqualTo(12);
        assertThat(rows.rowOf(300_000)).isEqualTo(-1);
    }

    @Test
    void filteredRowsFindTheirPackets() {
        PacketRows rows = PacketRows.of(new int[] {3, 7, 40});
        assertThat(rows).containsExactly(new PacketRow(3), new PacketRow(7), new PacketRow(40));
        assertThat(rows.rowOf(7)).isEqualTo(1);
        assertThat(rows.rowOf(8)).isEqualTo(-1);
        assertThat(rows.packetIndex(2)).isEqualTo(40);
        assertThatThrownBy(() -> rows.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void relativeTimeHasMicroseconds() {
        assertThat(StandardColumn.relativeSeconds(1_500_000_123L)).isEqualTo("1.500000");
        assertThat(StandardColumn.relativeSeconds(2_000L)).isEqualTo("0.000002");
    }
}
