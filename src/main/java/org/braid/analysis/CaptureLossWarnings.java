package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.AnalysisWarning;

/**
 * One warning per subflow whose receiver acknowledged bytes the capture never saw, naming the first
 * packet that proved it. The analysis skips the beyond-window checks of such a connection: the
 * missing packets could have moved the window.
 */
final class CaptureLossWarnings {
    private CaptureLossWarnings() {}

    static List<AnalysisWarning> of(String file, List<ConnectionState> connections, PacketColumns columns) {
        List<AnalysisWarning> warnings = new ArrayList<>();
        for (ConnectionState connection : connections) {
            for (Flow flow : connection.subflows) {
                long bytes = flow.data.lostBytes(0) + flow.data.lostBytes(1);
                if (bytes == 0) {
                    continue;
                }
                long gaps = flow.data.lostGaps(0) + flow.data.lostGaps(1);
                warnings.add(new AnalysisWarning(AnalysisWarning.Kind.CAPTURE_LOSS, file, flow.data.firstLossPacket,
                        flow.data.firstLossOffset,
                        "the capture lost " + bytes + " bytes in " + gaps + " gaps of tcp.stream " + flow.index
                                + " of connection " + columns.connectionNumber(connection.index)
                                + " (acknowledged by the receiver, never seen); its beyond-window checks are skipped"));
            }
        }
        return warnings;
    }
}
