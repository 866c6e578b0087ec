package org.braid.ui.controller;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.viewmodel.AnalysisViewModel;

/**
 * The connections panel: MPTCP connections expanding into their subflows, then fallen-back,
 * refused and plain TCP connections, with their key figures. Selecting a line filters the packet
 * list to it and charts its connection.
 */
public final class ConnectionsController {
    private static final int EXPANDED_CONNECTIONS = 8;
    private final AnalysisViewModel viewModel;
    @FXML private TreeTableView<ConnectionRow> table;

    public ConnectionsController(AnalysisViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        table.setShowRoot(false);
        column("Connection", 330, ConnectionRow::name);
        column("Duration", 75, ConnectionRow::duration);
        column("Client sent", 80, ConnectionRow::sent);
        column("Server sent", 80, ConnectionRow::received);
        column("Share", 60, ConnectionRow::share);
        column("Reinj.", 50, ConnectionRow::reinjections);
        column("Cksum fail", 70, ConnectionRow::checksumFailures);
        column("End", 90, ConnectionRow::end);
        HealthColumn.install(table, viewModel);
        viewModel.connections().addListener((ListChangeListener<ConnectionRow>) change -> rebuild());
        rebuild();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() != null && now.getValue().scope() != null) {
                viewModel.select(now.getValue().scope());
            }
        });
    }

    private void column(String title, double width, Function<ConnectionRow, String> text) {
        TreeTableColumn<ConnectionRow, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : text.apply(cell.getValue().getValue())));
        table.getColumns().add(column);
    }

    private void rebuild() {
        TreeItem<ConnectionRow> root = new TreeItem<>();
        for (ConnectionRow group : viewModel.connections()) {
            TreeItem<ConnectionRow> item = item(group);
            item.setExpanded(true);
            // A few connections show their subflows at once; many stay one line each.
            if (item.getChildren().size() <= EXPANDED_CONNECTIONS) {
                item.getChildren().forEach(connection -> connection.setExpanded(true));
            }
            root.getChildren().add(item);
        }
        table.setRoot(root);
    }

    private static TreeItem<ConnectionRow> item(ConnectionRow row) {
        TreeItem<ConnectionRow> item = new TreeItem<>(row);
        row.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    public TreeTableView<ConnectionRow> table() {
        return table;
    }
}
