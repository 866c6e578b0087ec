package org.braid.ui.analysis;

import java.util.Locale;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;
import org.braid.model.UnverifiedReason;

/**
 * A DSS checksum and its verdict in Wireshark's words: {@code 0x7874 [incorrect, should be 0x9e74]},
 * {@code 0x1234 [correct]}, or {@code 0x1234 [unverified: mapped bytes were cut by the snap length]}.
 */
public final class ChecksumText {
    private ChecksumText() {}

    /** Mapping {@code row}'s checksum as it carried it (or {@code carried}, read from a packet, when the model has none). */
    public static String of(DssMappings mappings, int row, int carried) {
        int value = mappings.checksum(row) != DssMappings.NO_CHECKSUM ? mappings.checksum(row) : carried;
        String shown = value == DssMappings.NO_CHECKSUM ? "not captured" : hex(value);
        ChecksumVerdict verdict = mappings.verdict(row);
        return switch (verdict) {
            case VERIFIED -> shown + " [correct]";
            case FAILED -> shown + " [incorrect, should be " + hex(mappings.expectedChecksum(row)) + "]";
            case UNVERIFIABLE -> shown + " [unverified: " + reason(mappings.unverifiedReason(row)) + "]";
            case NONE -> shown + " [unverified: checksums not in use]";
        };
    }

    private static String reason(UnverifiedReason reason) {
        return reason == null ? "not known" : reason.text();
    }

    static String hex(int checksum) {
        return String.format(Locale.ROOT, "0x%04x", checksum);
    }
}
