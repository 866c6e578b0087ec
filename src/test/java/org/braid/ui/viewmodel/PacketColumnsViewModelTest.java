package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.braid.ui.packets.FieldColumn;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.prefs.UiPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The column choice, kept in a throw-away preferences node, never the user's. */
class PacketColumnsViewModelTest {
    private final Preferences node = Preferences.userRoot().node("org/braid/ui-test/columns-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    private PacketColumnsViewModel fresh() {
        return new PacketColumnsViewModel(new UiPreferences(node));
    }

    @Test
    void aFieldColumnGoesBeforeInfoAndIsKeptAcrossRuns() {
        PacketColumnsViewModel columns = fresh();
        PacketColumn added = columns.addField("tcp.len", true);
        assertThat(columns.columns().indexOf(added)).isEqualTo(columns.columns().indexOf(StandardColumn.INFO) - 1);
        assertThat(columns.addField("tcp.len", true)).isEqualTo(added);
        assertThat(fresh().columns()).isEqualTo(columns.columns());
    }

    @Test
    void hiddenColumnsOrderAndWidthsAreKeptAcrossRuns() {
        PacketColumnsViewModel columns = fresh();
        columns.setVisible(StandardColumn.PROTOCOL, false);
        columns.setWidth(StandardColumn.SOURCE, 210);
        List<PacketColumn> order = new ArrayList<>(columns.columns());
        order.add(0, order.remove(order.size() - 1));
        columns.reorder(order);

        PacketColumnsViewModel again = fresh();
        assertThat(again.columns()).isEqualTo(order);
        assertThat(again.isVisible(StandardColumn.PROTOCOL)).isFalse();
        assertThat(again.isVisible(StandardColumn.SOURCE)).isTrue();
        assertThat(again.width(StandardColumn.SOURCE)).isEqualTo(210);
        assertThat(again.width(StandardColumn.TIME)).isNaN();
    }

    @Test
    void onlyAddedColumnsCanBeRemovedAndResetRestoresTheDefaults() {
        PacketColumnsViewModel columns = fresh();
        PacketColumn added = columns.addField("ip.src", false);
        columns.remove(StandardColumn.NUMBER);
        assertThat(columns.columns()).contains(StandardColumn.NUMBER, added);
        columns.remove(added);
        assertThat(columns.columns()).doesNotContain(added).isEqualTo(PacketColumnsViewModel.DEFAULTS);

        columns.addField("tcp.seq", true);
        columns.setVisible(StandardColumn.TIME, false);
        columns.reset();
        assertThat(fresh().columns()).isEqualTo(PacketColumnsViewModel.DEFAULTS);
        assertThat(fresh().isVisible(StandardColumn.TIME)).isTrue();
        assertThat(columns.columns()).noneMatch(FieldColumn.class::isInstance);
    }
}
