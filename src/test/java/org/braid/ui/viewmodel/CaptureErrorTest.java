package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.braid.capture.CaptureSettings;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.tasks.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A capture that cannot open tells the user why, in the window's error dialog, and nothing starts. */
class CaptureErrorTest {
    private final Preferences node = Preferences.userRoot().node("org/braid/ui-test/" + System.nanoTime());
    private final List<UserMessage> messages = new ArrayList<>();

    @AfterEach
    void removePreferences() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void anUnknownInterfaceIsReportedAndNothingStarts() {
        MainViewModel main = new MainViewModel(new CurrentThreadTaskExecutor(), new UiPreferences(node));
        main.setMessageHandler(messages::add);
        CaptureViewModel capture = main.capture();

        assertThat(capture.start(CaptureSettings.on("braid-nope0"))).isFalse();

        assertThat(messages).hasSize(1);
        UserMessage message = messages.get(0);
        assertThat(message.kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(message.title()).isEqualTo("Capture failed");
        assertThat(message.header()).isEqualTo("Cannot capture on braid-nope0");
        // Not root: the permission message; root: the unknown interface. Either names what to do or what is wrong.
        assertThat(message.details()).isNotBlank().contains("Interface: braid-nope0");
        assertThat(capture.capturingProperty().get()).isFalse();
        assertThat(main.traceProperty().get()).isNull();
    }
}
