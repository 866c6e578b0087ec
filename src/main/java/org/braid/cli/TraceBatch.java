package org.braid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;

/**
 * Several traces at once: the files and folders given on the command line, analysed in parallel
 * (one trace a thread, as many threads as cores unless told), their results handed on in the
 * order given. A trace that cannot be read is reported and skipped; the others carry on.
 */
final class TraceBatch {
    /** File names a folder's traces end with; other files in a folder are left alone. */
    private static final List<String> TRACE_SUFFIXES = List.of(".pcap", ".pcapng", ".cap", ".pcap.gz",
            ".pcapng.gz", ".cap.gz");

    /** What is done with each result, on the calling thread; returns the trace's exit code. */
    @FunctionalInterface
    interface Each {
        int accept(Path trace, AnalysisResult result) throws IOException;
    }

    private TraceBatch() {}

    /** The traces named: files as given, folders as their trace files (not recursing), by name. */
    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> traces = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                int before = traces.size();
                try (Stream<Path> entries = Files.list(argument)) {
                    entries.filter(Files::isRegularFile).filter(TraceBatch::looksLikeTrace).sorted().forEach(traces::add);
                }
                if (traces.size() == before) {
                    // Named as FaultMessages names a folder given as a trace, with what was looked for.
                    throw new java.nio.file.FileSystemException(argument.toString(), null,
                            "is a directory with no .pcap, .pcapng or .cap trace in it");
                }
            } else if (Files.exists(argument)) {
                traces.add(argument);
            } else {
                throw new NoSuchFileException(argument.toString());
            }
        }
        return traces;
    }

    /** True when one plain file is given: the commands then keep their single-trace output. */
    static boolean singleFile(List<Path> arguments) {
        return arguments.size() == 1 && !Files.isDirectory(arguments.get(0));
    }

    /**
     * Analyses {@code traces} on {@code jobs} threads and hands each result to {@code each} in
     * order, with one progress bar for the whole batch on a terminal unless {@code quiet}. Returns the highest exit code: {@link ExitCodes#ERROR} when a trace could not be read.
     */
    static int analyze(List<Path> traces, int jobs, PrintWriter err, boolean quiet, Each each) throws IOException {
        int threads = Math.max(1, Math.min(jobs, traces.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "braid-trace");
            thread.setDaemon(true);
            return thread;
        });
        TraceBytes bytes = new TraceBytes(traces);
        try (Progress bar = Progress.start(bytes, err, quiet)) {
            List<Future<AnalysisResult>> pending = new ArrayList<>();
            // Several traces at once keep the cores busy: no read-ahead thread besides each.
            boolean readAhead = threads == 1 && MptcpAnalyzer.READ_AHEAD;
            for (int i = 0; i < traces.size(); i++) {
                int read = i;
                pending.add(pool.submit(() -> analyze(traces.get(read), read, bytes, readAhead)));
            }
            int exit = 0;
            for (int i = 0; i < traces.size(); i++) {
                AnalysisResult result;
                try {
                    result = pending.get(i).get();
                    pending.set(i, null); // handed on: the batch keeps no result it no longer needs
                } catch (ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    if (!(cause instanceof IOException)) {
                        throw new IllegalStateException(cause);
                    }
                    Path trace = traces.get(i);
                    bar.whileErased(() -> {
                        err.printf(Locale.ROOT, "braid: %s: %s%n", trace, message((IOException) cause));
                        return 0;
                    });
                    exit = ExitCodes.ERROR;
                    continue;
                }
                Path trace = traces.get(i);
                AnalysisResult done = result;
                exit = Math.max(exit, bar.whileErased(() -> each.accept(trace, done)));
            }
            return exit;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Analyses read {@code read} of the batch, counting its bytes for the bar. */
    private static AnalysisResult analyze(Path trace, int read, TraceBytes bytes, boolean readAhead)
            throws IOException {
        try (PacketSource source = TraceReader.open(trace)) {
            bytes.opened(read, source);
            return MptcpAnalyzer.analyze(source, readAhead);
        } finally {
            bytes.finished(read);
        }
    }

    /** The default number of parallel analyses: one per core. */
    static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String message(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }

    static boolean looksLikeTrace(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TRACE_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
