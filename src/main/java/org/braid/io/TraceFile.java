package org.braid.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of a trace: a regular file mapped in windows; for a gzip file, its contents
 * decompressed (up to a cap) to a temporary file that is unlinked as soon as it is open, so no exit,
 * not even SIGKILL, leaves it behind; anything else (standard input, a pipe, a FIFO, a device) read
 * once as a stream, gzip decompressed on the fly.
 */
final class TraceFile implements Closeable {
    /** The path that names standard input. */
    static final String STANDARD_INPUT = "-";
    private static final int MAGIC_PEEK_BUFFER = 8192;
    private static final int GZIP_INPUT_BUFFER = 1 << 16;
    /** How long opening a FIFO may wait for its writer before Braid says it is waiting. */
    static final long WRITER_WAIT_NOTICE_MILLIS = 1000;

    private final String name;
    private final FileKind kind;
    private final Closeable resource;
    private final ByteWindow window;
    private final boolean compressed;
    private final List<TraceWarning> openWarnings;

    private TraceFile(String name, FileKind kind, Closeable resource, ByteWindow window, boolean compressed,
                      List<TraceWarning> openWarnings) {
        this.name = name;
        this.kind = kind;
        this.resource = resource;
        this.window = window;
        this.compressed = compressed;
        this.openWarnings = openWarnings;
    }

    static TraceFile open(Path path, int windowSize) throws IOException {
        return open(path, windowSize, Path.of(System.getProperty("java.io.tmpdir")), Gunzip.limit());
    }

    /** As {@link #open(Path, int)}, with the folder for a gzip file's copy and the cap on its size. */
    static TraceFile open(Path path, int windowSize, Path temporaryFolder, long gunzipLimit) throws IOException {
        if (path.toString().equals(STANDARD_INPUT)) {
            return openStream("standard input", FileKind.STREAM, System.in);
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        FileKind kind = FileKind.of(path);
        if (kind == FileKind.DIRECTORY) {
            throw new FileSystemException(path.toString(), null, "is a directory, not a trace file");
        }
        if (!kind.seekable()) {
            return openStream(name, kind, kind == FileKind.FIFO ? openFifo(path) : openSequential(path));
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (!Gunzip.isGzip(channel)) {
                return new TraceFile(name, kind, channel, new MappedWindow(channel, windowSize), false,
                        new ArrayList<>());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return openDecompressed(path, name, windowSize, temporaryFolder, gunzipLimit);
    }

    /**
     * Opening a FIFO blocks until a program opens it for writing; if that takes a while, say so on
     * standard error rather than hang in silence.
     */
    private static InputStream openFifo(Path path) throws IOException {
        Thread notice = new Thread(() -> {
            try {
                Thread.sleep(WRITER_WAIT_NOTICE_MILLIS);
                System.err.println("braid: waiting for a program to write to the FIFO " + path
                        + " (Ctrl-C to give up)");
            } catch (InterruptedException opened) {
                // a writer came: nothing to say
            }
        }, "braid-fifo-notice");
        notice.setDaemon(true);
        notice.start();
        try {
            return openSequential(path);
        } finally {
            notice.interrupt();
        }
    }

    /**
     * A FileInputStream, not Files.newInputStream: the latter's available() seeks, which fails on
     * a pipe named by a path such as /dev/fd/63 (bash's {@code <(zcat x.gz)}) with "Illegal seek".
     */
    private static InputStream openSequential(Path path) throws IOException {
        return new FileInputStream(path.toFile());
    }

    static TraceFile openStream(String name, FileKind kind, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, MAGIC_PEEK_BUFFER); // larger reads bypass it
        in.mark(2);
        boolean gzip = in.read() == Gunzip.MAGIC_1 && in.read() == Gunzip.MAGIC_2;
        in.reset();
        InputStream bytes = gzip ? gunzipStream(name, in) : in;
        List<TraceWarning> warnings = new ArrayList<>();
        return new TraceFile(name, kind, bytes, new StreamWindow(bytes, name, warnings), gzip, warnings);
    }

    /** The gzip stream over {@code in}; a header cut short or damaged is not a trace (found by fuzzing). */
    private static InputStream gunzipStream(String name, InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, GZIP_INPUT_BUFFER);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new TraceFormatException(name, 0, "gzip data cut short or damaged in its header: " + e.getMessage());
        }
    }

    private static TraceFile openDecompressed(Path path, String name, int windowSize, Path folder, long limit)
            throws IOException {
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "braid-", ".trace");
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such folder" : String.valueOf(e.getMessage());
            throw new FileSystemException(path.toString(), null, "cannot decompress: the temporary folder "
                    + folder + " is not usable (" + why + "; choose another with -Djava.io.tmpdir)");
        }
        FileChannel channel;
        try {
            // DELETE_ON_CLOSE covers platforms that cannot unlink an open file.
            channel = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } finally {
            unlink(temporary);
        }
        try {
            List<TraceWarning> warnings = new ArrayList<>();
            Gunzip.decompress(path, name, channel, Gunzip.cap(folder, limit), limit).ifPresent(warnings::add);
            return new TraceFile(name, FileKind.REGULAR, channel, new MappedWindow(channel, windowSize), true,
                    warnings);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Unlinks the copy while it stays open; where the platform refuses, DELETE_ON_CLOSE removes it. */
    private static void unlink(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // still open elsewhere on this platform: removed on close instead
        }
    }

    String name() { return name; }

    FileKind kind() { return kind; }

    ByteWindow window() { return window; }

    /** The memory map, for random access; only regular files and gzip copies have one. */
    MappedWindow mapped() throws IOException {
        if (window instanceof MappedWindow mapped) {
            return mapped;
        }
        throw new FileSystemException(name, null, "a " + kind.description() + " cannot be read at random; "
                + "save it to a file first");
    }

    /** Size in bytes; -1 for a stream not yet read to its end. */
    long size() { return window.size(); }

    boolean compressed() { return compressed; }

    /** Warnings found while opening or streaming, such as a truncated gzip stream; readers start from these. */
    List<TraceWarning> openWarnings() { return openWarnings; }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
