package org.braid.ui.controller;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import org.braid.ui.packets.ConversationColor;
import org.braid.ui.packets.PacketColor;
import org.braid.ui.packets.PacketColoring;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRow;
import org.braid.ui.packets.PacketRows;
import org.braid.ui.packets.PacketSort;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * The packet list: a virtualized table over the view model's rows. Cells ask the columns for
 * their text only when shown, and rows take the colour class of their packet.
 */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class PacketListController {
    private final MainViewModel viewModel;
    @FXML private TableView<PacketRow> table;
    /** The style class of a marked packet's row (braid.css). */
    static final String MARKED = "packet-marked";
    private PacketListMenu menu;
    private PacketListColumns columns;
    /** True while the table follows the view model, so its selection events are not echoed back. */
    private boolean following;

    public PacketListController(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setRowFactory(view -> new ColoredRow());
        // The rows are sorted by the view model, off the UI thread; the table only shows the order.
        table.setSortPolicy(view -> {
            if (!following) {
                viewModel.sortBy(currentSort());
            }
            return true;
        });
        menu = new PacketListMenu(viewModel, table);
        columns = new PacketListColumns(viewModel, table);
        viewModel.rowContextProperty().addListener((o, was, now) -> table.refresh());
        viewModel.markedCountProperty().addListener((o, was, now) -> table.refresh());
        viewModel.conversationColoring().rules().addListener((javafx.beans.Observable o) -> table.refresh());
        viewModel.rowsProperty().addListener((o, was, now) -> showRows(now));
        showRows(viewModel.rowsProperty().get());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!following) {
                viewModel.select(now == null ? -1 : now.index());
            }
        });
        viewModel.selectedProperty().addListener((o, was, now) -> follow(now.intValue()));
    }

    private PacketSort currentSort() {
        if (table.getSortOrder().isEmpty()) {
            return null;
        }
        TableColumn<PacketRow, ?> first = table.getSortOrder().get(0);
        return new PacketSort((PacketColumn) first.getUserData(),
                first.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private void showRows(PacketRows rows) {
        following = true;
        // New items clear the table's sort order; the rows come sorted, so it is put back as it was.
        List<TableColumn<PacketRow, ?>> order = List.copyOf(table.getSortOrder());
        try {
            table.setItems(rows);
            if (!order.equals(table.getSortOrder())) {
                table.getSortOrder().setAll(order);
            }
        } finally {
            following = false;
        }
        follow(viewModel.selectedProperty().get());
    }

    /** Selects and reveals the view model's packet in the table. */
    private void follow(int packet) {
        PacketRows rows = viewModel.rowsProperty().get();
        int row = packet < 0 ? -1 : rows.rowOf(packet);
        following = true;
        try {
            if (row < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (table.getSelectionModel().getSelectedIndex() != row) {
                table.getSelectionModel().clearAndSelect(row);
            }
            table.getFocusModel().focus(row);
            reveal(row);
        } finally {
            following = false;
        }
    }

    private void reveal(int row) {
        if (table.getSkin() instanceof TableViewSkin<?> skin) {
            VirtualFlow<?> flow = (VirtualFlow<?>) skin.getChildren().stream()
                    .filter(VirtualFlow.class::isInstance).findFirst().orElse(null);
            if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                    && row > flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
                return; // already in view: do not jump
            }
        }
        table.scrollTo(Math.max(0, row - visibleRows() / 2));
    }

    /** How many rows fit in the list, to centre a revealed one. */
    private int visibleRows() {
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        return (int) Math.max(1, (table.getHeight() - 28) / rowHeight);
    }

    /** Items for the packet list's right-click menu beyond the filter and copy items (Follow, for one). */
    public List<javafx.scene.control.MenuItem> contextMenuItems() {
        return menu.extraItems();
    }

    /** Adds a column showing display-filter field {@code field} ("Apply as Column"); false when there is no such field. */
    public boolean applyAsColumn(String field) {
        return columns.addColumn(field);
    }

    public TableView<PacketRow> table() {
        return table;
    }

    /** A row coloured by its conversation's colour (Colorize Conversation), else its packet's colour class; selected, it keeps the colour as a stripe (braid.css). */
    private final class ColoredRow extends TableRow<PacketRow> {

        @Override
        protected void updateItem(PacketRow item, boolean empty) {
            super.updateItem(item, empty);
            applyColor();
        }

        private void applyColor() {
            for (PacketColor color : PacketColor.values()) {
                getStyleClass().remove(color.styleClass());
            }
            for (ConversationColor color : ConversationColor.values()) {
                getStyleClass().remove(color.styleClass());
            }
            getStyleClass().remove(MARKED);
            if (!isEmpty() && getItem() != null && viewModel.isMarked(getItem().index())) {
                getStyleClass().add(MARKED);
            }
            PacketRow item = getItem();
            if (!isEmpty() && item != null && viewModel.traceProperty().get() != null) {
                PacketColumn.RowContext context = viewModel.rowContextProperty().get();
                ConversationColor conversation = context == null ? null
                        : viewModel.conversationColoring().colorOf(context.summaries(), item.index());
                getStyleClass().add(conversation != null ? conversation.styleClass()
                        : PacketColoring.of(viewModel.traceProperty().get(), item.index()).styleClass());
            }
        }
    }
}
