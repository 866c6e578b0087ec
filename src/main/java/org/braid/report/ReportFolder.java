package org.braid.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes report files so that an interrupted or failed write never leaves a truncated file, and
 * never writes through a symbolic link: every file is written into a temporary folder next to the
 * target, then renamed into place (a rename replaces a link, it does not follow it). For a folder
 * of files, the old manifest goes first and the new one ({@value #MANIFEST}: trace, its SHA-256,
 * Braid version, files, time) comes last, so a folder with a manifest is a complete report and
 * the manifest says which one. The temporary folder is removed on every exit but SIGKILL.
 */
public final class ReportFolder {
    public static final String MANIFEST = "manifest.json";
    private static final String TEMPORARY_PREFIX = ".braid-report-";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes one file's contents. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private ReportFolder() {}

    /**
     * Writes {@code files} (name to content, in order) into {@code folder}, created if missing, then
     * the manifest. Files of other names in the folder are left alone.
     *
     * @return the paths written, the manifest last
     */
    public static List<Path> write(Path folder, Map<String, Content> files, TraceIdentity trace) throws IOException {
        checkTarget(folder);
        Files.createDirectories(folder);
        Path work = temporaryFolder(folder);
        Thread cleanup = new Thread(() -> deleteQuietly(work), "braid-report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Map.Entry<String, Content> file : files.entrySet()) {
                listed.add(writeOne(work.resolve(file.getKey()), file.getValue()));
            }
            List<Path> written = new ArrayList<>();
            // Without its manifest, the folder no longer claims to hold a complete report.
            Files.deleteIfExists(folder.resolve(MANIFEST));
            for (String name : files.keySet()) {
                written.add(moveIntoPlace(work.resolve(name), folder.resolve(name)));
            }
            writeOne(work.resolve(MANIFEST), out -> MAPPER.writeValue(out, manifest(trace, listed)));
            written.add(moveIntoPlace(work.resolve(MANIFEST), folder.resolve(MANIFEST)));
            return written;
        } finally {
            deleteQuietly(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and deletes the same folder
            }
        }
    }

    /** Writes one file, such as a JSON export, the same safe way: aside, then renamed into place. */
    public static Path writeFile(Path target, Content content) throws IOException {
        if (target.toString().isEmpty()) {
            throw new FileSystemException("\"\"", null, "an empty name is no file to write to");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(target.toString(), null, "is a folder; give a file name");
        }
        Path work = Files.createTempDirectory(parent, TEMPORARY_PREFIX);
        try {
            Path aside = work.resolve("export");
            writeOne(aside, content);
            return moveIntoPlace(aside, target);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void checkTarget(Path folder) throws IOException {
        if (folder.toString().isEmpty()) {
            throw new FileSystemException("\"\"", null, "an empty name is no output folder");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new FileSystemException(folder.toString(), null, "is a file, not a folder for the report");
        }
    }

    /** Next to the target, on the same file system, so the renames are atomic; inside it if its parent is read-only. */
    private static Path temporaryFolder(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                return Files.createTempDirectory(parent, TEMPORARY_PREFIX);
            } catch (AccessDeniedException e) {
                // a writable folder in a read-only parent: work inside it instead
            }
        }
        return Files.createTempDirectory(folder, TEMPORARY_PREFIX);
    }

    private static Map<String, Object> writeOne(Path file, Content content) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             DigestOutputStream hashed = new DigestOutputStream(raw, digest);
             Writer out = new OutputStreamWriter(hashed, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", file.getFileName().toString());
        entry.put("bytes", Files.size(file));
        entry.put("sha256", HexFormat.of().formatHex(digest.digest()));
        return entry;
    }

    /** A rename: it replaces whatever the name held, a symbolic link included, without following it. */
    private static Path moveIntoPlace(Path from, Path to) throws IOException {
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(to.toString(), null, "is a folder, so the report file cannot replace it");
        }
        return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> manifest(TraceIdentity trace, List<Map<String, Object>> files) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("trace", trace.name());
        manifest.put("traceSha256", trace.sha256());
        manifest.put("braidVersion", org.braid.BuildInfo.version());
        manifest.put("created", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        manifest.put("files", files);
        return manifest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> inside = Files.walk(folder)) {
            for (Path p : inside.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes != null) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // best effort: what is left has a name starting with .braid-report- and holds no report
        }
    }
}
