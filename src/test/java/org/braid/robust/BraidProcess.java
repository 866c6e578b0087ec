package org.braid.robust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Braid's command line in a JVM of its own, for heap limits, standard input and signals. */
final class BraidProcess {
    private BraidProcess() {}

    /** A process builder for {@code java <jvmOptions> org.braid.Main <args>} on this test run's class path. */
    static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.braid.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
