package org.braid.ui.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import org.braid.filter.Field;
import org.braid.filter.FieldType;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRow;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.viewmodel.MainViewModel;
import org.braid.ui.viewmodel.PacketColumnsViewModel;

/**
 * The packet list's columns as the user chose them: built from the view model's choice, with a
 * header menu to show, hide, add, remove and size them; dragging a header reorders them, and
 * dragging an edge sets a width the preferences keep. Unset widths fit the content of the rows
 * shown when a trace opens. A cut cell shows its full text in a tooltip.
 */
final class PacketListColumns {
    private final MainViewModel viewModel;
    private final PacketColumnsViewModel choice;
    private final TableView<PacketRow> table;
    /** Room left for the list's vertical scroll bar when Info fills the rest. */
    private static final double VERTICAL_SCROLL_BAR = 20;
    /** Info's least width when it fills the rest: the start of an MPTCP summary ("DSS dsn=... ack=..."). */
    private static final double INFO_MIN_WIDTH = 300;
    private final ContentWidths widths;
    /** True while the table's columns are set from the choice, so the change is not echoed back. */
    private boolean building;

    PacketListColumns(MainViewModel viewModel, TableView<PacketRow> table) {
        this.viewModel = viewModel;
        this.choice = viewModel.packetColumns();
        this.table = table;
        this.widths = ContentWidths.installManual(table, column -> column.getUserData() == StandardColumn.INFO
                || !Double.isNaN(choice.width((PacketColumn) column.getUserData())));
        widths.setOnUserResize(column -> choice.setWidth((PacketColumn) column.getUserData(), column.getWidth()));
        build();
        table.widthProperty().addListener((o, was, now) -> fillWithInfo());
        choice.columns().addListener((ListChangeListener<PacketColumn>) change -> {
            if (!shown().equals(choice.columns())) {
                build();
            }
        });
        // A header dragged elsewhere: the new order becomes the choice.
        table.getColumns().addListener((ListChangeListener<TableColumn<PacketRow, ?>>) change -> {
            if (!building) {
                choice.reorder(shown());
            }
        });
        viewModel.traceProperty().addListener((o, was, now) -> {
            if (now != null && (was == null || was.reader() == null || was.reader() != now.reader())) {
                widths.refit(); // a newly opened trace, not the next part of one loading
            }
        });
    }

    private List<PacketColumn> shown() {
        return table.getColumns().stream().map(c -> (PacketColumn) c.getUserData()).toList();
    }

    private void build() {
        List<TableColumn<PacketRow, ?>> made = new ArrayList<>();
        for (PacketColumn column : choice.columns()) {
            made.add(tableColumn(column));
        }
        building = true;
        try {
            table.getSortOrder().removeIf(c -> !choice.columns().contains((PacketColumn) c.getUserData()));
            table.getColumns().setAll(made);
        } finally {
            building = false;
        }
        widths.refit();
    }

    /**
     * Info, as in Wireshark, takes the width the other columns leave, so that sizing them to their
     * content never pushes it out of sight; never narrower than {@link #INFO_MIN_WIDTH}, nor when the user sized it.
     */
    private void fillWithInfo() {
        TableColumn<PacketRow, ?> info = null;
        double others = 0;
        for (TableColumn<PacketRow, ?> column : table.getColumns()) {
            if (column.getUserData() == StandardColumn.INFO) {
                info = column;
            } else if (column.isVisible()) {
                others += column.getWidth();
            }
        }
        if (info == null || !info.isVisible() || !Double.isNaN(choice.width(StandardColumn.INFO))) {
            return;
        }
        double room = table.getWidth() - others - VERTICAL_SCROLL_BAR;
        double width = Math.max(INFO_MIN_WIDTH, room);
        if (Math.abs(info.getPrefWidth() - width) > 1) {
            info.setPrefWidth(width);
        }
    }

