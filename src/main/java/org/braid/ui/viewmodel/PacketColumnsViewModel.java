package org.braid.ui.viewmodel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.braid.ui.packets.AnalysisColumn;
import org.braid.ui.packets.ColumnLayout;
import org.braid.ui.packets.FieldColumn;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.prefs.UiPreferences;

/**
 * The packet list's columns as the user chose them: which, in what order, which are hidden, and
 * the widths the user set; saved in the preferences at every change, restored at start. Columns
 * made from a filter field ("Apply as Column") can be removed; the built-in ones only hidden.
 */
public final class PacketColumnsViewModel {
    /** Wireshark's columns, then the analysis's, then the MPTCP subtypes and Info. */
    public static final List<PacketColumn> DEFAULTS = List.of(
            StandardColumn.NUMBER, StandardColumn.TIME, StandardColumn.SOURCE, StandardColumn.DESTINATION,
            StandardColumn.PROTOCOL, StandardColumn.LENGTH, AnalysisColumn.CONNECTION, AnalysisColumn.SUBFLOW,
            AnalysisColumn.DSN, AnalysisColumn.DATA_ACK, StandardColumn.MPTCP_SUBTYPE, StandardColumn.INFO);

    private final UiPreferences preferences;
    private final ObservableList<PacketColumn> columns = FXCollections.observableArrayList();
    private final Set<PacketColumn> hidden = new HashSet<>();
    private final Map<PacketColumn, Double> widths = new HashMap<>();

    public PacketColumnsViewModel(UiPreferences preferences) {
        this.preferences = preferences;
        load(ColumnLayout.parse(preferences.packetColumns(), DEFAULTS));
    }

    private void load(List<ColumnLayout.Entry> layout) {
        hidden.clear();
        widths.clear();
        for (ColumnLayout.Entry entry : layout) {
            if (!entry.visible()) {
                hidden.add(entry.column());
            }
            if (!Double.isNaN(entry.width())) {
                widths.put(entry.column(), entry.width());
            }
        }
        columns.setAll(layout.stream().map(ColumnLayout.Entry::column).toList());
    }

    /** Every column, hidden ones included, in the order shown. */
    public ObservableList<PacketColumn> columns() { return columns; }

    public boolean isVisible(PacketColumn column) {
        return !hidden.contains(column);
    }

    public void setVisible(PacketColumn column, boolean visible) {
        if (visible ? hidden.remove(column) : hidden.add(column)) {
            save();
        }
    }

    /** The width the user gave {@code column}, or NaN when the list sizes it to its content. */
    public double width(PacketColumn column) {
        return widths.getOrDefault(column, Double.NaN);
    }

    public void setWidth(PacketColumn column, double width) {
        if (width > 0 && !Double.valueOf(width).equals(widths.put(column, width))) {
            save();
        }
    }

    /** Forgets every width the user set, so all columns fit their content. */
    public void clearWidths() {
        if (!widths.isEmpty()) {
            widths.clear();
            save();
        }
    }

    /**
     * Adds a column showing filter field {@code field}, before Info (or last without it), shown;
     * returns it. A field already a column is shown again instead.
     */
    public PacketColumn addField(String field, boolean numeric) {
        for (PacketColumn column : columns) {
            if (column instanceof FieldColumn existing && existing.field().equals(field)) {
                setVisible(existing, true);
                return existing;
            }
        }
        FieldColumn column = new FieldColumn(field, numeric);
        int info = columns.indexOf(StandardColumn.INFO);
        columns.add(info < 0 ? columns.size() : info, column);
        save();
        return column;
    }

    /** True for the columns the user added, which may be removed. */
    public static boolean removable(PacketColumn column) {
        return column instanceof FieldColumn;
    }

    public void remove(PacketColumn column) {
        if (removable(column) && columns.remove(column)) {
            hidden.remove(column);
            widths.remove(column);
            save();
        }
    }

    /** Puts the columns in {@code order}, which must hold the same columns. */
    public void reorder(List<PacketColumn> order) {
        if (!order.equals(columns) && order.size() == columns.size() && columns.containsAll(order)) {
            columns.setAll(order);
            save();
        }
    }

    /** Back to the default columns, all shown, sized to their content. */
    public void reset() {
        load(ColumnLayout.parse(null, DEFAULTS));
        save();
    }

    private void save() {
        preferences.savePacketColumns(ColumnLayout.format(columns.stream()
                .map(c -> new ColumnLayout.Entry(c, isVisible(c), width(c))).toList()));
    }
}
