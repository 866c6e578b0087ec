package org.braid.ui.packets;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.FrameReader;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/**
 * The load pass, off the UI thread: reads the trace once into a {@link PacketIndex} and through the
 * {@link MptcpAnalyzer} (one decode per packet feeds both), reporting
 * progress by file position, and opens the random-access reader the rows decode from. Damage in
 * the file ends the pass with the packets read so far and the reader's warnings; a file that is
 * not a trace fails the task with its {@link org.braid.io.TraceFormatException}. A plain callable:
 * run it through a {@link org.braid.ui.tasks.TaskExecutor}, or directly with {@link TaskProgress#NONE}.
 */
public final class TraceLoadTask implements BackgroundWork<LoadedTrace> {
    /** Progress and cancellation are looked at every this many packets, to keep the loop cheap. */
    private static final int CHECK_EVERY = 4096;

    private final Path path;
    private final String displayName;

    public TraceLoadTask(Path path, String displayName) {
        this.path = path;
        this.displayName = displayName;
    }

    /** What the status bar says while it runs. */
    public String title() {
        return "Loading " + displayName;
    }

    @Override
    public LoadedTrace call(TaskProgress progress) throws IOException {
        PacketIndex index = new PacketIndex();
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        FrameReader reader = FrameReader.open(path);
        try (PacketSource source = TraceReader.open(path)) {
            long size = Math.max(1, source.size());
            PacketPass.run(source, (frame, packet) -> {
                index.add(frame, packet);
                analyzer.onPacket(frame, packet);
                index.sequenceBases().add(analyzer.columns().flowOfPacket(index.size() - 1), packet);
                if (index.size() % CHECK_EVERY == 0) {
                    progress.checkCancelled();
                    progress.update(source.position(), size);
                }
            });
            progress.checkCancelled();
            TraceAnalysis analysis = new TraceAnalysis(
                    analyzer.result(source.warnings().stream().map(TraceWarning::toString).toList()), analyzer.columns());
            return new LoadedTrace(path, displayName, source.formatDetail(), index, analysis, reader, source.warnings());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
