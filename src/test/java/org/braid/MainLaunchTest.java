package org.braid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines open the window and which run headless. */
class MainLaunchTest {
    @Test
    void windowForNothingOrASingleExistingFile(@TempDir Path dir) throws IOException {
        Path trace = Files.createFile(dir.resolve("t.pcap"));
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {trace.toString()})).isTrue();
    }

    @Test
    void commandLineForSubCommandsOptionsAndMissingFiles(@TempDir Path dir) throws IOException {
        Path trace = Files.createFile(dir.resolve("t.pcap"));
        assertThat(Main.opensWindow(new String[] {"info", trace.toString()})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Main.opensWindow(new String[] {dir.resolve("missing.pcap").toString()})).isFalse();
        assertThat(Main.opensWindow(new String[] {trace.toString(), trace.toString()})).isFalse();
    }

    @Test
    void aFileNamedLikeASubCommandIsTheSubCommand(@TempDir Path dir) throws IOException {
        Path info = Files.createFile(dir.resolve("info"));
        // Run from the folder holding it, "braid info" would be ambiguous: the sub-command wins.
        assertThat(Main.opensWindow(new String[] {"info"})).isFalse();
        assertThat(Main.opensWindow(new String[] {info.toString()})).isTrue();
    }
}
