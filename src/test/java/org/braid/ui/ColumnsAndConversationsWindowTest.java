package org.braid.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.ui.WindowDriver.fx;
import static org.braid.ui.WindowDriver.fxRun;
import static org.braid.ui.WindowDriver.menuItem;
import static org.braid.ui.WindowDriver.showMenuOnDetailLine;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.analysis.Conversations.Conversation;
import org.braid.ui.packets.FieldColumn;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRow;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.viewmodel.PacketColumnsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;

/** Apply as Column, the column choice and its header menu, Statistics > Conversations and Colorize Conversation. */
@ExtendWith(ApplicationExtension.class)
class ColumnsAndConversationsWindowTest {
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");
    @RegisterExtension final WindowDriver driver = new WindowDriver();

    @AfterEach
    void closeOtherWindows() {
        fxRun(() -> Window.getWindows().stream().filter(w -> w != driver.window.stage()).filter(Window::isShowing)
                .filter(Stage.class::isInstance).toList().forEach(w -> ((Stage) w).close()));
    }

    private TableView<PacketRow> packetList() {
        return fx(() -> driver.window.controller().packetList().table());
    }

    private static TableColumn<PacketRow, ?> column(TableView<PacketRow> table, PacketColumn column) {
        return fx(() -> table.getColumns().stream().filter(c -> column.equals(c.getUserData())).findFirst().orElse(null));
    }

    /** The column choice as the next run would read it from the preferences. */
    private PacketColumnsViewModel nextRun() {
        return fx(() -> new PacketColumnsViewModel(new UiPreferences(driver.preferences)));
    }

    @Test
    void applyAsColumnShowsTheFieldOfEveryPacketAndIsKeptForTheNextRun() {
        driver.openAndWait(DEAD_PATH);
        TreeView<DetailNode> tree = fx(() -> driver.window.controller().packetTree().tree());
        String port = showMenuOnDetailLine(tree, "Destination port: ");
        fxRun(() -> {
            menuItem(tree.getContextMenu().getItems(), "Apply as Column").fire();
            tree.getContextMenu().hide();
        });
        FieldColumn expected = new FieldColumn("tcp.dstport", true);
        TableView<PacketRow> table = packetList();
        TableColumn<PacketRow, ?> added = column(table, expected);
        assertThat(added).as("the new column").isNotNull();
        assertThat(fx(() -> added.getText())).isEqualTo("tcp.dstport");
        assertThat(fx(() -> added.getCellData(0))).isEqualTo(port);
        // A packet of the other direction shows its own destination port.
        int selected = fx(() -> driver.viewModel().selectedProperty().get());
        assertThat(selected).isZero();
        assertThat(fx(() -> table.getItems().stream().limit(20).map(r -> (String) added.getCellData(r)).distinct().count()))
                .isGreaterThan(1);
        assertThat(nextRun().columns()).contains(expected);
    }

    @Test
    void theHeaderMenuHidesAndRemovesColumnsAndADraggedOrderIsKept() {
        driver.openAndWait(DEAD_PATH);
        TableView<PacketRow> table = packetList();
        assertThat(fx(() -> driver.window.controller().packetList().applyAsColumn("tcp.len"))).isTrue();
        assertThat(fx(() -> driver.window.controller().packetList().applyAsColumn("no.such.field"))).isFalse();
        FieldColumn length = new FieldColumn("tcp.len", true);
        TableColumn<PacketRow, ?> lengthColumn = column(table, length);
        ContextMenu menu = fx(lengthColumn::getContextMenu);
        fxRun(() -> menu.show(table, Side.BOTTOM, 0, 0));
        CheckMenuItem protocol = (CheckMenuItem) fx(() -> menuItem(menu.getItems(), "Protocol"));
        assertThat(fx(protocol::isSelected)).isTrue();
        fxRun(() -> {
            protocol.setSelected(false);
            menu.hide();
        });
        assertThat(fx(() -> column(table, StandardColumn.PROTOCOL).isVisible())).isFalse();
        assertThat(nextRun().isVisible(StandardColumn.PROTOCOL)).isFalse();

        // Dragging a header moves its column in the table's list, as this does.
        fxRun(() -> {
            TableColumn<PacketRow, ?> first = table.getColumns().remove(0);
            table.getColumns().add(3, first);
        });
        assertThat(fx(() -> driver.viewModel().columns().indexOf(StandardColumn.NUMBER))).isEqualTo(3);
        assertThat(nextRun().columns().indexOf(StandardColumn.NUMBER)).isEqualTo(3);

        fxRun(() -> menu.show(table, Side.BOTTOM, 0, 0));
        fxRun(() -> {
            menuItem(menu.getItems(), "Remove Column \"tcp.len\"").fire();
            menu.hide();
        });
        assertThat(column(table, length)).isNull();
        assertThat(nextRun().columns()).doesNotContain(length);
    }

