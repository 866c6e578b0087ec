package org.braid.model;

import java.util.List;

/**
 * How a subflow ended and how its backup flag changed.
 *
 * @param endPacket       1-based number of the packet that ended it (first reset, or the FIN of the second
 *                        direction); null when still open or half closed
 * @param resetReason     the MP_TCPRST reason code sent with its reset, or null
 * @param resetReasonName RFC 8684 3.6 name of that code, or null
 * @param backupChanges   MP_PRIO changes that apply to it, in order
 * @param finalBackup     the backup flag at the end of the trace
 */
public record SubflowLifecycle(Long endPacket, Integer resetReason, String resetReasonName,
        List<BackupChange> backupChanges, boolean finalBackup) {
    public SubflowLifecycle {
        backupChanges = List.copyOf(backupChanges);
    }
}
