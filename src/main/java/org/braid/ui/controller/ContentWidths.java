package org.braid.ui.controller;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes table columns to their content instead of fixed widths that cut headers and leave empty
 * space: each column becomes as wide as its header text and the widest cell among the rows shown
 * (the sample the table has laid out), within limits. Columns the user resized keep their width.
 * Also shows a cut cell's full text in a tooltip.
 */
final class ContentWidths {
    /** Room for the sort arrow in a header and the cell padding. */
    private static final double HEADER_EXTRA = 28;
    private static final double CELL_EXTRA = 14;
    private static final double MIN_WIDTH = 36;
    private static final double MAX_WIDTH = 420;

    private final Control table;
    private final Predicate<TableColumnBase<?, ?>> keep;
    private final Set<TableColumnBase<?, ?>> resizedByUser = new HashSet<>();
    private boolean fitting;
    private boolean dirty = true;
    private java.util.function.Consumer<TableColumnBase<?, ?>> onUserResize = column -> { };

    private ContentWidths(Control table, Predicate<TableColumnBase<?, ?>> keep) {
        this.table = table;
        this.keep = keep;
    }

    /**
     * Keeps {@code table}'s columns fitted to their content: after its items change, once the new
     * rows are laid out. Columns {@code keep} accepts, and those the user resized, are left alone.
     */
    static ContentWidths install(TableView<?> table, Predicate<TableColumnBase<?, ?>> keep) {
        ContentWidths widths = installManual(table, keep);
        InvalidationListener refit = o -> widths.dirty = true;
        table.itemsProperty().addListener((o, was, now) -> {
            widths.dirty = true;
            if (now != null) {
                now.addListener(refit);
            }
        });
        if (table.getItems() != null) {
            table.getItems().addListener(refit);
        }
        return widths;
    }

    /** Like {@link #install(TableView, Predicate)}, fitting only when {@link #refit()} asks. */
    static ContentWidths installManual(TableView<?> table, Predicate<TableColumnBase<?, ?>> keep) {
        ContentWidths widths = new ContentWidths(table, keep);
        widths.watchLayout();
        var policy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(features -> {
            boolean resized = policy.call(features);
            widths.resizedByUser(features.getColumn());
            return resized;
        });
        return widths;
    }

    /**
     * Like {@link #install(TableView, Predicate)} for a tree table, refitted when its root changes;
     * the first column, which holds the tree's indentation, keeps its width.
     */
    static ContentWidths install(TreeTableView<?> table) {
        ContentWidths widths = new ContentWidths(table, column -> table.getColumns().indexOf(column) == 0);
        table.rootProperty().addListener((o, was, now) -> widths.dirty = true);
        table.expandedItemCountProperty().addListener((o, was, now) -> widths.dirty = true);
        widths.watchLayout();
        var policy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(features -> {
            boolean resized = policy.call(features);
            widths.resizedByUser(features.getColumn());
            return resized;
        });
        return widths;
    }

    /** Sizes the columns again at the next layout (new rows, new columns). */
    void refit() {
        dirty = true;
        table.requestLayout();
    }

    /** Called with the columns the user resizes by dragging a header's edge. */
    void setOnUserResize(java.util.function.Consumer<TableColumnBase<?, ?>> handler) {
        this.onUserResize = handler;
    }

    /** The resize policy's call: a column when the user drags its edge, null when the table resizes. */
    private void resizedByUser(TableColumnBase<?, ?> column) {
        if (column != null && !fitting) {
            resizedByUser.add(column);
            onUserResize.accept(column);
        }
    }

    /** Forgets the user's widths, so every column fits its content again. */
    void forgetUserWidths() {
        resizedByUser.clear();
        refit();
    }

    /** Fits after a layout pulse that left the table dirty with rows laid out (the scene's post-layout hook). */
    private void watchLayout() {
        Runnable afterLayout = () -> {
            if (dirty && table.isVisible()) {
                fit();
            }
        };
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPostLayoutPulseListener(afterLayout);
        }
    }

    private void fit() {
        Map<TableColumnBase<?, ?>, Double> widest = new HashMap<>();
        boolean anyCell = false;
        for (Node node : table.lookupAll(".indexed-cell")) {
            TableColumnBase<?, ?> column = columnOf(node);
            if (column == null || !((IndexedCell<?>) node).isVisible() || ((IndexedCell<?>) node).isEmpty()) {
                continue;
            }
            anyCell = true;
            Labeled cell = (Labeled) node;
            double width = textWidth(cell.getText(), cell.getFont()) + cell.snappedLeftInset() + cell.snappedRightInset()
                    + (cell.getGraphic() != null ? cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap() : 0)
                    + CELL_EXTRA - 10;
            widest.merge(column, width, Math::max);
        }
        if (!anyCell) {
            return; // not laid out with rows yet (a hidden tab): fit when it is
        }
        dirty = false;
        fitting = true;
        try {
            for (TableColumnBase<?, ?> column : widest.keySet()) {
                if (keep.test(column) || resizedByUser.contains(column)) {
                    continue;
                }
                double header = textWidth(headerText(column), Font.getDefault()) + HEADER_EXTRA;
                double width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.max(header, widest.get(column))));
                if (Math.abs(column.getWidth() - width) > 1) {
                    column.setPrefWidth(width);
                }
            }
        } finally {
            fitting = false;
        }
    }

    private static TableColumnBase<?, ?> columnOf(Node node) {
        if (node instanceof TableCell<?, ?> cell) {
            return cell.getTableColumn();
        }
        if (node instanceof TreeTableCell<?, ?> cell) {
            return cell.getTableColumn();
        }
        return null;
    }

    private static String headerText(TableColumnBase<?, ?> column) {
        if (column.getGraphic() instanceof Label label && (column.getText() == null || column.getText().isEmpty())) {
            return label.getText();
        }
        return column.getText();
    }

    static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * Gives {@code cell} a tooltip with its full text while the text is cut (shown with an
     * ellipsis); call after the cell's layout, when the skin has fitted the text.
     */
    static void tooltipWhenCut(Labeled cell, Tooltip tooltip) {
        String full = cell.getText();
        boolean cut = false;
        if (full != null && !full.isEmpty()) {
            Node shown = cell.lookup(".text");
            cut = shown instanceof Text text && !full.equals(text.getText());
        }
        if (cut) {
            tooltip.setText(full);
            if (cell.getTooltip() != tooltip) {
                cell.setTooltip(tooltip);
            }
        } else if (cell.getTooltip() != null) {
            cell.setTooltip(null);
        }
    }
}
