package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.ChecksumFailure;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;

/**
 * One DSS mapping with a checksum verdict, for the checksum table.
 *
 * @param packet   1-based number of the packet that first carried the mapping (where a row jumps)
 * @param flow     the subflow's TCP flow
 * @param checksum the checksum carried and the verdict's detail, as {@link ChecksumText} words it
 * @param aftermath for a failure, what followed: the packet that completed it, MP_FAIL, reset, fallback
 */
public record ChecksumRow(long packet, int flow, long relativeDsn, int length, ChecksumVerdict verdict,
                          String checksum, String aftermath) {

    /** The mappings of {@code mappings} that carry a checksum verdict, in the order first seen. */
    public static List<ChecksumRow> of(DssMappings mappings) {
        List<ChecksumRow> rows = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            ChecksumVerdict verdict = mappings.verdict(i);
            if (verdict == ChecksumVerdict.NONE) {
                continue;
            }
            String aftermath = "";
            if (verdict == ChecksumVerdict.FAILED) {
                long first = mappings.firstPacket(i);
                aftermath = mappings.failures().stream().filter(f -> f.firstPacket() == first).findFirst()
                        .map(ChecksumRow::aftermath).orElse("");
            }
            rows.add(new ChecksumRow(mappings.firstPacket(i), mappings.flow(i), mappings.relativeDsn(i),
                    mappings.length(i), verdict, ChecksumText.of(mappings, i, DssMappings.NO_CHECKSUM), aftermath));
        }
        return rows;
    }

    private static String aftermath(ChecksumFailure f) {
        StringBuilder text = new StringBuilder("checked at #" + f.failedPacket());
        if (f.mpFailPacket() != null) {
            text.append(", MP_FAIL #").append(f.mpFailPacket());
        }
        if (f.resetPacket() != null) {
            text.append(", reset #").append(f.resetPacket());
            if (f.resetReason() != null) {
                text.append(" (reason ").append(f.resetReason()).append(')');
            }
        }
        if (f.fallbackPacket() != null) {
            text.append(", fallback #").append(f.fallbackPacket());
        }
        return text.toString();
    }
}
