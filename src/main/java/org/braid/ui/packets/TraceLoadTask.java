package org.braid.ui.packets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.FrameReader;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
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

    /** The first partial trace is shown this soon, then a newer one at most this often. */
    private static final long FIRST_PARTIAL_NANOS = 250_000_000L;
    private static final long PARTIAL_EVERY_NANOS = 1_000_000_000L;

    private final Path path;
    private final String displayName;
    private final Consumer<LoadedTrace> partial;
    private boolean published;

    public TraceLoadTask(Path path, String displayName) {
        this(path, displayName, loaded -> { });
    }

    /**
     * @param partial receives, on the loading thread, the packets read so far and their analysis
     *                (sharing the final trace's reader) a quarter of a second after the start and then
     *                every second, so the window can show them while the load goes on; not called for
     *                a trace read faster than that
     */
    public TraceLoadTask(Path path, String displayName, Consumer<LoadedTrace> partial) {
        this.path = path;
        this.displayName = displayName;
        this.partial = partial;
    }

    /** What the status bar says while it runs. */
    public String title() {
        return "Loading " + displayName;
    }

    @Override
    public LoadedTrace call(TaskProgress progress) throws IOException {
        PacketIndex index = new PacketIndex();
        FrameReader reader = FrameReader.open(path);
        long[] nextPartial = {System.nanoTime() + FIRST_PARTIAL_NANOS};
        try (PacketSource source = TraceReader.open(path)) {
            MptcpAnalyzer analyzer = new MptcpAnalyzer(1024, source.name());
            long size = Math.max(1, source.size());
            PacketPass.run(source, (frame, packet) -> {
                index.add(frame, packet);
                analyzer.onPacket(frame, packet);
                index.sequenceBases().add(analyzer.columns().flowOfPacket(index.size() - 1), packet);
                if (index.size() % CHECK_EVERY == 0) {
                    progress.checkCancelled();
                    progress.update(source.position(), size);
                    if (System.nanoTime() >= nextPartial[0]) {
                        published = true;
                        partial.accept(new LoadedTrace(path, displayName, source.formatDetail(), index.snapshot(),
                                new TraceAnalysis(analyzer.result(List.of()), analyzer.columns()), reader, List.of()));
                        nextPartial[0] = System.nanoTime() + PARTIAL_EVERY_NANOS;
                    }
                }
            });
            progress.checkCancelled();
            TraceAnalysis analysis = new TraceAnalysis(
                    finished(analyzer, source), analyzer.columns());
            return new LoadedTrace(path, displayName, source.formatDetail(), index, analysis, reader, source.warnings());
        } catch (IOException | RuntimeException e) {
            if (!published) { // once published, the reader belongs to the partial trace shown
                reader.close();
            }
            throw e;
        }
    }

    private static org.braid.model.AnalysisResult finished(MptcpAnalyzer analyzer, PacketSource source) {
        analyzer.finish();
        return analyzer.result(source.warnings());
    }
}
