package org.braid.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM like this one (its java, options and class path) running another main class, for the
 * benchmarks; always with both JIT compilers, except {@link #braid}.
 */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * This JVM's java and options, then {@code options} (which win over this JVM's heap size), the
     * class path and {@code mainClass} with {@code arguments}. Agents are left out (a debugger's
     * port is this JVM's), and so is how Braid was started ({@link QuickStart}, and the
     * {@link ThroughputOptions} it gives long work, which the child's work may not want).
     */
    static List<String> command(List<String> options, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        // The runtime's java, not this process's executable: an installed Braid runs in its native launcher.
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean heap = argument.startsWith("-Xmx") && options.stream().anyMatch(o -> o.startsWith("-Xmx"));
            boolean launch = argument.equals(QuickStart.QUICK_JIT)
                    || argument.startsWith("-D" + QuickStart.LAUNCHED_QUICK + "=")
                    || argument.startsWith("-D" + QuickStart.STARTED_AGAIN + "=") || ThroughputOptions.isOwn(argument);
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent") && !heap && !launch) {
                command.add(argument);
            }
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * {@code braid ARGUMENTS} started as the user started this Braid: quick when the user's launch
     * was (see {@link QuickStart}), so the whole-process benchmarks time what users get.
     */
    static List<String> braid(String... arguments) {
        List<String> options = QuickStart.launchedQuick() ? List.of(QuickStart.QUICK_JIT) : List.of();
        return command(options, "org.braid.Main", arguments);
    }

    /** How a finished child ended, in how long, and what it printed (see {@link #run}). */
    record Run(int exit, long nanos, String output) {}

    /**
     * Runs {@code command} to its end. With {@code keepOut}, the output is stdout and stderr
     * together; without, stdout is discarded and the output is stderr.
     */
    static Run run(List<String> command, boolean keepOut) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (keepOut) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String((keepOut ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
                StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Run(exit, System.nanoTime() - start, output);
    }
}
