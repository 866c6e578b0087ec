package org.braid.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that runs {@code braid} in a JVM of its own, on this test run's java and class path. */
public final class BraidJvm {
    private BraidJvm() {}

    /** {@code prefix} (e.g. {@code ip netns exec ...}), then java {@code jvmOptions} org.braid.Main {@code args}. */
    public static List<String> command(List<String> prefix, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.braid.Main");
        command.addAll(List.of(args));
        return command;
    }
}
