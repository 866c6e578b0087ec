package org.braid.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Start-up against steady speed. The launchers start Braid with only the quick JIT compiler
 * ({@value #QUICK_JIT}): most runs last a second or less, and end before the optimising compiler
 * has repaid the processor time it takes and the slower profiled code it runs meanwhile (on a
 * 240k-packet trace a whole {@code analyze --json} takes 0.54 s this way, 0.72 s with both
 * compilers). Long work is the other way round (3.3M packets: 3.6 s against 2.4 s), so Braid
 * starts again, once, in a child JVM with both compilers when the work is long: the window, live
 * capture, a trace read from a pipe, the benchmarks, and traces of {@link #LONG_WORK_BYTES} or more
 * in all. The child costs one more JVM start, 0.1 to 0.2 s. Long work on the command line also
 * gets {@link ThroughputOptions}, a collector for work that keeps what it allocates: a JVM started
 * without the quick option (plain {@code java -jar}) starts again for them too, when the user
 * chose no collector.
 */
public final class QuickStart {
    /** The option that makes a JVM quick to start. */
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /** Set in a child whose parent was started quick, so benchmarks can launch commands as users do. */
    static final String LAUNCHED_QUICK = "braid.launchedQuick";
    /** Set in every child, so it never starts again. */
    static final String STARTED_AGAIN = "braid.startedAgain";
    /** Traces that big in all are worth the optimising compiler (about 1.5M packets of 200 bytes). */
    static final long LONG_WORK_BYTES = 300L << 20;
    /** Commands that run as long as the user lets them, or measure speed. */
    private static final List<String> LONG_COMMANDS = List.of("capture", "bench");

    private QuickStart() {}

    /**
     * When the work is long and this JVM was started quick, or was started without the throughput
     * collector for command-line work, runs {@code org.braid.Main} with the same arguments in a
     * child JVM with both compilers (and {@link ThroughputOptions} for the command line), waits for
     * it, and returns its exit code; otherwise returns -1 and this JVM does the work.
     */
    public static int runLongWorkFullyCompiled(String[] args, boolean window) {
        // The JVM's own options are asked last: the answer loads the management classes.
        if (Boolean.getBoolean(STARTED_AGAIN) || !isLongWork(args, window, longWorkBytes())) {
            return -1;
        }
        List<String> command = relaunchCommand(args, window, ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (command == null) {
            return -1;
        }
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stopChild = new Thread(child::destroy, "stop-child");
            Runtime.getRuntime().addShutdownHook(stopChild);
            int exit = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return exit;
        } catch (IOException e) {
            return -1; // no java to start (a stripped runtime): do the work here, only slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ERROR;
        }
    }

    /**
     * The child JVM for long work in a JVM started with {@code jvmArguments}, or null when this one
     * should do it: started without the quick option, it compiles fully already, and starts again
     * only for command-line work that lacks the throughput collector the user did not decline.
     */
    static List<String> relaunchCommand(String[] args, boolean window, List<String> jvmArguments) {
        boolean quick = jvmArguments.contains(QUICK_JIT);
        List<String> throughput = interactive(args, window) ? List.of() : ThroughputOptions.forLongWork(jvmArguments);
        if (!quick && (throughput.isEmpty() || jvmArguments.contains(ThroughputOptions.PARALLEL_GC))) {
            return null;
        }
        return childCommand(args, quick, throughput);
    }

    /** The window and live capture: work a user watches, which keeps G1's short pauses. */
    private static boolean interactive(String[] args, boolean window) {
        return window || args.length > 0 && args[0].equals("capture");
    }

    /** True when this JVM, or the one that started it, was started with {@link #QUICK_JIT}. */
    static boolean launchedQuick() {
        return startedQuick() || Boolean.getBoolean(LAUNCHED_QUICK);
    }

    /** How this JVM compiles, for {@code --version}. */
    static String jitMode() {
        if (startedQuick()) {
            return "quick start, long work starts again with both compilers";
        }
        if (!Boolean.getBoolean(STARTED_AGAIN)) {
            return "both compilers";
        }
        boolean throughput = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(ThroughputOptions::isOwn);
        return "both compilers, started again for long work" + (throughput ? ", throughput collector" : "");
    }

    private static boolean startedQuick() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(QUICK_JIT);
    }

    /** The threshold; {@code -Dbraid.longWorkBytes=N} changes it (the tests use 1). */
    private static long longWorkBytes() {
        return Long.getLong("braid.longWorkBytes", LONG_WORK_BYTES);
    }

    static boolean isLongWork(String[] args, boolean window, long threshold) {
        if (window || args.length > 0 && LONG_COMMANDS.contains(args[0])) {
            return true;
        }
        // Every argument first, as a cheap bound: only when it is reached does the command line
        // have to be parsed to leave out the values of options (an output folder).
        return bytesOf(List.of(args)) >= threshold && bytesOf(traceArguments(args)) >= threshold;
    }

    /** The bytes of these files and folders; {@link Long#MAX_VALUE} for a pipe, which lasts as long as its writer. */
    private static long bytesOf(List<String> arguments) {
        long bytes = 0;
        for (String argument : arguments) {
            if (argument.equals("-")) {
                return Long.MAX_VALUE;
            }
            bytes += traceBytes(argument);
        }
        return bytes;
    }

    /** The command's positional arguments (its traces), not the values of its options; none when they do not parse. */
    private static List<String> traceArguments(String[] args) {
        try {
            CommandLine.ParseResult command = BraidCommand.commandLine(args).parseArgs(args);
            while (command.subcommand() != null) {
                command = command.subcommand();
            }
            List<String> traces = new ArrayList<>();
            for (CommandLine.Model.PositionalParamSpec positional : command.matchedPositionals()) {
                traces.addAll(positional.stringValues());
            }
            return traces;
        } catch (CommandLine.ParameterException e) {
            return List.of(); // the command reports it, quickly
        }
    }

    /** The bytes of a file, or of the traces in a folder (as the commands pick them); 0 for a name of nothing. */
    private static long traceBytes(String arg) {
        try {
            Path path = Paths.get(arg);
            if (Files.isRegularFile(path)) {
                return Files.size(path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    return entries.filter(Files::isRegularFile).filter(TraceBatch::looksLikeTrace)
                            .mapToLong(QuickStart::sizeOrZero).sum();
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the command itself reports what it cannot read
        }
        return 0;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * {@code org.braid.Main} with {@code args} in a JVM like this one (see {@link ChildJvm#command}:
     * its options without {@link #QUICK_JIT}), marked as started again (and as launched quick when
     * this JVM was), with {@code options} added.
     */
    private static List<String> childCommand(String[] args, boolean quick, List<String> options) {
        List<String> all = new ArrayList<>(List.of("-D" + STARTED_AGAIN + "=true"));
        if (quick) {
            all.add("-D" + LAUNCHED_QUICK + "=true");
        }
        all.addAll(options);
        return ChildJvm.command(all, "org.braid.Main", args);
    }
}
