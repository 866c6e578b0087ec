package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.BackupChange;

/** How one subflow ended and its backup changes, during the pass (fed by {@link LifecycleTracker}). */
final class SubflowHistory {
    /** 1-based number of the packet that ended the subflow (first reset, or the second direction's FIN); 0 = open. */
    long endPacket;
    long endNanos;
    int resetReason = Flow.NONE;
    final List<BackupChange> backupChanges = new ArrayList<>(0);
}
