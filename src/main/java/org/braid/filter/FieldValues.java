package org.braid.filter;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A field's values in one packet as text, for a packet-list column made from a filter field
 * ("Apply as Column"): every value the field gives, comma-separated as Wireshark shows a
 * repeated field. It walks the values through {@link Field#anyMatch} with a test that never
 * passes, so any field a filter can test can be shown.
 */
public final class FieldValues {
    private static final long IPV4_MAPPED_HIGH_MASK = 0xffff_ffff_0000_0000L;
    private static final long IPV4_MAPPED = 0xffff_0000_0000L;

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
            case ADDRESS -> address(high, low);
            case NAME -> field instanceof NamedField named && low >= 0 && low < named.names().size()
                    ? named.names().get((int) low) : Long.toString(low);
            case PROTOCOL -> "Yes";
        };
    }

    /** An address in its usual form: dotted quad for IPv4 (mapped), compressed hexadecimal groups for IPv6. */
    static String address(long high, long low) {
        if (high == 0 && (low & IPV4_MAPPED_HIGH_MASK) == IPV4_MAPPED) {
            return String.format(Locale.ROOT, "%d.%d.%d.%d", low >>> 24 & 0xff, low >>> 16 & 0xff,
                    low >>> 8 & 0xff, low & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i) & 0xffff);
            groups[i + 4] = (int) (low >>> (48 - 16 * i) & 0xffff);
        }
        // RFC 5952: the longest run of two or more zero groups becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
