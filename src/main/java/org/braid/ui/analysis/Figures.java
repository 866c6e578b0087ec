package org.braid.ui.analysis;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the connections panel's figures as the numbers they show: {@code 980.0 kB} before
 * {@code 1.2 MB}, {@code 9 %} before {@code 10 %}, and text (or blanks, last) by its letters.
 */
public final class Figures {
    private static final Pattern FIGURE = Pattern.compile("^(-?[0-9]+(?:\\.[0-9]+)?)\\s*(B|kB|MB|GB|ms|s|%)?$");

    /** Numbers in numeric order before text; blanks last. */
    public static final Comparator<String> ORDER = Figures::compare;

    private Figures() {}

    /** The number {@code text} shows, in bytes or seconds for those units; NaN when it is not a figure. */
    public static double value(String text) {
        Matcher m = FIGURE.matcher(text.trim());
        if (!m.matches()) {
            return Double.NaN;
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "kB" -> number * 1e3;
            case "MB" -> number * 1e6;
            case "GB" -> number * 1e9;
            case "ms" -> number / 1e3;
            default -> number;
        };
    }

    private static int compare(String a, String b) {
        boolean blankA = a == null || a.isBlank();
        boolean blankB = b == null || b.isBlank();
        if (blankA || blankB) {
            return Boolean.compare(blankA, blankB);
        }
        double x = value(a);
        double y = value(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return Double.compare(x, y);
        }
        if (Double.isNaN(x) != Double.isNaN(y)) {
            return Double.isNaN(x) ? 1 : -1;
        }
        return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
    }
}