    @Test
    void columnsFitTheirContentAndACutCellShowsItsTextInATooltip() {
        driver.openAndWait(DEAD_PATH);
        TableView<PacketRow> table = packetList();
        WindowDriver.waitUntil("the columns fit their content", () -> fx(() -> {
            TableColumn<PacketRow, ?> source = column(table, StandardColumn.SOURCE);
            return source.getWidth() < StandardColumn.SOURCE.width();
        }));
        for (PacketColumn shown : List.of(StandardColumn.PROTOCOL, StandardColumn.MPTCP_SUBTYPE, StandardColumn.LENGTH)) {
            TableColumn<PacketRow, ?> column = column(table, shown);
            double header = fx(() -> new Text(column.getText()).getLayoutBounds().getWidth());
            assertThat(fx(column::getWidth)).as(shown.title()).isGreaterThan(header);
        }
        TableColumn<PacketRow, ?> info = column(table, StandardColumn.INFO);
        fxRun(() -> info.setPrefWidth(60));
        WindowDriver.waitUntil("a cut Info cell has a tooltip", () -> fx(() -> {
            table.layout();
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == info && !cell.isEmpty()
                        && cell.getTooltip() != null) {
                    return cell.getTooltip().getText().equals(((Labeled) cell).getText());
                }
            }
            return false;
        }));
    }

    @Test
    void conversationsFilterTheWindowAndColourTheirPackets() {
        driver.openAndWait(DEAD_PATH);
        fxRun(() -> {
            MenuBar bar = (MenuBar) driver.window.stage().getScene().lookup("#menuBar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "conversationsItem".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        Stage conversations = fx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Conversations"))
                .findFirst().orElseThrow());
        TabPane tabs = fx(() -> (TabPane) conversations.getScene().getRoot().lookup(".tab-pane"));
        @SuppressWarnings("unchecked")
        TableView<Conversation> mptcp = fx(() -> (TableView<Conversation>) tabs.getTabs().get(0).getContent());
        @SuppressWarnings("unchecked")
        TableView<Conversation> tcp = fx(() -> (TableView<Conversation>) tabs.getTabs().get(1).getContent());
        WindowDriver.waitUntil("conversations are counted", () -> fx(() -> !mptcp.getItems().isEmpty()));
        int subflows = fx(() -> driver.viewModel().traceProperty().get().analysis().result().connections().get(0)
                .subflows().size());
        assertThat(fx(() -> mptcp.getItems().get(0).subflows())).isEqualTo(subflows);
        assertThat(fx(() -> tcp.getItems().size())).isGreaterThanOrEqualTo(subflows);

        // Sorted by packets, most first.
        fxRun(() -> {
            TableColumn<Conversation, ?> packets = tcp.getColumns().stream()
                    .filter(c -> c.getText().equals("Packets")).findFirst().orElseThrow();
            packets.setSortType(TableColumn.SortType.DESCENDING);
            tcp.getSortOrder().setAll(List.of(packets));
        });
        List<Long> packets = fx(() -> tcp.getItems().stream().map(Conversation::packets).toList());
        assertThat(packets).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        fxRun(() -> {
            mptcp.getSelectionModel().select(0);
            mptcp.getContextMenu().show(mptcp, Side.BOTTOM, 0, 0);
        });
        fxRun(() -> menuItem(mptcp.getContextMenu().getItems(), "Apply as Filter", "Selected").fire());
        WindowDriver.waitUntil("the connection is shown", () -> !driver.viewModel().busyProperty().get()
                && "mptcp.connection == 0".equals(driver.viewModel().filterBar().appliedProperty().get()));

        fxRun(() -> menuItem(mptcp.getContextMenu().getItems(), "Colorize Conversation", "Pink").fire());
        TableView<PacketRow> list = packetList();
        WindowDriver.waitUntil("the connection's rows are pink", () -> fx(() -> {
            list.layout();
            List<TableRow<?>> rows = list.lookupAll(".table-row-cell").stream().<TableRow<?>>map(n -> (TableRow<?>) n)
                    .filter(r -> !r.isEmpty() && r.getItem() != null && !r.isSelected()).toList();
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getStyleClass().contains("conversation-pink"));
        }));
        fxRun(() -> mptcp.getContextMenu().hide());
        fxRun(() -> mptcp.getContextMenu().show(mptcp, Side.BOTTOM, 0, 0));
        fxRun(() -> {
            menuItem(mptcp.getContextMenu().getItems(), "Colorize Conversation", "Reset Colorization").fire();
            mptcp.getContextMenu().hide();
        });
        assertThat(fx(() -> driver.viewModel().conversationColoring().rules())).isEmpty();
        WindowDriver.waitUntil("the rows lose the colour", () -> fx(() -> {
            list.layout();
            return list.lookupAll(".table-row-cell").stream().noneMatch(n -> n.getStyleClass().contains("conversation-pink"));
        }));
    }
}
