package org.braid.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a trace file, choosing the reader from its magic number. Gzip files are recognized by
 * their own magic number, whatever their name, and read through a decompressed temporary copy.
 */
public final class TraceReader {
    private static final int MAGIC_BYTES = 4;

    private TraceReader() {}

    /**
     * Opens a pcap, pcapng or gzip-compressed trace. A regular file is mapped; {@code -} (standard
     * input), a FIFO, a pipe or a device is read once as a stream.
     *
     * @throws TraceFormatException when the file is not a trace at all (empty, too short, unknown magic)
     */
    public static PacketSource open(Path path) throws IOException {
        return open(path, MappedWindow.DEFAULT_WINDOW);
    }

    /**
     * Reads a trace from a stream, once, front to back: pcap, pcapng, either gzip-compressed. The
     * source closes {@code in}.
     */
    public static PacketSource open(String name, InputStream in) throws IOException {
        return readerOrClose(TraceFile.openStream(name, FileKind.STREAM, in));
    }

    /** As {@link #open(Path)}, mapping at most {@code windowSize} bytes at a time; tests use tiny windows. */
    static PacketSource open(Path path, int windowSize) throws IOException {
        return readerOrClose(TraceFile.open(path, windowSize));
    }

    private static PacketSource readerOrClose(TraceFile file) throws IOException {
        try {
            return readerFor(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static PacketSource readerFor(TraceFile file) throws IOException {
        String name = file.name();
        long size = file.window().available(0, MAGIC_BYTES);
        String what = file.kind() == FileKind.REGULAR ? "file" : file.kind().description();
        if (size < MAGIC_BYTES) {
            String why = size == 0 ? "empty " + what : what + " of " + size + " bytes is too short to be a trace";
            if (file.compressed()) {
                why = "gzip " + what + " decompresses to " + size + " bytes"
                        + file.openWarnings().stream().map(w -> "; " + w.message()).reduce("", String::concat);
            }
            throw new TraceFormatException(name, 0, why + ", not a pcap or pcapng trace");
        }
        int at = file.window().map(0, MAGIC_BYTES); // map first: it may replace the window's buffer
        int magic = file.window().bigEndian().getInt(at);
        if (PcapReader.isPcapMagic(magic)) {
            return new PcapReader(file);
        }
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(file);
        }
        String prefix = file.kind() == FileKind.REGULAR ? "" : "a " + what + ", ";
        throw new TraceFormatException(name, 0,
                String.format(Locale.ROOT, "%snot a pcap or pcapng trace (magic 0x%08x)", prefix, magic));
    }
}
