package org.braid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Finds the real traces the tests run on, and the expected results beside them. */
public final class Traces {
    private Traces() {}

    /**
     * The public traces made by others, copied into the repository with their origin and licence
     * (src/test/resources/traces/public/README.md). Those whose licence does not allow
     * redistribution are left out, and the tests that need them skip.
     */
    public static Path publicDir() {
        Path path = Paths.get("src", "test", "resources", "traces", "public");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("public traces not found at " + path.toAbsolutePath());
        }
        return path;
    }

    /**
     * Skips the calling test when {@code trace} is one of the public traces left out of the
     * repository for its licence.
     */
    public static Path requirePresent(Path trace) {
        Assumptions.assumeTrue(Files.exists(trace), () -> trace.getFileName()
                + " is not in the repository (its licence does not allow redistribution): skipped");
        return trace;
    }

    /** The traces this project made with the Linux kernel. */
    public static Path sampleDir() {
        return Paths.get("sample-traces");
    }

    /** A public trace; the calling test skips when the trace is not redistributable. */
    public static Path publicTrace(String name) {
        return requirePresent(publicDir().resolve(name));
    }

    public static Path sampleTrace(String name) {
        return sampleDir().resolve(name);
    }

    /** One entry of an expected-tshark.json file, with the path of the trace it describes. */
    public record Expected(Path trace, JsonNode json) {
        /** The trace; the calling test skips when it is not redistributable. */
        @Override
        public Path trace() {
            return requirePresent(trace);
        }

        @Override
        public String toString() {
            return trace.getFileName().toString();
        }
    }

    /** Every trace listed in {@code dir/expected-tshark.json}. */
    public static List<Expected> expected(Path dir) {
        try {
            JsonNode root = new ObjectMapper().readTree(dir.resolve("expected-tshark.json").toFile());
            List<Expected> all = new ArrayList<>();
            root.forEach(node -> all.add(new Expected(dir.resolve(node.get("trace").asText()), node)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Expected> allExpected() {
        Stream<Expected> pub = expected(publicDir()).stream();
        Path samples = sampleDir().resolve("expected-tshark.json");
        return Files.exists(samples) ? Stream.concat(pub, expected(sampleDir()).stream()) : pub;
    }
}
