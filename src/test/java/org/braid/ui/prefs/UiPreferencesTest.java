package org.braid.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("org/braid/ui-test/prefs-" + System.nanoTime());
    private final UiPreferences preferences = new UiPreferences(node);

    @AfterEach
    void remove() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndBounded() {
        for (int i = 0; i < UiPreferences.MAX_RECENT + 3; i++) {
            preferences.addRecentFile(Paths.get("/traces/t" + i + ".pcap"));
        }
        preferences.addRecentFile(Paths.get("/traces/t5.pcap"));
        var recent = preferences.recentFiles();
        assertThat(recent).hasSize(UiPreferences.MAX_RECENT);
        assertThat(recent.get(0)).isEqualTo(Path.of("/traces/t5.pcap"));
        assertThat(recent.get(1)).isEqualTo(Path.of("/traces/t12.pcap"));
        assertThat(recent).doesNotHaveDuplicates().doesNotContain(Path.of("/traces/t0.pcap"));
        preferences.clearRecentFiles();
        assertThat(preferences.recentFiles()).isEmpty();
    }

    @Test
    void layoutRoundTrips() {
        assertThat(preferences.windowBounds()).isNull();
        assertThat(preferences.dividers()).isEmpty();
        preferences.saveWindowBounds(new UiPreferences.Bounds(10, 20, 1000, 700, false));
        preferences.saveDividers(new double[] {0.4, 0.75});
        UiPreferences again = new UiPreferences(node);
        assertThat(again.windowBounds()).isEqualTo(new UiPreferences.Bounds(10, 20, 1000, 700, false));
        assertThat(again.dividers()).containsExactly(0.4, 0.75);
        node.put("dividers", "0.4,garbage");
        assertThat(again.dividers()).isEmpty();
    }
}
