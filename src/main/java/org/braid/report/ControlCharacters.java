package org.braid.report;

import java.util.Locale;

/**
 * Escapes control characters in text bound for a terminal, so text from a trace (a pcapng comment,
 * a file name) cannot move the cursor, retitle the window or forge output lines: ESC becomes
 * {@code \x1b}, a lone CR {@code \r}, C1 controls {@code \u0085}. Line feeds and tabs pass, and so
 * does the CR of a CR LF line end.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    /** {@code text} with its control characters escaped; line ends and tabs kept. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * For one value on one line of output, such as a pcapng comment: line feeds and tabs are
     * escaped too ({@code \n}, {@code \t}), so the value cannot start a line of its own.
     */
    public static String escapeLine(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean oneLine) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = !oneLine && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (lineEnd || !(isControl(c) || oneLine && (c == '\n' || c == '\t'))) {
                escaped.append(c);
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (c < 0x80) {
                escaped.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static boolean isControl(char c) {
        return c != '\n' && c != '\t' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f));
    }
}
