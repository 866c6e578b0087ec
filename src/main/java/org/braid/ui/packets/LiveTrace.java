package org.braid.ui.packets;

import java.util.List;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;
import org.braid.ui.analysis.TraceAnalysis;

/**
 * What a live capture feeds, on its capture thread: the same packet index (keeping the frames'
 * bytes) and MPTCP analysis as a file's load pass. {@link #snapshot} turns what has arrived so far
 * into a {@link LoadedTrace} the window shows like a file; call it where the capture is paused
 * ({@code capture.read(live::snapshot)}), so the count and the analysis agree.
 */
public final class LiveTrace implements PacketPass.Listener {
    private final String displayName;
    private final String formatDetail;
    private final PacketIndex index = PacketIndex.live();
    private final MptcpAnalyzer analyzer = new MptcpAnalyzer();

    /** @param formatDetail what the status bar says after the name, e.g. the interface and filter */
    public LiveTrace(String displayName, String formatDetail) {
        this.displayName = displayName;
        this.formatDetail = formatDetail;
    }

    @Override
    public void onPacket(Frame frame, DecodedPacket packet) {
        index.add(frame, packet);
        analyzer.onPacket(frame, packet);
        index.sequenceBases().add(analyzer.columns().flowOfPacket(index.size() - 1), packet);
    }

    /** The packets so far and their analysis, frozen; has no file, so its path and reader are null. */
    public LoadedTrace snapshot() {
        TraceAnalysis analysis = new TraceAnalysis(analyzer.result(List.of()), analyzer.columns());
        return new LoadedTrace(null, displayName, formatDetail, index.snapshot(), analysis, null, List.of());
    }

    /** Packets received so far; exact only where the capture is paused. */
    public int packets() {
        return index.size();
    }
}
