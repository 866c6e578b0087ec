package org.braid.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Runs a Braid command line, then prints on stderr the peak heap it used, for benchmarks that
 * run a command in a child JVM ({@link BigTraceBench}): {@code peak-heap-bytes N}, the sum of the
 * heap pools' peaks (an upper bound: the pools do not peak at once).
 */
public final class HeapWatch {
    static final String PEAK = "peak-heap-bytes";

    private HeapWatch() {}

    public static void main(String[] args) {
        int exit = BraidCommand.run(args);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.err.printf(Locale.ROOT, "%s %d%n", PEAK, peak);
        System.exit(exit);
    }
}
