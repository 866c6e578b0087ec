package org.braid.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JVM options for long work on the command line, given to the child JVM {@link QuickStart} starts for
 * it. The analysis keeps nearly all it allocates (about 50 bytes a packet, until the end), so a
 * young collection finds almost everything alive: G1 copies it from region to region, into memory
 * touched for the first time, and on a virtual machine each first touch is a costly page fault.
 * The throughput collector copies less, and huge pages make the first touches 512 times fewer. On
 * a 3.57M-packet trace, a whole {@code analyze --json} took 2.72 to 2.96 s with both against 3.20 to
 * 3.69 s with G1 (alternating runs). The window and live capture keep G1, whose pauses are short.
 */
final class ThroughputOptions {
    static final String PARALLEL_GC = "-XX:+UseParallelGC";
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** The kernel's setting for transparent huge pages: "[madvise]" or "[always]" when the JVM can ask for them. */
    private static final Path HUGE_PAGE_SETTING = Paths.get("/sys/kernel/mm/transparent_hugepage/enabled");

    private ThroughputOptions() {}

    /** The options for long work in a JVM started with {@code jvmArguments}, on this machine. */
    static List<String> forLongWork(List<String> jvmArguments) {
        return forLongWork(jvmArguments, System.getProperty("os.name"), hugePageSetting());
    }

    /**
     * None when the user chose a collector (two collectors stop the JVM); otherwise the throughput
     * collector, and huge pages on Linux when the kernel lends them on request and the user did not
     * set that option ({@code -XX:+UseTransparentHugePages} is unknown elsewhere, and only warns, on
     * stdout, where the kernel has them off).
     */
    static List<String> forLongWork(List<String> jvmArguments, String osName, String hugePageSetting) {
        List<String> options = new ArrayList<>();
        // This JVM's own copies (a benchmark started for long work starts more) are no choice of the user's.
        List<String> users = jvmArguments.stream().filter(a -> !isOwn(a)).toList();
        if (users.stream().anyMatch(ThroughputOptions::choosesCollector)) {
            return options;
        }
        options.add(PARALLEL_GC);
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean lent = hugePageSetting.contains("[madvise]") || hugePageSetting.contains("[always]");
        if (linux && lent && users.stream().noneMatch(a -> a.contains("UseTransparentHugePages"))) {
            options.add(HUGE_PAGES);
        }
        return options;
    }

    /** True for the options this class adds, which a child JVM for other work leaves out. */
    static boolean isOwn(String jvmArgument) {
        return jvmArgument.equals(PARALLEL_GC) || jvmArgument.equals(HUGE_PAGES);
    }

    private static boolean choosesCollector(String argument) {
        return argument.startsWith("-XX:+Use") && argument.endsWith("GC");
    }

    private static String hugePageSetting() {
        try {
            return Files.isReadable(HUGE_PAGE_SETTING)
                    ? new String(Files.readAllBytes(HUGE_PAGE_SETTING), StandardCharsets.US_ASCII) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
