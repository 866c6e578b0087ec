package org.braid.ui.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Tab;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import org.braid.model.FindingSeverity;
import org.braid.ui.analysis.ExpertRows;
import org.braid.ui.viewmodel.ExpertViewModel;

/**
 * The Expert Info tab: every finding of the trace under its severity and group with their counts;
 * a click on a line charts its connection and selects its packet.
 */
public final class ExpertInfoController {
    private final ExpertViewModel viewModel;
    @FXML private TreeTableView<ExpertRows> table;

    public ExpertInfoController(ExpertViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The tab, loaded from expert_info.fxml, its title following the findings' counts. */
    public static Tab tab(ExpertViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ExpertInfoController.class.getResource("/fxml/expert_info.fxml"));
        loader.setControllerFactory(type -> new ExpertInfoController(viewModel));
        try {
            Tab tab = new Tab("Expert Info", loader.load());
            tab.setId("expert-info-tab");
            tab.setClosable(false);
            tab.textProperty().bind(viewModel.titleProperty());
            return tab;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void initialize() {
        table.setId("expert-info");
        column("Finding", 520, ExpertRows::text);
        column("Where", 70, ExpertRows::where);
        column("Packet", 70, r -> r.packet() <= 0 ? "" : Long.toString(r.packet()));
        column("Count", 60, r -> r.finding() != null && r.children().isEmpty() ? "" : Integer.toString(r.count()));
        ContentWidths.install(table);
        table.setRowFactory(view -> {
            TreeTableRow<ExpertRows> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(ExpertRows item, boolean empty) {
                    super.updateItem(item, empty);
                    for (FindingSeverity s : FindingSeverity.values()) {
                        getStyleClass().remove("expert-" + s.label());
                    }
                    if (!empty && item != null) {
                        getStyleClass().add("expert-" + item.severity().label());
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (!row.isEmpty() && row.getItem() != null && row.getItem().finding() != null) {
                    viewModel.choose(row.getItem());
                }
            });
            return row;
        });
        viewModel.rows().addListener((ListChangeListener<ExpertRows>) change -> rebuild());
        rebuild();
    }

    private void column(String title, double width, Function<ExpertRows, String> text) {
        TreeTableColumn<ExpertRows, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : text.apply(cell.getValue().getValue())));
        column.setCellFactory(c -> TableColumns.fullTextTreeCell());
        table.getColumns().add(column);
    }

    private void rebuild() {
        TreeItem<ExpertRows> root = new TreeItem<>();
        for (ExpertRows severity : viewModel.rows()) {
            TreeItem<ExpertRows> item = item(severity);
            item.setExpanded(true);
            item.getChildren().forEach(group -> group.setExpanded(true));
            root.getChildren().add(item);
        }
        table.setRoot(root);
    }

    private static TreeItem<ExpertRows> item(ExpertRows row) {
        TreeItem<ExpertRows> item = new TreeItem<>(row);
        row.children().forEach(child -> item.getChildren().add(item(child)));
        return item;
    }

    public TreeTableView<ExpertRows> table() {
        return table;
    }
}
