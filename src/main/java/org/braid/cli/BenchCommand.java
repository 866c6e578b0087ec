package org.braid.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.EOFException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Measures Braid against baselines run on the same file in the same process, alternating rounds
 * so every reader sees the same page cache and JIT state, and prints the ratios. Rates are the
 * best round of each by wall time, and the mean by the process's CPU time (all threads: the
 * analysis reads ahead on a second one, and garbage is collected on others): on a machine shared
 * with other work, CPU time is the steadier of the two. With {@code --analyze}, each ratio is also
 * the median of the rounds' own ratios, whose passes ran back to back. Nothing here is a unit test.
 *
 * <p>Without {@code --analyze}, when tshark is on the PATH, it also times whole processes: this
 * JVM's command line running {@code analyze --json}, start-up included, against tshark's MPTCP
 * analysis of the same file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure read+decode speed against pcap4j's raw offline reader on the same file, and, when "
                + "tshark is on the PATH, whole-process analyze --json against tshark's MPTCP analysis; "
                + "with --analyze, the full MPTCP analysis against a plain read, and its retained memory.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "pcap or pcapng trace (not gzip: libpcap cannot read it)")
    Path file;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds of each reader (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--analyze", description = "Benchmark the full analysis against a plain read instead of pcap4j.")
    boolean analyze;

    @Option(names = "--compare", paramLabel = "FILE2", description = "Benchmark comparing FILE with FILE2 "
            + "(braid compare) against analysing both (braid analyze on each).")
    Path compareWith;

    @Option(names = "--big", paramLabel = "PACKETS", arity = "0..1", fallbackValue = "10000000",
            description = "Instead of FILE, write a synthetic MPTCP trace of PACKETS packets (10M, about 2 GB, when "
                    + "not given) to a temporary file, analyse it with a 1 GB heap, load it as the window does, "
                    + "and delete it.")
    Long bigPackets;

    @Option(names = "--keep", paramLabel = "TRACE", description = "With --big, write the synthetic trace to TRACE "
            + "and keep it (to measure it again, or open it in the window).")
    Path keep;

    @Option(names = "--window", description = "Load FILE as the window does, in a child JVM, and print the memory "
            + "it keeps per packet, display filters' speed against a raw column scan, and rows' time after jumps.")
    boolean window;

    @Option(names = "--batch", paramLabel = "N", arity = "0..1", fallbackValue = "4",
            description = "Time braid analyze over FILE named N times (4 when not given) one by one (-j 1) against "
                    + "one job per core, whole processes, and print the speed-up.")
    Integer batchCopies;

    @Option(names = "--process-rounds", defaultValue = "2",
            description = "Rounds of the whole-process comparison with tshark, 0 to skip it (default ${DEFAULT-VALUE}).")
    int processRounds;

    @Spec
    CommandSpec spec;

    /** One timed pass over the file; returns the packets it saw. */
    @FunctionalInterface
    private interface Pass {
        long run() throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (bigPackets != null) {
            new BigTraceBench(bigPackets, keep).run(out);
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        if (batchCopies != null) {
            new BatchBench(file, batchCopies, rounds).run(out);
            return 0;
        }
        if (window) {
            BigTraceBench.window(file, out);
            return 0;
        }
        if (compareWith != null) {
            new CompareBench(file, compareWith, rounds, warmup).run(out);
            return 0;
        }
        Pass[] passes = analyze
                ? new Pass[] {this::readPass, this::decodePass, this::analysisPass, this::readAheadAnalysisPass}
                : new Pass[] {this::decodePass, this::pcap4jPass};
        String[] names = analyze
                ? new String[] {"plain read (frames only)", "read + full decode", "analysis on one thread",
                    "analysis reading ahead"}
                : new String[] {"braid read+full decode", "pcap4j getNextRawPacket"};
        long[] best = new long[passes.length];
        long[] totalCpu = new long[passes.length];
        long[] packets = new long[passes.length];
        long[][] elapsedByRound = new long[rounds][passes.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        // The process's CPU time, all threads: the analysis reads ahead on a second one, and its garbage is
        // collected on others. The clock ticks in milliseconds, so it is summed over the measured rounds.
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < warmup + rounds; round++) {
            for (int i = 0; i < passes.length; i++) {
                long start = System.nanoTime();
                long cpuStart = process.getProcessCpuTime();
                packets[i] = passes[i].run();
                long cpu = process.getProcessCpuTime() - cpuStart;
                long elapsed = System.nanoTime() - start;
                if (round >= warmup) {
                    elapsedByRound[round - warmup][i] = elapsed;
                    best[i] = Math.min(best[i], elapsed);
                    totalCpu[i] += cpu;
                }
            }
        }
        out.printf(Locale.ROOT, "file: %s (%,d packets), best of %d rounds after %d warm-up%n", file.getFileName(), packets[0],
                rounds, warmup);
        // How this JVM compiles and collects moves every figure: say so beside them.
        out.printf(Locale.ROOT, "JVM: %s; collectors: %s%n", QuickStart.jitMode(), collectors());
        double[] rate = new double[passes.length];
        double[] cpuRate = new double[passes.length];
        out.printf(Locale.ROOT, "  %-30s %14s %14s%n", "", "wall (best)", "CPU (mean)");
        for (int i = 0; i < passes.length; i++) {
            rate[i] = packets[i] / (best[i] / 1e9);
            cpuRate[i] = packets[i] * (double) rounds / (Math.max(1, totalCpu[i]) / 1e9);
            out.printf(Locale.ROOT, "  %-30s %,14.0f %,14.0f packets/s%n", names[i] + ":", rate[i], cpuRate[i]);
        }
        if (analyze) {
            out.printf(Locale.ROOT, "  %-30s %14s %14s %14s%n", "ratios", "wall (best)", "CPU (mean)", "round median");
            String[] ratios = {"analysis / plain read:", "analysis / read+decode:", "reading ahead / read+decode:"};
            int[][] pairs = {{2, 0}, {2, 1}, {3, 1}};
            for (int k = 0; k < pairs.length; k++) {
                int of = pairs[k][0];
                int to = pairs[k][1];
                out.printf(Locale.ROOT, "  %-30s %14.2f %14.2f %14.2f%n", ratios[k], rate[of] / rate[to],
                        cpuRate[of] / cpuRate[to], medianRoundRatio(elapsedByRound, packets, of, to));
            }
            out.printf(Locale.ROOT, "  %-30s %14.1f bytes/packet%n", "retained after analysis:", retainedBytesPerPacket());
            out.printf(Locale.ROOT, "the commands read ahead %s%n", MptcpAnalyzer.READ_AHEAD
                    ? "with 2 or more processors (-Dbraid.readAhead=false: one thread)" : "never (-Dbraid.readAhead=false)");
        } else {
            out.printf(Locale.ROOT, "  %-30s %14.1f %14.1f%n", "ratio braid/pcap4j:", rate[0] / rate[1],
                    cpuRate[0] / cpuRate[1]);
            if (processRounds > 0) {
                new WholeProcessBench(file, processRounds).run(out);
            }
        }
        for (int i = 1; i < passes.length; i++) {
            if (packets[i] != packets[0]) {
                out.printf(Locale.ROOT, "warning: %s saw %d packets, %s %d%n", names[0], packets[0], names[i], packets[i]);
            }
        }
        return 0;
    }

    /**
     * The median over the measured rounds of pass {@code of}'s rate against pass {@code to}'s in the
     * same round: the two ran seconds apart, so a neighbour's load on a shared machine slows both,
     * where the best of each may come from different moments.
     */
    static double medianRoundRatio(long[][] elapsedByRound, long[] packets, int of, int to) {
        double[] ratios = new double[elapsedByRound.length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = (packets[of] / (double) elapsedByRound[r][of]) / (packets[to] / (double) elapsedByRound[r][to]);
        }
        java.util.Arrays.sort(ratios);
        int mid = ratios.length / 2;
        return ratios.length % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
    }

    /** Frames only: the reader's cost, the floor every other pass stands on. */
    private long readPass() throws Exception {
        Frame frame = new Frame();
        long packets = 0;
        long bytes = 0;
        try (PacketSource source = TraceReader.open(file)) {
            while (source.next(frame)) {
                packets++;
                bytes += frame.capturedLength();
            }
        }
        if (bytes < 0) {
            throw new AssertionError(); // keeps the loop from being optimised away
        }
        return packets;
    }

    /** Every frame read and decoded down to its MPTCP options. */
    private long decodePass() throws Exception {
        long[] options = new long[1];
        long packets;
        try (PacketSource source = TraceReader.open(file)) {
            packets = PacketPass.run(source, (frame, packet) -> options[0] += packet.mptcpOptionCount());
        }
        if (options[0] < 0) {
            throw new AssertionError();
        }
        return packets;
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The analysis on one thread. */
    private long analysisPass() throws Exception {
        return MptcpAnalyzer.analyze(file, false).packets();
    }

    /** The analysis with reading on a second thread, as the commands run it unless {@code -Dbraid.readAhead=false}. */
    private long readAheadAnalysisPass() throws Exception {
        return MptcpAnalyzer.analyze(file, true).packets();
    }

    private long pcap4jPass() throws Exception {
        long packets = 0;
        long bytes = 0;
        PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            while (true) {
                try {
                    bytes += handle.getNextRawPacketEx().length;
                    packets++;
                } catch (EOFException end) {
                    break;
                }
            }
        } finally {
            handle.close();
        }
        if (bytes < 0) {
            throw new AssertionError();
        }
        return packets;
    }

    /** Heap still held by the analyzer (columns and results) after a pass, per packet. */
    private double retainedBytesPerPacket() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        settle();
        long before = memory.getHeapMemoryUsage().getUsed();
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        long packets;
        try (PacketSource source = TraceReader.open(file)) {
            packets = PacketPass.run(source, analyzer);
        }
        AnalysisResult result = analyzer.result();
        settle();
        long after = memory.getHeapMemoryUsage().getUsed();
        if (result.packets() != packets || analyzer.columns().size() != packets) {
            throw new AssertionError("analysis lost packets");
        }
        return (after - before) / (double) packets;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
