package org.braid.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;

/**
 * A progress bar on stderr while traces are read: bytes read of the total, rate and time left.
 * It appears only on a terminal, only once the work has taken a second, and is erased at the end,
 * so quick runs, pipes and scripts never see it.
 *
 * <p>A daemon thread samples the work a few times a second. A source's position is a plain field
 * of the reading thread: a sample may be slightly stale, which a progress bar can afford, and the
 * reading loop pays nothing for it.
 */
final class Progress implements AutoCloseable {
    /** What the bar measures: bytes done of a total, sampled from the bar's thread. */
    interface Work {
        long done();

        /** The bytes of the whole work; 0 or less when unknown, and then no bar is shown. */
        long total();
    }

    /** Output printed while the bar is erased; returns an exit code. */
    @FunctionalInterface
    interface Output {
        int print() throws IOException;
    }

    private static final long FIRST_AFTER_MILLIS = 1000;
    private static final long EVERY_MILLIS = 250;
    private static final int BAR = 30;

    private final Work work;
    private final PrintWriter err;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private int shownWidth;

    private Progress(Work work, PrintWriter err, boolean enabled, long firstAfterMillis) {
        this.work = work;
        this.err = err;
        if (enabled && work.total() > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "braid-progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::show, firstAfterMillis, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** A bar for {@code source}, shown only on a terminal and without {@code quiet}. */
    static Progress start(PacketSource source, PrintWriter err, boolean quiet) {
        return start(new Work() {
            @Override
            public long done() {
                return source.position();
            }

            @Override
            public long total() {
                return source.size();
            }
        }, err, quiet);
    }

    /**
     * A bar for {@code work}, shown only on a terminal and without {@code quiet}. It draws on the
     * process's stderr itself, not through {@code err}: the commands' writer escapes control
     * characters ({@link TerminalSafeWriter}), which would print the bar's carriage returns as
     * {@code \r} instead of redrawing the line. The bar's own text holds nothing from a trace.
     */
    static Progress start(Work work, PrintWriter err, boolean quiet) {
        boolean shown = !quiet && stderrIsTerminal();
        PrintWriter terminal = shown ? new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)) : err;
        return start(work, terminal, shown, FIRST_AFTER_MILLIS);
    }

    /** A bar shown when {@code shown} (stderr is a terminal, and not quiet), after {@code firstAfterMillis}. */
    static Progress start(Work work, PrintWriter err, boolean shown, long firstAfterMillis) {
        return new Progress(work, err, shown, firstAfterMillis);
    }

    /** {@link MptcpAnalyzer#analyze(Path)} with a progress bar. */
    static AnalysisResult analyze(Path file, PrintWriter err, boolean quiet) throws IOException {
        try (PacketSource source = TraceReader.open(file); Progress shown = start(source, err, quiet)) {
            return MptcpAnalyzer.analyze(source);
        }
    }

    /**
     * On Linux, whether file descriptor 2 is a terminal; elsewhere, whether the JVM has a console
     * (stdin and stdout on a terminal), the nearest the JDK can tell.
     */
    private static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(stderr)) {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall back to the console below
        }
        return System.console() != null;
    }

    private synchronized void show() {
        long size = work.total();
        long read = Math.max(0, Math.min(size, work.done()));
        err.print("\r" + line(read, size, (System.nanoTime() - startNanos) / 1e9));
        err.flush();
    }

    /** One line of the bar, e.g. {@code [#######.....]  45%  120 MB of 263 MB, 150 MB/s, 1 s left}. */
    String line(long read, long size, double seconds) {
        double fraction = size > 0 ? read / (double) size : 0;
        int filled = (int) (fraction * BAR);
        double rate = seconds > 0 ? read / seconds : 0;
        String left = rate > 0 ? String.format(Locale.ROOT, "%.0f s left", (size - read) / rate) : "";
        String text = String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s of %s, %s/s, %s", "#".repeat(filled),
                ".".repeat(BAR - filled), fraction * 100, megabytes(read), megabytes(size), megabytes((long) rate), left);
        shownWidth = Math.max(shownWidth, text.length());
        return text;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /**
     * Runs {@code output} with the bar erased, so what it prints starts on a clean line and is not
     * cut by the bar; the bar comes back at its next sample.
     */
    synchronized int whileErased(Output output) throws IOException {
        erase();
        return output.print();
    }

    /** Stops the bar and erases it, so what the command prints next starts on a clean line. */
    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        erase();
    }

    private void erase() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }
}
