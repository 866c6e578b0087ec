package org.braid.ui.controller;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.analysis.Figures;
import org.braid.ui.viewmodel.AnalysisViewModel;

/**
 * The connections panel: MPTCP connections expanding into their subflows, then fallen-back,
 * refused and plain TCP connections, with their key figures. Selecting a line filters the packet
 * list to it and charts its connection.
 */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
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
        column("Connection", 330, ConnectionRow::name, "Endpoints, MPTCP version and subflows");
        column("Duration", 0, ConnectionRow::duration, "First to last packet");
        column("Client sent", 0, ConnectionRow::sent,
                "Connection: unique data-level bytes the client sent. Subflow: TCP payload bytes, retransmissions included");
        column("Server sent", 0, ConnectionRow::received, "Counted as Client sent, for the server");
        column("Share", 0, ConnectionRow::share, "A subflow's share of its connection's unique data-level bytes "
                + "(both directions) that it carried first; reinjected copies are not counted. The Throughput chart's "
                + "shares count every payload byte sent, retransmissions included, so the two can differ.");
        column("Reinjections", 0, ConnectionRow::reinjections, "Reinjected packets (onto the subflow, for a subflow)");
        column("Checksum failures", 0, ConnectionRow::checksumFailures, "Packets whose DSS checksum failed");
        column("End", 90, ConnectionRow::end, "How it ended");
        HealthColumn.install(table, viewModel);
        ContentWidths.install(table);
        viewModel.connections().addListener((ListChangeListener<ConnectionRow>) change -> rebuild());
        rebuild();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() != null && now.getValue().scope() != null) {
                viewModel.select(now.getValue().scope());
            }
        });
    }

    /** A sortable column, at least as wide as its title ({@code width} 0), explained in its header's tooltip. */
    private void column(String title, double width, Function<ConnectionRow, String> text, String definition) {
        TreeTableColumn<ConnectionRow, String> column = new TreeTableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(definition));
        header.getTooltip().setWrapText(true);
        header.getTooltip().setPrefWidth(360);
        column.setGraphic(header);
        column.setText("");
        column.setId("connections-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        column.setPrefWidth(Math.max(width, new Text(title).getLayoutBounds().getWidth() + 30));
        column.setComparator(Figures.ORDER);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : text.apply(cell.getValue().getValue())));
        column.setCellFactory(c -> TableColumns.fullTextTreeCell());
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
