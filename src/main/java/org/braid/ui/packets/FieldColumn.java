package org.braid.ui.packets;

/**
 * A packet-list column made from a display-filter field ("Apply as Column" in the details tree):
 * each row shows the field's values in its packet, decoded only for the rows shown.
 *
 * @param field   the filter field's name, as in {@code tcp.len}
 * @param numeric true for number fields, which are right-aligned and sort as numbers
 */
public record FieldColumn(String field, boolean numeric) implements PacketColumn {
    @Override
    public String title() { return field; }

    @Override
    public double width() { return 100; }

    @Override
    public String text(RowContext context, int index) {
        return context.summaries().fieldText(field, index);
    }
}
