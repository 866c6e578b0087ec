package org.braid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many traces at once: {@code braid analyze --jsonl} over {@code copies} traces (FILE named that
 * many times) as one child process with {@code -j 1} (one by one) and with one job per core,
 * alternating rounds, best of each; prints both and the speed-up.
 */
final class BatchBench {
    private final Path file;
    private final int copies;
    private final int rounds;

    BatchBench(Path file, int copies, int rounds) {
        this.file = file;
        this.copies = copies;
        this.rounds = rounds;
    }

    void run(PrintWriter out) throws IOException, InterruptedException {
        int cores = TraceBatch.defaultJobs();
        List<String> oneByOne = command(1);
        List<String> parallel = command(cores);
        time(oneByOne); // page cache and class-data archive warm for both
        long bestSerial = Long.MAX_VALUE;
        long bestParallel = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            bestSerial = Math.min(bestSerial, time(oneByOne));
            bestParallel = Math.min(bestParallel, time(parallel));
        }
        out.printf(Locale.ROOT, "%d traces (%s each), whole process, best of %d:%n", copies, file.getFileName(), rounds);
        out.printf(Locale.ROOT, "  %-26s %8.2f s%n", "analyze -j 1 (one by one):", bestSerial / 1e9);
        out.printf(Locale.ROOT, "  %-26s %8.2f s%n", "analyze -j " + cores + ":", bestParallel / 1e9);
        out.printf(Locale.ROOT, "  %-26s %8.2f on %d cores%n", "speed-up:", bestSerial / (double) bestParallel, cores);
    }

    private List<String> command(int jobs) {
        List<String> arguments = new ArrayList<>(List.of("analyze", "--jsonl", "--quiet", "-j", Integer.toString(jobs)));
        for (int i = 0; i < copies; i++) {
            arguments.add(file.toString());
        }
        return ChildJvm.braid(arguments.toArray(String[]::new));
    }

    private static long time(List<String> command) throws IOException, InterruptedException {
        ChildJvm.Run run = ChildJvm.run(command, false);
        if (run.exit() > 1) { // 1 only means the traces had warnings
            throw new IOException("braid analyze failed with exit code " + run.exit() + ": " + run.output().strip());
        }
        return run.nanos();
    }
}
