package org.braid.model;

import java.util.Locale;

/** Why a checksummed mapping could not be verified (its verdict is {@link ChecksumVerdict#UNVERIFIABLE}). */
public enum UnverifiedReason {
    /** The snap length cut the DSS option, so its checksum (or the option's end) is not in the capture. */
    OPTION_CUT("the DSS option was cut by the snap length"),
    /** The DSN was sent in 32 bits and the upper 32 are not known yet (no key, no 64-bit DSN before it). */
    DSN_UNKNOWN("the DSN's upper 32 bits are unknown"),
    /** Mapped bytes were on the wire but the snap length cut them from the capture. */
    BYTES_CUT("mapped bytes were cut by the snap length"),
    /** Mapped bytes never appeared: the capture lost them, or ended before they came. */
    BYTES_MISSING("mapped bytes are missing from the capture");

    private final String text;

    UnverifiedReason(String text) {
        this.text = text;
    }

    /** In words, as the details tree shows it after "unverified: ". */
    public String text() {
        return text;
    }

    /** The name in JSON and CSV, such as {@code bytes_cut}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
