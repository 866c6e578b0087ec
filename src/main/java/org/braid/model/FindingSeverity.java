package org.braid.model;

import java.util.Locale;

/** How much a finding matters, as Wireshark's Expert Info ranks them: most severe first. */
public enum FindingSeverity {
    /** Something broke: data lost to a failure, a refused or failed handshake, a stall. */
    ERROR,
    /** Something the user should look at: a silent subflow, a zero window, a fallback. */
    WARNING,
    /** Worth knowing, and usually harmless: a reinjection burst, a capture detail. */
    NOTE,
    /** Ordinary protocol behaviour, listed for completeness. */
    CHAT;

    /** The lower-case name used in JSON, CSV and the CLI ({@code error}, {@code warning}...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is {@code other} or more severe. */
    public boolean atLeast(FindingSeverity other) {
        return ordinal() <= other.ordinal();
    }

    /** The severity named {@code label} (any case), as the CLI and filters take it. */
    public static FindingSeverity parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
