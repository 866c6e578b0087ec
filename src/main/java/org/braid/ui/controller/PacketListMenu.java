package org.braid.ui.controller;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.braid.ui.packets.ColumnFilters;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRow;
import org.braid.ui.viewmodel.FilterCombination;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * The packet list's right-click menu, for the cell under the mouse: Apply as Filter and Prepare
 * as Filter (selected, not selected, and, or), Copy (value, as filter) and Colorize Conversation, as in Wireshark.
 * Other features add their own items to {@link #extraItems()}.
 */
final class PacketListMenu {
    private final MainViewModel viewModel;
    private final ContextMenu menu = new ContextMenu();
    private final java.util.List<MenuItem> extraItems = new java.util.ArrayList<>();

    PacketListMenu(MainViewModel viewModel, TableView<PacketRow> table) {
        this.viewModel = viewModel;
        table.setOnContextMenuRequested(event -> {
            if (show(table, event.getPickResult().getIntersectedNode(), event.getScreenX(), event.getScreenY())) {
                event.consume();
            }
        });
        // Where a right click makes no context-menu request (some platforms, the headless one), the click shows it.
        table.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> {
            if (event.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                show(table, event.getPickResult().getIntersectedNode(), event.getScreenX(), event.getScreenY());
            }
        });
    }

    /** Items shown after the filter and copy items, for every cell. */
    java.util.List<MenuItem> extraItems() {
        return extraItems;
    }

    private boolean show(TableView<PacketRow> table, Node picked, double screenX, double screenY) {
        TableCell<?, ?> cell = cellAt(picked);
        if (cell == null || cell.isEmpty() || !(cell.getTableColumn().getUserData() instanceof PacketColumn column)) {
            return false;
        }
        String value = cell.getText() == null ? "" : cell.getText();
        Optional<String> filter = ColumnFilters.of(column, value);
        menu.getItems().setAll(filterMenu("Apply as Filter", filter, true), filterMenu("Prepare as Filter", filter, false),
                copyMenu(value, filter));
        if (cell.getTableRow() != null && cell.getTableRow().getItem() instanceof PacketRow row) {
            menu.getItems().add(ConversationColorMenu.forPacket(viewModel, row.index()));
        }
        menu.getItems().addAll(extraItems);
        menu.show(table, screenX, screenY);
        return true;
    }

    private Menu filterMenu(String title, Optional<String> filter, boolean apply) {
        Menu submenu = new Menu(title);
        for (FilterCombination how : FilterCombination.values()) {
            MenuItem item = new MenuItem(how.label());
            item.setOnAction(e -> filter.ifPresent(picked -> viewModel.useAsFilter(picked, how, apply)));
            submenu.getItems().add(item);
        }
        submenu.setDisable(filter.isEmpty());
        return submenu;
    }

    private static Menu copyMenu(String value, Optional<String> filter) {
        MenuItem copyValue = new MenuItem("Value");
        copyValue.setOnAction(e -> copy(value));
        MenuItem copyFilter = new MenuItem("As Filter");
        copyFilter.setDisable(filter.isEmpty());
        copyFilter.setOnAction(e -> filter.ifPresent(PacketListMenu::copy));
        Menu copy = new Menu("Copy");
        copy.getItems().addAll(copyValue, copyFilter);
        return copy;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static TableCell<?, ?> cellAt(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TableCell<?, ?> cell) {
                return cell;
            }
        }
        return null;
    }
}
