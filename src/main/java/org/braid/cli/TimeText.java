package org.braid.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats capture timestamps (nanoseconds since the epoch) for people and scripts. */
final class TimeText {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TimeText() {}

    static String iso(long epochNanos) {
        return ISO.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    /** Seconds since the first packet, with microsecond precision like tshark's default. */
    static String relative(long nanos, long firstNanos) {
        return String.format("%.6f", (nanos - firstNanos) / 1e9);
    }
}
