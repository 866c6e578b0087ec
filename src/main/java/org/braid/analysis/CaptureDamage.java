package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;
import org.braid.model.AnalysisWarning;

/**
 * What the snaplen took from TCP packets: their options (so MPTCP options are lost or partial) or
 * their payload (so DSS checksums cannot be verified and the data stream has holes). Said once per
 * kind, at the first packet, with the count; a packet captured whole costs one comparison.
 */
final class CaptureDamage {
    private long optionsCut;
    private long firstOptionsCutPacket;
    private long firstOptionsCutOffset;
    private long payloadCut;
    private long firstPayloadCutPacket;
    private long firstPayloadCutOffset;
    private int largestCut;

    void onPacket(Frame frame, DecodedPacket packet) {
        if (frame.capturedLength() >= frame.originalLength()) {
            return;
        }
        largestCut = Math.max(largestCut, frame.capturedLength());
        if (packet.tcpHeaderCut()) {
            if (optionsCut++ == 0) {
                firstOptionsCutPacket = frame.packetNumber();
                firstOptionsCutOffset = frame.fileOffset();
            }
        } else if (packet.hasTcp() && packet.payloadCapturedLength() < packet.payloadWireLength()) {
            if (payloadCut++ == 0) {
                firstPayloadCutPacket = frame.packetNumber();
                firstPayloadCutOffset = frame.fileOffset();
            }
        }
    }

    List<AnalysisWarning> warnings(String file, boolean mptcpFound) {
        List<AnalysisWarning> warnings = new ArrayList<>(2);
        if (optionsCut > 0) {
            warnings.add(new AnalysisWarning(AnalysisWarning.Kind.SNAPLEN, file, firstOptionsCutPacket,
                    firstOptionsCutOffset, "the snaplen (" + largestCut + " bytes or less) cut the TCP options of "
                            + optionsCut + " packets from this one on: their MPTCP options are lost or partial, so "
                            + (mptcpFound ? "connections, DSNs, mappings, checksums and windows that rest on them"
                                    : "MPTCP connections there may show as plain TCP, and everything that rests on"
                                            + " their options")
                            + " are unknown, not absent"));
        }
        if (payloadCut > 0) {
            warnings.add(new AnalysisWarning(AnalysisWarning.Kind.SNAPLEN, file, firstPayloadCutPacket,
                    firstPayloadCutOffset, "the snaplen (" + largestCut + " bytes or less) cut the payload of "
                            + payloadCut + " packets from this one on: the DSS checksums of their mappings are"
                            + " unverifiable, and their bytes are missing from the data stream"));
        }
        return warnings;
    }
}
