package org.braid.ui.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;

/**
 * Axis labels a person reads at a glance: counts with k, M and G ({@code 64.5k}, {@code 12M}),
 * times in ms below a second and in s above ({@code 250 ms}, {@code 1.5 s}); never {@code 6.4512E4}
 * or {@code 0E0}.
 */
public final class ReadableNumbers extends NumberFormat {
    private static final DecimalFormat DIGITS = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final boolean seconds;

    private ReadableNumbers(boolean seconds) {
        this.seconds = seconds;
    }

    /** Labels {@code axis}'s ticks as counts (bytes, Mbit/s) with k, M, G. */
    public static void counts(NumberAxis axis) {
        axis.setNumberFormatOverride(new ReadableNumbers(false));
    }

    /** Labels {@code axis}'s ticks, in seconds, as ms or s. */
    public static void seconds(NumberAxis axis) {
        axis.setNumberFormatOverride(new ReadableNumbers(true));
    }

    /** {@code value} as a label. */
    public static String format(double value, boolean seconds) {
        return new ReadableNumbers(seconds).format(value);
    }

    @Override
    public StringBuffer format(double value, StringBuffer out, FieldPosition position) {
        double magnitude = Math.abs(value);
        if (seconds) {
            if (magnitude != 0 && magnitude < 1) {
                return out.append(digits(value * 1e3)).append(" ms");
            }
            return out.append(digits(value)).append(" s");
        }
        if (magnitude >= 1e9) {
            return out.append(digits(value / 1e9)).append('G');
        }
        if (magnitude >= 1e6) {
            return out.append(digits(value / 1e6)).append('M');
        }
        if (magnitude >= 1e3) {
            return out.append(digits(value / 1e3)).append('k');
        }
        return out.append(digits(value));
    }

    @Override
    public StringBuffer format(long value, StringBuffer out, FieldPosition position) {
        return format((double) value, out, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        return null; // labels only
    }

    private static String digits(double value) {
        synchronized (DIGITS) {
            return DIGITS.format(value);
        }
    }
}
