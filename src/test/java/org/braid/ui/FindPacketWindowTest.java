package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import org.braid.testing.Traces;
import org.braid.ui.find.FindQuery;
import org.controlsfx.control.textfield.CustomTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Edit > Find Packet in the real window: Ctrl+Shift+F opens the bar, Enter and Ctrl+N/Ctrl+B step over matches. */
@ExtendWith(ApplicationExtension.class)
class FindPacketWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    private int[] shownBy(String filter) {
        fxRun(() -> driver.viewModel().filterBy(filter));
        WindowDriver.waitUntil("filtered", () -> !driver.viewModel().busyProperty().get()
                && filter.equals(driver.viewModel().filterBar().appliedProperty().get()));
        return fx(() -> driver.viewModel().rowsProperty().get().stream().mapToInt(r -> r.index()).toArray());
    }

    @Test
    void ctrlShiftFOpensTheFindBarAndEnterFindsTheNextMatchingPacket(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        int[] joins = shownBy("mptcp.subtype == 1");
        shownBy("");
        assertThat(joins.length).isGreaterThan(1);
        Node bar = robot.lookup("#findBar").query();
        assertThat(bar.isVisible()).isFalse();
        fxRun(() -> driver.viewModel().select(0));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        CustomTextField field = robot.lookup("#findField").queryAs(CustomTextField.class);
        assertThat(bar.isVisible()).isTrue();
        assertThat(fx(field::isFocused)).isTrue();

        robot.write("mptcp.subtype == 1").type(KeyCode.ENTER);
        WindowDriver.waitUntil("the first join is selected", () -> driver.viewModel().selectedProperty().get() == joins[0]);
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WindowDriver.waitUntil("the second join is selected", () -> driver.viewModel().selectedProperty().get() == joins[1]);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WindowDriver.waitUntil("back to the first", () -> driver.viewModel().selectedProperty().get() == joins[0]);
        assertThat(fx(() -> robot.lookup("#findStatus").queryLabeled().getText())).isEqualTo("Packet " + (joins[0] + 1));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWhereChoiceIsOnlyOpenForAStringAndABadHexValueTurnsTheFieldRed(FxRobot robot) {
        driver.openAndWait(DEAD_PATH);
        fxRun(() -> driver.viewModel().find().shownProperty().set(true));
        ChoiceBox<FindQuery.Where> where = robot.lookup("#findWhere").queryAs(ChoiceBox.class);
        ChoiceBox<FindQuery.Kind> kind = robot.lookup("#findKind").queryAs(ChoiceBox.class);
        assertThat(where.isDisabled()).isTrue();

        fxRun(() -> kind.setValue(FindQuery.Kind.STRING));
        assertThat(where.isDisabled()).isFalse();

        fxRun(() -> kind.setValue(FindQuery.Kind.HEX_VALUE));
        CustomTextField field = robot.lookup("#findField").queryAs(CustomTextField.class);
        fxRun(() -> field.setText("0x1"));
        assertThat(field.getStyleClass()).contains("filter-invalid");
        fxRun(() -> field.setText("0x1e"));
        assertThat(field.getStyleClass()).doesNotContain("filter-invalid");
    }
}
