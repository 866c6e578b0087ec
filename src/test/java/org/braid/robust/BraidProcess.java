package org.braid.robust;

import java.util.List;
import org.braid.testing.BraidJvm;

/** Runs Braid's command line in a JVM of its own, for heap limits, standard input and signals. */
final class BraidProcess {
    private BraidProcess() {}

    /** A process builder for {@code java <jvmOptions> org.braid.Main <args>} on this test run's class path. */
    static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        return new ProcessBuilder(BraidJvm.command(List.of(), jvmOptions, args));
    }
}
