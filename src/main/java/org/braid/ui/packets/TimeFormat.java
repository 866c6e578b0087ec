package org.braid.ui.packets;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the packet list's Time column shows a packet's time (View > Time Display Format), with
 * Wireshark's names and Ctrl+Alt shortcut digits.
 */
public enum TimeFormat {
    DATE_AND_TIME("Date and Time of Day", 1),
    EPOCH("Seconds Since 1970-01-01", 4),
    SINCE_START("Seconds Since Beginning of Capture", 5),
    SINCE_PREVIOUS_DISPLAYED("Seconds Since Previous Displayed Packet", 7),
    UTC_DATE_AND_TIME("UTC Date and Time of Day", 8);

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final String title;
    private final int digit;

    TimeFormat(String title, int digit) {
        this.title = title;
        this.digit = digit;
    }

    public String title() { return title; }

    /** The digit of its Ctrl+Alt shortcut, as in Wireshark. */
    public int digit() { return digit; }

    /**
     * The time of packet {@code i} of {@code index}; {@code rows} (the list shown) gives the
     * previous displayed packet, and {@code zone} the local time zone.
     */
    public String format(PacketIndex index, int i, PacketRows rows, ZoneId zone) {
        long nanos = index.timestampNanos(i);
        return switch (this) {
            case SINCE_START -> StandardColumn.relativeSeconds(index.relativeNanos(i));
            case SINCE_PREVIOUS_DISPLAYED -> {
                int row = rows == null ? -1 : rows.rowOf(i);
                yield StandardColumn.relativeSeconds(row <= 0 ? 0 : nanos - index.timestampNanos(rows.packetIndex(row - 1)));
            }
            case EPOCH -> String.format(Locale.ROOT, "%d.%06d", Math.floorDiv(nanos, 1_000_000_000L),
                    Math.floorMod(nanos, 1_000_000_000L) / 1000);
            case DATE_AND_TIME -> DATE_TIME.format(instant(nanos).atZone(zone));
            case UTC_DATE_AND_TIME -> DATE_TIME.format(instant(nanos).atZone(ZoneOffset.UTC));
        };
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
