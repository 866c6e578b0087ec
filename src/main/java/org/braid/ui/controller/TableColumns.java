package org.braid.ui.controller;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Wires the analysis tables' columns: each column holds a comparable value (so a header click
 * sorts numbers as numbers) shown through a formatter, and every cell carries its full text in a
 * tooltip, for when the column is too narrow.
 */
final class TableColumns {
    private TableColumns() {}

    /** Shows {@code items} in {@code table}, sorted by whatever column headers the user clicks. */
    static <T> void sortable(TableView<T> table, ObservableList<T> items) {
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /** Fills {@code column} with {@code value} of each row, shown as {@code format} makes it. */
    static <T, V extends Comparable<? super V>> void bind(TableColumn<T, V> column, Function<T, V> value,
                                                          Function<V, String> format) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : format.apply(item);
                setText(text);
                setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
    }

    /** Like {@link #bind} for text shown as it is. */
    static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        bind(column, value, Function.identity());
    }
}
