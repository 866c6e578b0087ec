package org.braid.analysis.expert;

import java.util.Locale;

/** How findings put numbers into words: seconds since the trace's first TCP packet, bytes in decimal units. */
final class Words {
    private Words() {}

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A period as {@code 1.25–4.50 s}, both ends since {@code originNanos}. */
    static String period(long startNanos, long endNanos, long originNanos) {
        return String.format(Locale.ROOT, "%.2f–%.2f s", (startNanos - originNanos) / 1e9, (endNanos - originNanos) / 1e9);
    }

    static String at(long nanos, long originNanos) {
        return String.format(Locale.ROOT, "%.3f s", (nanos - originNanos) / 1e9);
    }

    static String bytes(long bytes) {
        if (bytes < 10_000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String side(int side) {
        return side == 0 ? "client" : "server";
    }

    static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }
}
