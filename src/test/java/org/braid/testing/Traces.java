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

/** Finds the real traces the tests run on, and the expected results beside them. */
public final class Traces {
    private Traces() {}

    /** The public traces made by others (shared beside the project). */
    public static Path publicDir() {
        String dir = System.getProperty("braid.sharedTraces");
        Path path = dir != null ? Paths.get(dir) : Paths.get("..", "shared", "traces", "public");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("public traces not found at " + path.toAbsolutePath()
                    + " (set -Dbraid.sharedTraces)");
        }
        return path;
    }

    /** The traces this project made with the Linux kernel. */
    public static Path sampleDir() {
        return Paths.get("sample-traces");
    }

    public static Path publicTrace(String name) {
        return publicDir().resolve(name);
    }

    public static Path sampleTrace(String name) {
        return sampleDir().resolve(name);
    }

    /** One entry of an expected-tshark.json file, with the path of the trace it describes. */
    public record Expected(Path trace, JsonNode json) {
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
