package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketWarning;
import org.braid.io.Frame;
import org.braid.io.TraceWarning;
import org.braid.model.AnalysisWarning;
import org.braid.model.AnalysisWarning.Kind;

/**
 * The warnings of one analysis, each naming the file, packet and offset. Per-packet decode
 * warnings are listed up to {@link #MAX_PACKET_WARNINGS} (as {@code braid info} does) and counted beyond.
 */
final class AnalysisWarnings {
    static final int MAX_PACKET_WARNINGS = 10_000;

    private final String file;
    private final List<AnalysisWarning> warnings = new ArrayList<>();
    private long packetWarnings;

    AnalysisWarnings(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(Kind kind, Frame frame, String message) {
        warnings.add(new AnalysisWarning(kind, file, frame.packetNumber(), frame.fileOffset(), message));
    }

    void add(Kind kind, long packet, long offset, String message) {
        warnings.add(new AnalysisWarning(kind, file, packet, offset, message));
    }

    /** The decoder's warnings on this packet, worded as {@code braid info} words them. */
    void decodeWarnings(Frame frame, DecodedPacket packet) {
        for (int i = 0; i < packet.warningCount(); i++) {
            packetWarnings++;
            if (packetWarnings <= MAX_PACKET_WARNINGS) {
                PacketWarning warning = packet.warning(i);
                add(Kind.PACKET_DAMAGE, frame, warning.located());
            }
        }
    }

    /** Everything, the reader's warnings (damage in the file) first. */
    List<AnalysisWarning> all(List<TraceWarning> readerWarnings) {
        List<AnalysisWarning> all = new ArrayList<>(readerWarnings.size() + warnings.size() + 1);
        for (TraceWarning w : readerWarnings) {
            all.add(new AnalysisWarning(Kind.TRACE_DAMAGE, w.file(), w.packetNumber(), w.offset(), w.message()));
        }
        all.addAll(warnings);
        if (packetWarnings > MAX_PACKET_WARNINGS) {
            all.add(new AnalysisWarning(Kind.PACKET_DAMAGE, file, 0, -1,
                    (packetWarnings - MAX_PACKET_WARNINGS) + " more packet warnings not listed"));
        }
        return all;
    }
}