    private TableColumn<PacketRow, String> tableColumn(PacketColumn column) {
        TableColumn<PacketRow, String> tableColumn = new TableColumn<>(column.title());
        double saved = choice.width(column);
        tableColumn.setPrefWidth(Double.isNaN(saved) ? column.width() : saved);
        tableColumn.setUserData(column);
        tableColumn.setId("column-" + column.title());
        tableColumn.setVisible(choice.isVisible(column));
        tableColumn.visibleProperty().addListener((o, was, now) -> choice.setVisible(column, now));
        tableColumn.widthProperty().addListener((o, was, now) -> fillWithInfo());
        tableColumn.visibleProperty().addListener((o, was, now) -> fillWithInfo());
        tableColumn.setCellValueFactory(cell -> {
            PacketColumn.RowContext context = viewModel.rowContextProperty().get();
            return new ReadOnlyStringWrapper(context == null ? "" : column.text(context, cell.getValue().index()));
        });
        tableColumn.setCellFactory(c -> new FullTextCell(column.numeric()));
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> menu.getItems().setAll(headerItems(column)));
        menu.getItems().add(new MenuItem()); // a menu without items never shows
        tableColumn.setContextMenu(menu);
        return tableColumn;
    }

    /** The header's menu: a check item per column, then remove, add, size and reset. */
    private List<MenuItem> headerItems(PacketColumn clicked) {
        List<MenuItem> items = new ArrayList<>();
        long visible = choice.columns().stream().filter(choice::isVisible).count();
        for (TableColumn<PacketRow, ?> tableColumn : table.getColumns()) {
            CheckMenuItem item = new CheckMenuItem(tableColumn.getText());
            item.setMnemonicParsing(false);
            item.setSelected(tableColumn.isVisible());
            item.setDisable(tableColumn.isVisible() && visible == 1); // the list keeps one column
            item.selectedProperty().addListener((o, was, now) -> tableColumn.setVisible(now));
            items.add(item);
        }
        MenuItem remove = new MenuItem("Remove Column \"" + clicked.title() + "\"");
        remove.setMnemonicParsing(false);
        remove.setDisable(!PacketColumnsViewModel.removable(clicked));
        remove.setOnAction(e -> choice.remove(clicked));
        MenuItem add = new MenuItem("Add Column for Field...");
        add.setOnAction(e -> askField().ifPresent(this::addColumn));
        MenuItem fit = new MenuItem("Size Columns to Content");
        fit.setOnAction(e -> {
            choice.clearWidths();
            widths.forgetUserWidths();
        });
        MenuItem reset = new MenuItem("Reset Columns");
        reset.setOnAction(e -> {
            choice.reset();
            build();
            widths.forgetUserWidths();
        });
        items.add(new SeparatorMenuItem());
        items.addAll(List.of(remove, add, fit, reset));
        return items;
    }

    /** Adds a column for filter field {@code name} ("Apply as Column"); false when no such field. */
    boolean addColumn(String name) {
        Field field = viewModel.filterBar().fieldsProperty().get().field(name);
        if (field == null) {
            return false;
        }
        choice.addField(name, field.type() == FieldType.NUMBER);
        return true;
    }

    private Optional<String> askField() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(table.getScene().getWindow());
        dialog.setTitle("Add Column");
        dialog.setHeaderText("A display filter field to show as a column, as in tcp.len or mptcp.dsn");
        dialog.setContentText("Field:");
        return dialog.showAndWait().map(String::trim).filter(name -> {
            if (viewModel.filterBar().fieldsProperty().get().field(name) != null) {
                return true;
            }
            viewModel.report(new org.braid.ui.viewmodel.UserMessage(org.braid.ui.viewmodel.UserMessage.Kind.ERROR,
                    "Add Column", "No field \"" + name + "\"", "Type a field the display filter knows."));
            return false;
        });
    }

    /** A cell whose text, when cut, shows in full in its tooltip. */
    private static final class FullTextCell extends TableCell<PacketRow, String> {
        private final Tooltip tooltip = new Tooltip();

        FullTextCell(boolean numeric) {
            if (numeric) {
                setStyle("-fx-alignment: center-right;");
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            ContentWidths.tooltipWhenCut(this, tooltip);
        }
    }
}
