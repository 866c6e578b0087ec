package org.braid.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a trace, mapped in windows: the file itself or, for a gzip file, its contents
 * decompressed to a temporary file that is deleted on close.
 */
final class TraceFile implements Closeable {
    private final String name;
    private final FileChannel channel;
    private final Path temporary;
    private final MappedWindow window;
    private final List<TraceWarning> openWarnings;

    private TraceFile(String name, FileChannel channel, Path temporary, int windowSize,
                      List<TraceWarning> openWarnings) throws IOException {
        this.name = name;
        this.channel = channel;
        this.temporary = temporary;
        this.window = new MappedWindow(channel, windowSize);
        this.openWarnings = openWarnings;
    }

    static TraceFile open(Path path, int windowSize) throws IOException {
        String name = path.getFileName().toString();
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (!Gunzip.isGzip(channel)) {
                return new TraceFile(name, channel, null, windowSize, new ArrayList<>());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return openDecompressed(path, name, windowSize);
    }

    private static TraceFile openDecompressed(Path path, String name, int windowSize) throws IOException {
        Path temporary = Files.createTempFile("braid-", ".trace");
        try {
            List<TraceWarning> warnings = new ArrayList<>();
            Gunzip.decompress(path, name, temporary).ifPresent(warnings::add);
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ);
            try {
                return new TraceFile(name, channel, temporary, windowSize, warnings);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    String name() { return name; }

    MappedWindow window() { return window; }

    long size() { return window.size(); }

    boolean compressed() { return temporary != null; }

    /** Warnings found while opening, such as a truncated gzip stream; readers start from these. */
    List<TraceWarning> openWarnings() { return openWarnings; }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
