package org.braid.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.braid.testing.BraidJvm;

/**
 * Runs {@code braid} in a fresh JVM, for what one process cannot undo: lost capabilities, a missing
 * library, Ctrl-C.
 */
final class ChildJvm {
    record Result(int exitCode, String out, String err) {}

    private ChildJvm() {}

    /** {@code prefix} (e.g. setpriv ...) + java {@code jvmOptions} org.braid.Main {@code args}. */
    static List<String> command(List<String> prefix, List<String> jvmOptions, String... args) {
        return BraidJvm.command(prefix, jvmOptions, args);
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("braid-child", ".out");
        Path err = Files.createTempFile("braid-child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("child JVM did not end: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
