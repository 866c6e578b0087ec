package org.braid.ui.packets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.FrameReader;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.ui.analysis.TraceAnalysis;

/**
 * The load pass, off the UI thread: reads the trace once into a {@link PacketIndex} and through the
 * {@link MptcpAnalyzer} (one decode per packet feeds both), reporting
 * progress by file position, and opens the random-access reader the rows decode from. Damage in
 * the file ends the pass with the packets read so far and the reader's warnings; a file that is
 * not a trace fails the task with its {@link org.braid.io.TraceFormatException}.
 */
public final class TraceLoadTask extends Task<LoadedTrace> {
    /** Progress and cancellation are looked at every this many packets, to keep the loop cheap. */
    private static final int CHECK_EVERY = 4096;

    private final Path path;
    private final String displayName;

    public TraceLoadTask(Path path, String displayName) {
        this.path = path;
        this.displayName = displayName;
        updateTitle("Loading " + displayName);
    }

    @Override
    protected LoadedTrace call() throws IOException {
        PacketIndex index = new PacketIndex();
        FrameReader reader = FrameReader.open(path);
        try (PacketSource source = TraceReader.open(path)) {
            MptcpAnalyzer analyzer = new MptcpAnalyzer(1024, source.name());
            long size = Math.max(1, source.size());
            PacketPass.run(source, (frame, packet) -> {
                index.add(frame, packet);
                analyzer.onPacket(frame, packet);
                if (index.size() % CHECK_EVERY == 0) {
                    if (isCancelled()) {
                        throw new CancellationException("load of " + displayName + " cancelled");
                    }
                    updateProgress(source.position(), size);
                    updateMessage(index.size() + " packets");
                }
            });
            if (isCancelled()) {
                throw new CancellationException("load of " + displayName + " cancelled");
            }
            updateProgress(size, size);
            updateMessage(index.size() + " packets");
            TraceAnalysis analysis = new TraceAnalysis(
                    finished(analyzer, source), analyzer.columns());
            return new LoadedTrace(path, displayName, source.formatDetail(), index, analysis, reader, source.warnings());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static org.braid.model.AnalysisResult finished(MptcpAnalyzer analyzer, PacketSource source) {
        analyzer.finish();
        return analyzer.result(source.warnings());
    }
}
