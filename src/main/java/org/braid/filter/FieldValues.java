package org.braid.filter;

import java.util.StringJoiner;
import org.braid.decode.IpText;

/**
 * A field's values in one packet as text, for a packet-list column made from a filter field
 * ("Apply as Column"): every value the field gives, comma-separated as Wireshark shows a
 * repeated field. It walks the values through {@link Field#anyMatch} with a test that never
 * passes, so any field a filter can test can be shown.
 */
public final class FieldValues {
    private FieldValues() {}

    /** The values of {@code field} in {@code input}, comma-separated; empty when the packet has none. */
    public static String text(Field field, FilterInput input) {
        StringJoiner values = new StringJoiner(",");
        field.anyMatch(input, (high, low) -> {
            values.add(format(field, high, low));
            return false;
        });
        return values.toString();
    }

    /** One value as the filter language writes it, so the text can go back into a filter. */
    static String format(Field field, long high, long low) {
        return switch (field.type()) {
            case NUMBER -> Long.toUnsignedString(low);
            case BOOLEAN -> low != 0 ? "True" : "False";
            case ADDRESS -> IpText.text(high, low);
            case NAME -> field instanceof NamedField named && low >= 0 && low < named.names().size()
                    ? named.names().get((int) low) : Long.toString(low);
            case PROTOCOL -> "Yes";
        };
    }
}
