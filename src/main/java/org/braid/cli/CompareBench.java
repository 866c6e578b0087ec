package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.compare.Comparer;
import org.braid.compare.Comparison;

/**
 * {@code braid bench --compare}: comparing two captures in-process, against the baseline of
 * analysing both (what {@code braid analyze} does on each), alternating rounds in one process.
 */
final class CompareBench {
    private final Path first;
    private final Path second;
    private final int rounds;
    private final int warmup;

    CompareBench(Path first, Path second, int rounds, int warmup) {
        this.first = first;
        this.second = second;
        this.rounds = rounds;
        this.warmup = warmup;
    }

    void run(PrintWriter out) throws Exception {
        long bestAnalyze = Long.MAX_VALUE;
        long bestCompare = Long.MAX_VALUE;
        long packets = 0;
        Comparison last = null;
        for (int round = 0; round < warmup + rounds; round++) {
            long start = System.nanoTime();
            packets = MptcpAnalyzer.analyze(first).packets() + MptcpAnalyzer.analyze(second).packets();
            long analyzed = System.nanoTime() - start;
            start = System.nanoTime();
            last = Comparer.compare(first, second);
            long compared = System.nanoTime() - start;
            if (round >= warmup) {
                bestAnalyze = Math.min(bestAnalyze, analyzed);
                bestCompare = Math.min(bestCompare, compared);
            }
        }
        out.printf(Locale.ROOT, "files: %s, %s (%,d packets together), best of %d rounds after %d warm-up%n",
                first.getFileName(), second.getFileName(), packets, rounds, warmup);
        out.printf(Locale.ROOT, "  %-28s %10.3f s  %,14.0f packets/s%n", "analyze both:", bestAnalyze / 1e9,
                packets / (bestAnalyze / 1e9));
        out.printf(Locale.ROOT, "  %-28s %10.3f s  %,14.0f packets/s%n", "compare (read, match, measure):",
                bestCompare / 1e9, packets / (bestCompare / 1e9));
        out.printf(Locale.ROOT, "  %-28s %10.2f%n", "compare / analyze both:", bestCompare / (double) bestAnalyze);
        out.printf(Locale.ROOT, "  %-28s %,10d matched, %,d in A only, %,d in B only%n", "packets:", last.matched(),
                last.onlyInA(), last.onlyInB());
    }
}
