package org.braid.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The trace a report was made from, as its manifest names it: the file name and the SHA-256 of its
 * bytes (null when the trace was a stream, such as standard input, that cannot be read again).
 */
public record TraceIdentity(String name, String sha256) {
    /** For a report whose trace is not known (tests, results built in memory). */
    public static final TraceIdentity UNKNOWN = new TraceIdentity(null, null);

    /** Names and hashes {@code trace}; a pipe, FIFO or standard input is named but not hashed. */
    public static TraceIdentity of(Path trace) throws IOException {
        Path fileName = trace.getFileName();
        String name = fileName == null ? trace.toString() : fileName.toString();
        if (name.equals("-") || !Files.isRegularFile(trace)) {
            return new TraceIdentity(name.equals("-") ? "standard input" : name, null);
        }
        return new TraceIdentity(name, sha256(trace));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
