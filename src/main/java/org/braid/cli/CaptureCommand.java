package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.capture.CaptureEnd;
import org.braid.capture.CaptureException;
import org.braid.capture.CaptureInterface;
import org.braid.capture.CaptureInterfaces;
import org.braid.capture.CaptureObserver;
import org.braid.capture.CaptureSettings;
import org.braid.capture.CaptureStatistics;
import org.braid.capture.LiveCapture;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.report.JsonReport;
import org.braid.report.TextReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "capture", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Capture live on an interface and analyse the MPTCP connections as they form.",
                "Prints a line per new MPTCP connection and subflow, then the summary of `braid analyze` "
                        + "(or its JSON) when the capture stops: on --duration, --count or Ctrl-C.",
                "Needs root, or: setcap cap_net_raw,cap_net_admin=eip on the java binary."})
public final class CaptureCommand implements Callable<Integer> {
    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE",
            description = "Interface to capture on (`any` for all).")
    String interfaceName;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", defaultValue = CaptureSettings.DEFAULT_FILTER,
            description = "BPF capture filter, tcpdump syntax (default: ${DEFAULT-VALUE}; \"\" for none).")
    String filter;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "SNAPLEN", defaultValue = "262144",
            description = "Bytes kept of each packet (default: ${DEFAULT-VALUE}).")
    int snaplen;

    @Option(names = {"-p", "--no-promiscuous"}, description = "Do not put the interface in promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "KiB", defaultValue = "32768",
            description = "Kernel capture buffer in KiB (default: ${DEFAULT-VALUE}).")
    int bufferKib;

    @Option(names = "--immediate", description = "libpcap immediate mode: no 50 ms batching, but on Linux a ring "
            + "of snaplen-sized slots that drops bursts sooner.")
    boolean immediate;

    @Option(names = {"-w", "--write"}, paramLabel = "OUT.pcapng",
            description = "Save every captured packet as pcapng (written aside and moved into place at the end).")
    Path output;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Limit limit;

    static final class Limit {
        @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds.")
        Double seconds;

        @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N packets.")
        Long packets;
    }

    /** Longer than any capture, short enough that its nanoseconds fit a long. */
    private static final double MAX_DURATION_SECONDS = 9e9;

    @Option(names = "--json", description = "Print the analysis as the JSON of `braid analyze --json` at the end.")
    boolean json;

    @Option(names = {"-D", "--list-interfaces"}, description = "List the interfaces and exit.")
    boolean listInterfaces;

    @Option(names = "--stats", description = "Print the capture counters to stderr every second.")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (listInterfaces) {
                for (CaptureInterface i : CaptureInterfaces.list()) {
                    out.println(i.describe());
                }
                out.flush();
                return 0;
            }
            if (interfaceName == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--interface=IFACE'"
                        + " (see --list-interfaces)");
            }
            return capture(out, err);
        } catch (CaptureException e) {
            err.println("braid: " + e.getMessage());
            err.flush();
            return ExitCodes.ERROR;
        }
    }

    private int capture(PrintWriter out, PrintWriter err) throws CaptureException, InterruptedException {
        CaptureSettings settings = settings();
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        // Live lines go to stderr under --json, so stdout stays one JSON document.
        PrintWriter live = json ? err : out;
        NewConnections announcer = new NewConnections(analyzer, live, err, stats);
        LiveCapture capture = LiveCapture.open(settings, List.of(analyzer), announcer);
        err.println("braid: capturing on " + settings.interfaceName()
                + (settings.filter().isEmpty() ? "" : " with filter \"" + settings.filter() + "\"")
                + (settings.saveTo() == null ? "" : ", saving to " + settings.saveTo()));
        err.flush();
        CountDownLatch reported = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            capture.stop();
            try {
                reported.await(30, TimeUnit.SECONDS); // let the summary print and the save publish before exit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "braid-capture-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            capture.start();
            CaptureEnd end = capture.awaitEnd();
            announcer.report(); // subflows that appeared after the last poll
            AnalysisResult result = analyzer.result();
            if (json) {
                Json.print(out, JsonReport.document(result));
            } else {
                TextReport.print(out, result);
            }
            out.flush();
            err.println("braid: " + end.statistics().describe());
            if (end.saved() != null) {
                err.println("braid: saved " + end.statistics().captured() + " packets to " + end.saved());
            }
            if (end.error() != null) {
                err.println("braid: " + end.error().getMessage());
            }
            err.flush();
            return end.error() != null ? ExitCodes.ERROR : result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot print the analysis", e);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and returns now that the report is out
            }
        }
    }

    private CaptureSettings settings() {
        try {
            return validSettings();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Largest -B in KiB: the buffer's bytes must fit libpcap's int. */
    private static final int MAX_BUFFER_KIB = Integer.MAX_VALUE / 1024;

    private CaptureSettings validSettings() {
        if (bufferKib <= 0 || bufferKib > MAX_BUFFER_KIB) {
            throw new IllegalArgumentException("--buffer-size " + bufferKib + " KiB is out of range: give 1 to "
                    + MAX_BUFFER_KIB + " KiB (2 GiB)");
        }
        if (limit != null && limit.seconds != null && !(limit.seconds > 0 && limit.seconds <= MAX_DURATION_SECONDS)) {
            throw new IllegalArgumentException("--duration " + limit.seconds + " is not a number of seconds above 0"
                    + " and at most " + (long) MAX_DURATION_SECONDS);
        }
        if (output != null) {
            Path folder = output.toAbsolutePath().getParent();
            if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
                throw new IllegalArgumentException("cannot save to " + output + ": folder " + folder
                        + " does not exist");
            }
        }
        CaptureSettings settings = CaptureSettings.on(interfaceName)
                .withFilter(filter)
                .withSnaplen(snaplen)
                .withPromiscuous(!noPromiscuous)
                .withBufferBytes(Math.multiplyExact(bufferKib, 1024))
                .withImmediate(immediate)
                .withSaveTo(output);
        if (limit != null && limit.seconds != null) {
            settings = settings.withMaxDuration(Duration.ofNanos(Math.round(limit.seconds * 1e9)));
        }
        if (limit != null && limit.packets != null) {
            settings = settings.withMaxPackets(limit.packets);
        }
        return settings;
    }

    /**
     * Polls the analysis on the capture thread (where reading it is safe) and prints each MPTCP
     * connection and subflow the first time it appears.
     */
    private static final class NewConnections implements CaptureObserver {
        private static final long STATS_PERIOD_NANOS = 1_000_000_000L;
        private final MptcpAnalyzer analyzer;
        private final PrintWriter live;
        private final PrintWriter err;
        private final boolean stats;
        private final Set<Integer> connections = new HashSet<>();
        private final Set<Integer> subflows = new HashSet<>();
        private long lastStatsNanos;

        NewConnections(MptcpAnalyzer analyzer, PrintWriter live, PrintWriter err, boolean stats) {
            this.analyzer = analyzer;
            this.live = live;
            this.err = err;
            this.stats = stats;
        }

        @Override
        public void onStatistics(CaptureStatistics statistics) {
            report();
            if (stats && statistics.elapsedNanos() - lastStatsNanos >= STATS_PERIOD_NANOS) {
                lastStatsNanos = statistics.elapsedNanos();
                err.println("braid: " + statistics.describe());
                err.flush();
            }
        }

        void report() {
            AnalysisResult result = analyzer.result();
            for (MptcpConnection c : result.connections()) {
                if (connections.add(c.index())) {
                    live.printf(Locale.ROOT, "+ MPTCP connection %d: %s -> %s, %s%s%n", c.index(), c.client(), c.server(),
                            c.version() == null ? "version unknown" : "v" + c.version(),
                            c.handshake() ? "" : ", incomplete (handshake not captured)");
                }
                for (Subflow s : c.subflows()) {
                    if (subflows.add(s.flow())) {
                        live.printf(Locale.ROOT, "+   subflow of connection %d: %s -> %s, %s%n", c.index(), s.client(), s.server(),
                                s.join() ? "join" + (s.backup() ? ", backup" : "") : "initial");
                    }
                }
            }
            live.flush();
        }
    }
}
