package org.braid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Traces bigger than memory: writes a synthetic MPTCP trace of the size asked ({@link SyntheticTrace})
 * to a temporary file, analyses it with {@code braid analyze --json} in a child JVM limited to a
 * 1 GB heap, loads it as the window does in another child JVM with the default heap (the window's
 * loaded-trace model, headless: {@code org.braid.ui.packets.LoadedTraceBench}), prints time,
 * packets/s and memory of each, and deletes the file unless told to keep it.
 */
final class BigTraceBench {
    static final String HEAP = "-Xmx1g";
    /** Named, not imported: the command line never loads the window's classes itself. */
    static final String WINDOW_BENCH = "org.braid.ui.packets.LoadedTraceBench";

    private final long packets;
    /** Where to write the trace and leave it; null for a temporary file deleted at the end. */
    private final Path keep;

    BigTraceBench(long packets, Path keep) {
        this.packets = packets;
        this.keep = keep;
    }

    void run(PrintWriter out) throws IOException, InterruptedException {
        Path file = keep != null ? keep : Files.createTempFile("braid-big", ".pcap");
        try {
            long start = System.nanoTime();
            long size = SyntheticTrace.write(file, SyntheticTrace.Options.packets(packets)).bytes();
            out.printf(Locale.ROOT, "synthetic two-subflow MPTCP trace: %,d packets, %,d bytes, written in %.1f s%n",
                    packets, size, (System.nanoTime() - start) / 1e9);
            out.flush();
            // With the options a user's launcher gives analyze on a trace this big (see QuickStart).
            List<String> options = new ArrayList<>(List.of(HEAP));
            options.addAll(ThroughputOptions.forLongWork(ManagementFactory.getRuntimeMXBean().getInputArguments()));
            String with = String.join(" ", options);
            ChildJvm.Run analyze = ChildJvm.run(ChildJvm.command(options, HeapWatch.class.getName(), "analyze",
                    "--json", file.toString()), false);
            if (analyze.exit() > 1) { // 1 only means the trace had warnings
                out.printf(Locale.ROOT, "braid analyze --json with %s FAILED (exit %d):%n%s%n", with, analyze.exit(),
                        analyze.output().strip());
            } else {
                out.printf(Locale.ROOT, "braid analyze --json with %s: %.1f s, %,.0f packets/s, peak heap %,d MB%n",
                        with, analyze.nanos() / 1e9, packets / (analyze.nanos() / 1e9),
                        peakHeap(analyze.output()) >> 20);
            }
            out.flush();
            window(file, out);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The window's loaded-trace model of {@code file}, measured in a child JVM with the default heap. */
    static void window(Path file, PrintWriter out) throws IOException, InterruptedException {
        ChildJvm.Run window = ChildJvm.run(ChildJvm.command(List.of(), WINDOW_BENCH, file.toString()), true);
        out.printf(Locale.ROOT, "window's loaded-trace model, default heap%s:%n%s%n",
                window.exit() == 0 ? "" : " FAILED (exit " + window.exit() + ")", window.output().stripTrailing());
    }

    private static long peakHeap(String stderr) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith(HeapWatch.PEAK + " ")) {
                return Long.parseLong(line.substring(HeapWatch.PEAK.length() + 1).strip());
            }
        }
        return -1;
    }
}
