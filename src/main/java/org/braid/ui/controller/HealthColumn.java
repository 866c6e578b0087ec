package org.braid.ui.controller;

import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.braid.model.FindingSeverity;
import org.braid.ui.analysis.ConnectionHealth;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.viewmodel.AnalysisViewModel;

/** The connections panel's health column: worst severity and top finding, the rest in a tooltip. */
final class HealthColumn {
    private HealthColumn() {}

    static void install(TreeTableView<ConnectionRow> table, AnalysisViewModel viewModel) {
        TreeTableColumn<ConnectionRow, ConnectionRow> column = new TreeTableColumn<>("Health");
        column.setId("health");
        column.setPrefWidth(260);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ConnectionRow row, boolean empty) {
                super.updateItem(row, empty);
                for (FindingSeverity s : FindingSeverity.values()) {
                    getStyleClass().remove("expert-" + s.label());
                }
                ConnectionHealth health = empty || row == null || viewModel.trace() == null ? ConnectionHealth.NONE
                        : ConnectionHealth.of(viewModel.trace().analysis().result(), row.scope());
                setText(health.text());
                setTooltip(health.worst() == null ? null : new Tooltip(health.tooltip()));
                if (health.worst() != null) {
                    getStyleClass().add("expert-" + health.worst().severity().label());
                }
            }
        });
        table.getColumns().add(column);
    }
}
