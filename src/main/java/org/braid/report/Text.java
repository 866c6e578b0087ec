package org.braid.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports spell values: one place, so the CSV, the JSON and the text output agree. */
public final class Text {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {}

    /** A capture time (nanoseconds since the epoch) as ISO 8601 UTC with nanoseconds. */
    public static String iso(long epochNanos) {
        return ISO.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    public static String iso(Long epochNanos) {
        return epochNanos == null ? null : iso(epochNanos.longValue());
    }

    /** Seconds since the first packet, with microsecond precision like tshark's default. */
    public static String relative(long nanos, long firstNanos) {
        return String.format(Locale.ROOT, "%.6f", (nanos - firstNanos) / 1e9);
    }

    /** Nanoseconds as seconds, or null. */
    public static Double seconds(Long nanos) {
        return nanos == null ? null : nanos / 1e9;
    }

    /** A 32-bit token as 8 lowercase hex digits, or null. */
    public static String hex8(Long token) {
        return token == null ? null : String.format(Locale.ROOT, "%08x", token);
    }

    /** A 64-bit key as 16 lowercase hex digits, or null. */
    public static String hex16(Long key) {
        return key == null ? null : String.format(Locale.ROOT, "%016x", key);
    }

    /** A 64-bit unsigned value (an IDSN) in decimal, or null. */
    public static String unsigned(Long value) {
        return value == null ? null : Long.toUnsignedString(value);
    }
}
