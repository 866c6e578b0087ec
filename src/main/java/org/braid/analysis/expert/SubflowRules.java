package org.braid.analysis.expert;

import org.braid.analysis.PathObservations;
import org.braid.model.EndReason;
import org.braid.model.EventType;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Subflow;

/** Silent subflows, backup subflows carrying data, joins reset before any data. */
final class SubflowRules {
    /** Fewer new segments than this on a backup subflow are not reported. */
    static final int MIN_BACKUP_SEGMENTS = 3;

    private SubflowRules() {}

    static void apply(ExpertContext x) {
        for (PathObservations.Silence s : x.observations.silences()) {
            silence(x, s);
        }
        for (PathObservations.BackupUse use : x.observations.backupUses()) {
            if (use.packets().length < MIN_BACKUP_SEGMENTS) {
                continue; // a segment or two queued before an MP_PRIO are no misuse
            }
            MptcpConnection c = x.connection(use.connection());
            x.add(FindingKind.BACKUP_USED, FindingSeverity.WARNING, use.connection(), use.flow(), use.firstNanos(),
                    use.lastNanos(), "backup " + ExpertContext.subflow(c, use.flow()) + " carried "
                            + Words.bytes(use.bytes()) + " of new data in " + Words.plural(use.packets().length, "segment")
                            + " at " + Words.period(use.firstNanos(), use.lastNanos(), x.originNanos) + " while "
                            + ExpertContext.subflow(c, use.primaryFlow()) + " (not backup) was up",
                    use.packets());
        }
        for (MptcpConnection c : x.result.connections()) {
            for (Subflow s : c.subflows()) {
                refusedJoin(x, c, s);
            }
        }
    }

    private static void silence(ExpertContext x, PathObservations.Silence s) {
        MptcpConnection c = x.connection(s.connection());
        String others = c.subflows().size() == 2
                ? ExpertContext.subflow(c, c.subflows().get(c.subflowPosition(s.flow()) == 0 ? 1 : 0).flow())
                : "the other subflows";
        String summary = ExpertContext.subflow(c, s.flow()) + (s.backup() ? " (backup)" : "") + " silent "
                + Words.period(s.startNanos(), s.endNanos(), x.originNanos) + " while " + others + " sent "
                + Words.bytes(s.othersBytes()) + (s.trailing() ? ", and to the end of the data" : "");
        x.add(FindingKind.SILENT_SUBFLOW, s.backup() ? FindingSeverity.CHAT : FindingSeverity.WARNING, s.connection(),
                s.flow(), s.startNanos(), s.endNanos(), summary, s.startPacket(), s.endPacket());
    }

    /** A join reset before it carried any byte: refused by the peer (a reset to its SYN, or right after the handshake). */
    private static void refusedJoin(ExpertContext x, MptcpConnection c, Subflow s) {
        if (!s.join() || s.end() != EndReason.RST || s.clientBytes() + s.serverBytes() > 0
                || s.lifecycle().endPacket() == null) {
            return;
        }
        MptcpEvent syn = null;
        for (MptcpEvent e : c.events()) {
            if (e.flow() == s.flow() && e.type() == EventType.MP_JOIN) {
                syn = e;
                break;
            }
        }
        long end = s.lifecycle().endPacket();
        String reason = s.lifecycle().resetReason() == null ? ""
                : ", MP_TCPRST reason " + s.lifecycle().resetReason() + " (" + s.lifecycle().resetReasonName() + ")";
        x.add(FindingKind.JOIN_REFUSED, FindingSeverity.WARNING, c.index(), s.flow(), s.startNanos(), s.endNanos(),
                "join " + ExpertContext.subflow(c, s.flow()) + " " + s.client() + " -> " + s.server()
                        + " reset at packet " + end + " before carrying any data" + reason,
                syn == null ? 0 : syn.packet(), end);
    }
}
