package org.braid.model;

import java.util.Locale;

/** What part of MPTCP a finding is about. */
public enum FindingGroup {
    HANDSHAKE, SUBFLOW, PATH, REINJECTION, DATA_LEVEL, WINDOW, CHECKSUM, FALLBACK, ADDRESSES, CAPTURE;

    /** The name used in JSON, CSV, the CLI and the filter field {@code braid.finding.group}: {@code data-level}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The group named {@code label} ({@code data-level} or {@code DATA_LEVEL}), or null when none is. */
    public static FindingGroup fromLabel(String label) {
        for (FindingGroup group : values()) {
            if (group.label().equalsIgnoreCase(label) || group.name().equalsIgnoreCase(label)) {
                return group;
            }
        }
        return null;
    }
}
