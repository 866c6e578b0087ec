package org.braid.ui.controller;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/**
 * Wires the analysis tables' columns: each column holds a comparable value (so a header click
 * sorts numbers as numbers) shown through a formatter, columns fit their content, and a cut cell
 * shows its full text in a tooltip.
 */
final class TableColumns {
    private TableColumns() {}

    /**
     * Shows {@code items} in {@code table}, sorted by whatever column headers the user clicks, with
     * columns sized to their content.
     */
    static <T> void sortable(TableView<T> table, ObservableList<T> items) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        ContentWidths.install(table, column -> false);
    }

    /** A tree-table cell showing its text, in full in a tooltip when the column cuts it. */
    static <T> TreeTableCell<T, String> fullTextTreeCell() {
        return new TreeTableCell<>() {
            private final Tooltip tooltip = new Tooltip();

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
        };
    }

    /** Fills {@code column} with {@code value} of each row, shown as {@code format} makes it. */
    static <T, V extends Comparable<? super V>> void bind(TableColumn<T, V> column, Function<T, V> value,
                                                          Function<V, String> format) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b));
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                ContentWidths.tooltipWhenCut(this, tooltip);
            }
        });
    }

    /** Like {@link #bind} for text shown as it is. */
    static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        bind(column, value, Function.identity());
    }
}
