package org.braid.ui.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * Adds Wireshark's conversation items to the connections panel's right-click menu: Conversation
 * Filter (the connection's or subflow's packets), Colorize Conversation and Copy as CSV (the visible columns' titles and
 * the selected row's cells, as the panel shows them).
 */
final class ConnectionsMenu {
    private ConnectionsMenu() {}

    static void install(MainViewModel viewModel, TreeTableView<ConnectionRow> connections) {
        ContextMenu menu = connections.getContextMenu() == null ? new ContextMenu() : connections.getContextMenu();
        MenuItem filter = new MenuItem("Conversation Filter");
        filter.setOnAction(e -> {
            ConnectionRow row = selected(connections);
            if (row != null && row.scope() != null) {
                viewModel.filterBy(row.scope().filter());
            }
        });
        MenuItem csv = new MenuItem("Copy as CSV");
        csv.setOnAction(e -> {
            ConnectionRow row = selected(connections);
            if (row != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(asCsv(connections, connections.getSelectionModel().getSelectedItem()));
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(filter, ConversationColorMenu.menu(viewModel, null, ""), csv);
        int colorize = menu.getItems().size() - 2;
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            ConnectionRow row = selected(connections);
            boolean scoped = row != null && row.scope() != null;
            menu.getItems().set(colorize, ConversationColorMenu.menu(viewModel, scoped ? row.scope().filter() : null,
                    scoped ? row.name() : ""));
            filter.setDisable(row == null || row.scope() == null);
            csv.setDisable(row == null);
        });
        connections.setContextMenu(menu);
    }

    private static ConnectionRow selected(TreeTableView<ConnectionRow> connections) {
        TreeItem<ConnectionRow> item = connections.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** The visible columns' titles, then {@code item}'s cells, as two CSV records. */
    static String asCsv(TreeTableView<ConnectionRow> table, TreeItem<ConnectionRow> item) {
        List<String> titles = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (TreeTableColumn<ConnectionRow, ?> column : table.getVisibleLeafColumns()) {
            titles.add(column.getText());
            Object value = column.getCellData(item);
            cells.add(value == null ? "" : value.toString());
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(titles);
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
