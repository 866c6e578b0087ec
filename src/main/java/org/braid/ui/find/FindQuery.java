package org.braid.ui.find;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.braid.filter.FieldResolver;
import org.braid.filter.Filter;
import org.braid.filter.FilterParser;
import org.braid.filter.FilterResult;

/**
 * What Edit > Find Packet looks for, checked once before the search: a display filter (parsed),
 * a hex value (its bytes) or a string (in the packet list's text, the details tree or the bytes),
 * as Wireshark's find bar offers.
 */
public final class FindQuery {
    /** What the text is. */
    public enum Kind {
        DISPLAY_FILTER("Display filter"), HEX_VALUE("Hex value"), STRING("String");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** Where a string is looked for; a display filter and a hex value look at the whole packet and its bytes. */
    public enum Where {
        PACKET_LIST("Packet list"), PACKET_DETAILS("Packet details"), PACKET_BYTES("Packet bytes");

        private final String title;

        Where(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final Kind kind;
    private final Where where;
    private final boolean caseSensitive;
    private final String text;
    private final Filter filter;
    private final byte[] bytes;
    private final String error;

    private FindQuery(Kind kind, Where where, boolean caseSensitive, String text, Filter filter, byte[] bytes,
                      String error) {
        this.kind = kind;
        this.where = where;
        this.caseSensitive = caseSensitive;
        this.text = text;
        this.filter = filter;
        this.bytes = bytes;
        this.error = error;
    }

    /** Checks {@code text} as {@code kind}; {@link #error()} says what is wrong, if anything. */
    public static FindQuery of(Kind kind, Where where, boolean caseSensitive, String text, FieldResolver fields) {
        String typed = text == null ? "" : text.trim();
        if (typed.isEmpty()) {
            return new FindQuery(kind, where, caseSensitive, typed, null, null, "Nothing to find");
        }
        switch (kind) {
            case DISPLAY_FILTER -> {
                FilterResult result = FilterParser.parse(typed, fields);
                return result.isValid()
                        ? new FindQuery(kind, where, caseSensitive, typed, result.filter(), null, null)
                        : new FindQuery(kind, where, caseSensitive, typed, null, null,
                                "Invalid filter: " + result.error().reason());
            }
            case HEX_VALUE -> {
                byte[] value = parseHex(typed);
                return value == null
                        ? new FindQuery(kind, where, caseSensitive, typed, null, null,
                                "Not a hex value: give pairs of hex digits, e.g. 1e 2b or 00:1e")
                        : new FindQuery(kind, where, caseSensitive, typed, null, value, null);
            }
            default -> {
                String needle = caseSensitive ? typed : typed.toLowerCase(Locale.ROOT);
                return new FindQuery(kind, where, caseSensitive, needle, null,
                        typed.getBytes(StandardCharsets.UTF_8), null);
            }
        }
    }

    /** Hex digit pairs, optionally separated by spaces, colons or dashes, with an optional 0x; null when not that. */
    static byte[] parseHex(String typed) {
        String digits = typed.startsWith("0x") || typed.startsWith("0X") ? typed.substring(2) : typed;
        digits = digits.replaceAll("[\\s:\\-]", "");
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]+")) {
            return null;
        }
        byte[] value = new byte[digits.length() / 2];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return value;
    }

    public boolean isValid() { return error == null; }
    /** Why the query cannot run, or null. */
    public String error() { return error; }
    public Kind kind() { return kind; }
    public Where where() { return where; }
    public boolean caseSensitive() { return caseSensitive; }
    /** The string to find, lower-cased unless case-sensitive. */
    String needle() { return text; }
    Filter filter() { return filter; }
    /** The hex value's bytes, or the string's UTF-8 bytes. */
    byte[] bytes() { return bytes.clone(); }
}
