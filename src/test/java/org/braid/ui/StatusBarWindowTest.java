package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import org.braid.testing.Traces;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The status line is ControlsFX's StatusBar: the file on the left, its progress bar only while a task runs. */
@ExtendWith(ApplicationExtension.class)
class StatusBarWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    /** A failed test may leave the load held. */
    @AfterEach
    void releaseTasks() {
        driver.release();
    }

    @Test
    void theBarShowsTheFileAndItsProgressOnlyWhileLoading(FxRobot robot) {
        StatusBar bar = robot.lookup(".status-bar").queryAs(StatusBar.class);
        assertThat(fx(bar::getProgress)).isZero();

        driver.holdTasks();
        fxRun(() -> driver.viewModel().open(DEAD_PATH));
        // Loading has not reported any progress yet: the bar is indeterminate rather than hidden.
        assertThat(fx(bar::getProgress)).isEqualTo(-1.0);
        driver.release();
        WindowDriver.waitUntil("loaded", () -> !driver.viewModel().busyProperty().get()
                && driver.viewModel().traceProperty().get() != null);

        assertThat(fx(bar::getProgress)).isZero();
        assertThat(fx(bar::getText)).isEqualTo(fx(() -> driver.viewModel().fileTextProperty().get())).contains("dead-path.pcap");
        assertThat(fx(() -> robot.lookup(".status-counts").queryLabeled().getText())).isEqualTo("Packets: 1577");
    }
}
