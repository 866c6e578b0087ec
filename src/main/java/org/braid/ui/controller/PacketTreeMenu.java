package org.braid.ui.controller;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.braid.render.DetailNode;
import org.braid.ui.packets.DetailFields;
import org.braid.ui.viewmodel.FilterCombination;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * The details tree's right-click menu, for the selected line: Apply as Column, Apply as Filter and Prepare as Filter
 * (selected, not selected, and, or) and Copy (line, value, field name, as filter), as in Wireshark.
 * Lines without a filter field keep only the copies that make sense.
 */
final class PacketTreeMenu {
    private final MainViewModel viewModel;
    private final TreeView<DetailNode> tree;
    private final ContextMenu menu = new ContextMenu();

    /** Adds a packet-list column for a field ("Apply as Column"). */
    private final Consumer<String> applyAsColumn;

    private PacketTreeMenu(MainViewModel viewModel, TreeView<DetailNode> tree, Consumer<String> applyAsColumn) {
        this.viewModel = viewModel;
        this.applyAsColumn = applyAsColumn;
        this.tree = tree;
        build(); // a context menu without items never shows, so it holds the disabled ones until then
        menu.setOnShowing(event -> build());
        tree.setContextMenu(menu);
    }

    static void install(MainViewModel viewModel, TreeView<DetailNode> tree, Consumer<String> applyAsColumn) {
        new PacketTreeMenu(viewModel, tree, applyAsColumn);
    }

    private void build() {
        TreeItem<DetailNode> selected = tree.getSelectionModel().getSelectedItem();
        DetailNode node = selected == null ? null : selected.getValue();
        Optional<DetailFields.DetailField> field = DetailFields.of(node);
        Optional<String> filter = field.map(DetailFields.DetailField::filter);
        Menu copy = new Menu("Copy");
        copy.setId("treeCopy");
        copy.getItems().addAll(
                copyItem("Line", node == null ? null : node.text()),
                copyItem("Value", node == null ? null : DetailFields.valueText(node)),
                copyItem("Field Name", field.map(DetailFields.DetailField::name).orElse(null)),
                copyItem("As Filter", filter.orElse(null)));
        MenuItem column = new MenuItem("Apply as Column");
        column.setId("treeApplyAsColumn");
        column.setDisable(field.isEmpty());
        field.ifPresent(picked -> column.setOnAction(e -> applyAsColumn.accept(picked.name())));
        menu.getItems().setAll(column, filterMenu("Apply as Filter", filter, true), filterMenu("Prepare as Filter", filter, false),
                copy);
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

    private static MenuItem copyItem(String title, String text) {
        MenuItem item = new MenuItem(title);
        item.setDisable(text == null);
        item.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        return item;
    }
}
