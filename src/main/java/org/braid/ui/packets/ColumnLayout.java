package org.braid.ui.packets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The packet list's column choice as the preferences keep it: the columns in order, each shown or
 * hidden, with the width the user gave it (NaN for none: the list sizes it to its content). One
 * entry per column, {@code id|shown|width}, joined by {@code ;}; ids name a standard or analysis
 * column by its constant and a field column by its field ({@code field:n:tcp.len}, n for numbers).
 */
public final class ColumnLayout {
    /** One column's place in the layout. */
    public record Entry(PacketColumn column, boolean visible, double width) {}

    private static final String FIELD = "field:";

    private ColumnLayout() {}

    /** The stable id a column is saved under. */
    public static String id(PacketColumn column) {
        if (column instanceof StandardColumn standard) {
            return "std:" + standard.name();
        }
        if (column instanceof AnalysisColumn analysis) {
            return "mptcp:" + analysis.name();
        }
        if (column instanceof FieldColumn field) {
            return FIELD + (field.numeric() ? "n:" : "t:") + field.field();
        }
        throw new IllegalArgumentException("no id for column " + column);
    }

    /** The column saved as {@code id}, or null for an id this version does not know. */
    static PacketColumn column(String id) {
        try {
            if (id.startsWith("std:")) {
                return StandardColumn.valueOf(id.substring(4));
            }
            if (id.startsWith("mptcp:")) {
                return AnalysisColumn.valueOf(id.substring(6));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (id.startsWith(FIELD) && id.length() > FIELD.length() + 2 && id.charAt(FIELD.length() + 1) == ':') {
            String name = id.substring(FIELD.length() + 2);
            return name.matches("[A-Za-z0-9_.]+") ? new FieldColumn(name, id.charAt(FIELD.length()) == 'n') : null;
        }
        return null;
    }

    public static String format(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(out.length() > 0 ? ";" : "").append(id(entry.column())).append('|')
                    .append(entry.visible() ? '1' : '0').append('|')
                    .append(Double.isNaN(entry.width()) ? "" : String.format(Locale.ROOT, "%.0f", entry.width()));
        }
        return out.toString();
    }

    /**
     * The layout saved as {@code saved}; {@code defaults} when nothing is saved. Entries this version
     * does not know are dropped, and default columns the saved layout lacks (added by a newer
     * version) are appended, shown.
     */
    public static List<Entry> parse(String saved, List<PacketColumn> defaults) {
        Map<PacketColumn, Entry> entries = new LinkedHashMap<>();
        if (saved != null && !saved.isBlank()) {
            for (String part : saved.split(";")) {
                String[] fields = part.split("\\|", -1);
                PacketColumn column = fields.length == 3 ? column(fields[0]) : null;
                if (column != null) {
                    entries.putIfAbsent(column, new Entry(column, !"0".equals(fields[1]), width(fields[2])));
                }
            }
        }
        for (PacketColumn column : defaults) {
            entries.putIfAbsent(column, new Entry(column, true, Double.NaN));
        }
        return new ArrayList<>(entries.values());
    }

    private static double width(String text) {
        try {
            double width = Double.parseDouble(text);
            return width > 0 ? width : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
