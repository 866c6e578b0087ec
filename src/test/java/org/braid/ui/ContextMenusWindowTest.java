package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.detailLine;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;
import static org.braid.ui.WindowDriver.menuItem;
import static org.braid.ui.WindowDriver.showMenuOnDetailLine;

import java.nio.file.Path;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.analysis.ConnectionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;

/** Right-click menus of the details tree and the connections panel, as Wireshark offers them. */
@ExtendWith(ApplicationExtension.class)
class ContextMenusWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @Test
    void applyAsFilterOnADetailsFieldFiltersByItsFieldAndValue() {
        driver.openAndWait(DEAD_PATH);
        TreeView<DetailNode> tree = fx(() -> driver.window.controller().packetTree().tree());
        String port = showMenuOnDetailLine(tree, "Destination port: ");
        ContextMenu menu = tree.getContextMenu();
        assertThat(fx(() -> menuItem(menu.getItems(), "Copy", "Field Name").isDisable())).isFalse();

        fxRun(() -> {
            menuItem(menu.getItems(), "Copy", "As Filter").fire();
            menu.hide();
        });
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("tcp.dstport == " + port);

        fxRun(() -> menuItem(menu.getItems(), "Apply as Filter", "Selected").fire());
        WindowDriver.waitUntil("the filter is applied", () -> !driver.viewModel().busyProperty().get()
                && ("tcp.dstport == " + port).equals(driver.viewModel().filterBar().appliedProperty().get()));
        int total = fx(() -> driver.viewModel().traceProperty().get().index().size());
        assertThat(fx(() -> driver.viewModel().rowsProperty().get().size())).isBetween(1, total - 1);
    }

    @Test
    void aLineWithoutAFieldOffersOnlyItsCopies() {
        driver.openAndWait(DEAD_PATH);
        TreeView<DetailNode> tree = fx(() -> driver.window.controller().packetTree().tree());
        fxRun(() -> {
            tree.getSelectionModel().select(detailLine(tree.getRoot(), "Window: "));
            tree.getContextMenu().show(tree, Side.BOTTOM, 0, 0);
        });
        ContextMenu menu = tree.getContextMenu();
        assertThat(fx(() -> menuItem(menu.getItems(), "Apply as Filter").isDisable())).isTrue();
        assertThat(fx(() -> menuItem(menu.getItems(), "Copy", "Value").isDisable())).isFalse();
        fxRun(menu::hide);
    }

    @Test
    void conversationFilterAndCopyAsCsvOnAConnection() {
        driver.openAndWait(DEAD_PATH);
        var table = fx(() -> driver.window.controller().connections().table());
        WindowDriver.waitUntil("connections are listed", () -> fx(() -> table.getExpandedItemCount() > 0));
        fxRun(() -> {
            TreeItem<ConnectionRow> first = table.getRoot().getChildren().get(0);
            while (first.getValue().scope() == null && !first.getChildren().isEmpty()) {
                first = first.getChildren().get(0);
            }
            table.getSelectionModel().select(first);
            table.getContextMenu().show(table, Side.BOTTOM, 0, 0);
        });
        ContextMenu menu = table.getContextMenu();
        String expected = fx(() -> table.getSelectionModel().getSelectedItem().getValue().scope().filter());

        fxRun(() -> {
            menuItem(menu.getItems(), "Copy as CSV").fire();
            menu.hide();
        });
        String csv = fx(() -> Clipboard.getSystemClipboard().getString());
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        String firstTitle = fx(() -> table.getVisibleLeafColumns().get(0).getText());
        assertThat(lines[0]).startsWith(firstTitle);

        fxRun(() -> menuItem(menu.getItems(), "Conversation Filter").fire());
        WindowDriver.waitUntil("the conversation is shown", () -> !driver.viewModel().busyProperty().get()
                && expected.equals(driver.viewModel().filterBar().appliedProperty().get()));
    }
}
