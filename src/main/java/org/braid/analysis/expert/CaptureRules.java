package org.braid.analysis.expert;

import org.braid.analysis.PathObservations;
import org.braid.model.EventType;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;

/**
 * What the capture lacks, as findings: a connection's handshake, bytes cut by the snap length,
 * subflow data acknowledged but never captured. Each rests on a fact the analysis already reports
 * (the INCOMPLETE event, the frame lengths, the ACKs), adapted here so new capture facts slot in.
 */
final class CaptureRules {
    private CaptureRules() {}

    static void apply(ExpertContext x) {
        for (MptcpConnection c : x.result.connections()) {
            missingHandshake(x, c);
        }
        for (PathObservations.SnapCut cut : x.observations.cuts()) {
            MptcpConnection c = x.connection(cut.connection());
            x.add(FindingKind.SNAPLEN_CUT, FindingSeverity.NOTE, c.index(), null, c.startNanos(), c.endNanos(),
                    Words.plural(cut.packets(), "packet") + " captured shorter than on the wire (snap length):"
                            + " payload bytes are missing, so DSS checksums cannot be verified"
                            + (cut.packets() > cut.evidence().length ? "; the first " + cut.evidence().length
                                    + " are listed" : ""),
                    cut.evidence());
        }
        for (PathObservations.CaptureLoss loss : x.observations.losses()) {
            MptcpConnection c = x.connection(loss.connection());
            x.add(FindingKind.CAPTURE_LOSS, FindingSeverity.NOTE, c.index(), null, c.startNanos(), c.endNanos(),
                    Words.bytes(loss.bytes()) + " of subflow data acknowledged but not in the trace: the capture"
                            + " missed packets (" + Words.plural(loss.evidence().length, "ACK") + " show it)",
                    loss.evidence());
        }
    }

    private static void missingHandshake(ExpertContext x, MptcpConnection c) {
        if (c.handshake() || c.version() == null && c.subflows().stream().allMatch(s -> s.join())) {
            return; // complete, or only joins: reported as an unknown token
        }
        MptcpEvent incomplete = ExpertContext.event(c, EventType.INCOMPLETE, 0);
        long packet = incomplete != null ? incomplete.packet() : x.firstPackets(c.subflows().get(0).flow())[0];
        x.add(FindingKind.MISSING_HANDSHAKE, FindingSeverity.NOTE, c.index(), null, c.startNanos(), c.startNanos(),
                "the MP_CAPABLE handshake is not in the trace: "
                        + (c.clientKey() == null || c.serverKey() == null ? "keys unknown, DSNs relative to the first seen"
                                : "the keys came later"), packet);
    }
}
