package org.braid.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whole processes, start-up included: {@code braid analyze --json FILE} run with this JVM's own
 * command line (class path and options, so a class-data-sharing archive counts), against tshark's
 * MPTCP analysis of the same file with mappings and reinjections on, in two passes (the
 * command the README's speed table uses). Best of a few rounds each, alternating; skipped when
 * tshark is not on the PATH.
 */
final class WholeProcessBench {
    private final Path file;
    private final int rounds;

    WholeProcessBench(Path file, int rounds) {
        this.file = file;
        this.rounds = rounds;
    }

    void run(PrintWriter out) throws IOException, InterruptedException {
        Optional<Path> tshark = onPath("tshark");
        if (tshark.isEmpty()) {
            out.println("  (tshark is not on the PATH: no whole-process comparison)");
            return;
        }
        List<String> braid = braidCommand();
        // With -q and nothing to filter or tap, tshark skips dissection altogether: the display
        // filter on an analysis field makes it run the MPTCP analysis on every packet.
        List<String> tsharkCommand = List.of(tshark.get().toString(), "-r", file.toString(), "-2", "-o",
                "mptcp.analyze_mappings:TRUE", "-o", "mptcp.intersubflows_retransmission:TRUE", "-q", "-Y",
                "mptcp.reinjection_of");
        time(braid); // warms the page cache and the archive, as tshark's first round does below
        long bestBraid = Long.MAX_VALUE;
        long bestTshark = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            bestBraid = Math.min(bestBraid, time(braid));
            bestTshark = Math.min(bestTshark, time(tsharkCommand));
        }
        out.printf(Locale.ROOT, "whole process, best of %d: braid analyze --json %.2f s, tshark -2 (MPTCP analysis) %.2f s%n",
                rounds, bestBraid / 1e9, bestTshark / 1e9);
        out.printf(Locale.ROOT, "  %-26s %14.1f%n", "ratio tshark/braid:", bestTshark / (double) bestBraid);
    }

    /** {@code braid analyze --json FILE}, launched as the user launched this Braid. */
    private List<String> braidCommand() {
        return ChildJvm.braid("analyze", "--json", file.toString());
    }

    /** Wall time of one run, output discarded; a run that fails (exit code above 1) stops the bench. */
    private static long time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit > 1) { // 1 only means the trace had warnings
            throw new IOException(command.get(0) + " failed with exit code " + exit);
        }
        return elapsed;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
