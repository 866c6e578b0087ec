package org.braid.ui.packets;

import java.util.Map;
import java.util.Optional;

/**
 * The display-filter field behind a packet-list column, for "Apply as Filter": a cell's value
 * becomes {@code field == value}. Columns without a field of their own (Time, Info...) have none.
 */
public final class ColumnFilters {
    private static final Map<PacketColumn, String> FIELDS = Map.of(
            StandardColumn.NUMBER, "frame.number",
            StandardColumn.SOURCE, "ip.src",
            StandardColumn.DESTINATION, "ip.dst",
            StandardColumn.LENGTH, "frame.len",
            AnalysisColumn.CONNECTION, "mptcp.connection",
            AnalysisColumn.SUBFLOW, "mptcp.subflow",
            AnalysisColumn.DSN, "mptcp.dsn");

    private ColumnFilters() {}

    /** The filter matching packets whose {@code column} shows {@code value}; empty when it has no field or no value. */
    public static Optional<String> of(PacketColumn column, String value) {
        String field = FIELDS.get(column);
        if (field == null || value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(field + " == " + value.trim());
    }
}
