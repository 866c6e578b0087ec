package org.braid.ui.packets;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.braid.filter.AnalysisFields;
import org.braid.filter.Filter;
import org.braid.filter.FilterParser;
import org.braid.filter.FindingFields;
import org.braid.filter.PacketFields;
import org.braid.ui.tasks.TaskProgress;

/**
 * The window's loaded-trace model measured headless, for {@code braid bench --big} and
 * {@code --window} (run in a child JVM, so nothing else is on its heap): loads a trace as the
 * window does ({@link TraceLoadTask}), then prints the heap and the anonymous resident memory
 * (beyond the mapped file) it keeps per packet, display filters' throughput against a raw scan of
 * the packet columns and against every packet decoded on one thread (as filters ran before) in
 * the same run, and how long rows take to show when scrolling jumps.
 */
public final class LoadedTraceBench {
    /** Filters as a user types them: one the packet columns answer, one that needs each packet decoded. */
    private static final String[] FILTERS = {"mptcp.reinjection", "tcp.len > 1000"};
    private static final int ROUNDS = 3;
    private static final int JUMPS = 2000;

    private LoadedTraceBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        settle();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long rssBefore = anonymousResidentBytes();
        long start = System.nanoTime();
        LoadedTrace trace = new TraceLoadTask(file, file.getFileName().toString()).call(TaskProgress.NONE);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        int packets = trace.index().size();
        PacketSummaries summaries = new PacketSummaries(trace);
        PacketRows rows = PacketRows.all(packets);
        long rssLoaded = anonymousResidentBytes() - rssBefore;
        // As in the window once it shows the trace; the heap shrinks concurrently after it.
        HeapTrim.afterLoad(packets);
        Thread.sleep(2000);
        long rss = anonymousResidentBytes() - rssBefore;
        settle();
        long heap = memory.getHeapMemoryUsage().getUsed() - heapBefore;
        System.out.printf(Locale.ROOT, "  loaded %,d packets in %.1f s (%,.0f packets/s), max heap %,d MB%n", packets,
                loadSeconds, packets / loadSeconds, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "  %-34s %8.1f bytes/packet (packet index %.1f)%n", "heap kept after loading:",
                heap / (double) packets, trace.index().columnBytes() / (double) packets);
        System.out.printf(Locale.ROOT, "  %-34s %8s%n", "resident beyond the mapped file:", rss < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f bytes/packet (%.1f as loaded, before HeapTrim)", rss / (double) packets,
                        rssLoaded / (double) packets));
        filters(trace);
        scrolling(rows, summaries, packets);
        trace.close();
    }

    /** Each filter's best rate against the best raw scan of two packet columns, alternating rounds. */
    private static void filters(LoadedTrace trace) {
        AnalysisFields analysisFields = new AnalysisFields(trace.analysis().columns(), trace.analysis()::subflowOfFlow);
        var fields = analysisFields.or(new FindingFields(trace.analysis().result().findings()))
                .or(PacketFields.instance());
        int packets = trace.index().size();
        long bestScan = Long.MAX_VALUE;
        long[] best = new long[FILTERS.length];
        int[] kept = new int[FILTERS.length];
        long[] bestBefore = new long[FILTERS.length];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        java.util.Arrays.fill(bestBefore, Long.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            int scanned = rawScan(trace);
            bestScan = Math.min(bestScan, System.nanoTime() - start);
            if (scanned < 0) {
                throw new AssertionError();
            }
            for (int f = 0; f < FILTERS.length; f++) {
                Filter filter = FilterParser.parse(FILTERS[f], fields).filter();
                start = System.nanoTime();
                kept[f] = FilterTask.run(trace, filter, done -> { }).length;
                best[f] = Math.min(best[f], System.nanoTime() - start);
                // The filter as it ran before: every packet decoded, on one thread.
                Filter decoding = filter::matches;
                start = System.nanoTime();
                int keptBefore = FilterTask.run(trace, decoding, done -> { }, 1).length;
                bestBefore[f] = Math.min(bestBefore[f], System.nanoTime() - start);
                if (keptBefore != kept[f]) {
                    throw new AssertionError(FILTERS[f] + " kept " + kept[f] + ", decoding on one thread " + keptBefore);
                }
            }
        }
        double scanRate = packets / (bestScan / 1e9);
        System.out.printf(Locale.ROOT, "  %-34s %,14.0f packets/s%n", "raw scan of two packet columns:", scanRate);
        for (int f = 0; f < FILTERS.length; f++) {
            double rate = packets / (best[f] / 1e9);
            double before = packets / (bestBefore[f] / 1e9);
            System.out.printf(Locale.ROOT, "  %-34s %,14.0f packets/s, %.2f of the raw scan (%,d kept)%n",
                    "filter \"" + FILTERS[f] + "\":", rate, rate / scanRate, kept[f]);
            System.out.printf(Locale.ROOT, "  %-34s %,14.0f packets/s: now %.1f times as fast%n",
                    "  decoding all on one thread:", before, rate / before);
        }
    }

    /** What the cheapest possible filter does: one look at a per-packet column of the analysis and of the index. */
    private static int rawScan(LoadedTrace trace) {
        var columns = trace.analysis().columns();
        PacketIndex index = trace.index();
        int count = 0;
        for (int i = 0; i < index.size(); i++) {
            if ((columns.flags(i) & org.braid.analysis.PacketColumns.REINJECTION) != 0 || index.originalLength(i) > 1000) {
                count++;
            }
        }
        return count;
    }

    /** Rows shown after jumps to random places, a screenful each: the worst and the mean time per screen. */
    private static void scrolling(PacketRows rows, PacketSummaries summaries, int packets) {
        SplittableRandom random = new SplittableRandom(16);
        long worst = 0;
        long total = 0;
        for (int jump = 0; jump < JUMPS; jump++) {
            int top = random.nextInt(Math.max(1, packets - 50));
            long start = System.nanoTime();
            for (int row = top; row < Math.min(packets, top + 50); row++) {
                summaries.get(rows.packetIndex(row)).info();
            }
            long took = System.nanoTime() - start;
            worst = Math.max(worst, took);
            total += took;
        }
        System.out.printf(Locale.ROOT, "  %-34s %8.2f ms mean, %.2f ms worst (%d jumps of 50 rows)%n",
                "a screenful of rows after a jump:", total / 1e6 / JUMPS, worst / 1e6, JUMPS);
    }

    /** Anonymous resident memory (heap and native, not the mapped trace) from /proc; -1 where there is none. */
    private static long anonymousResidentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
