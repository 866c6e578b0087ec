package org.braid.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Recognizes gzip files by their magic number and decompresses them to a file. */
final class Gunzip {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private Gunzip() {}

    /** True when the file starts with the gzip magic, whatever its name. */
    static boolean isGzip(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // keep reading: a read may return fewer bytes than asked
        }
        return magic.position() == 2 && (magic.get(0) & 0xff) == MAGIC_1 && (magic.get(1) & 0xff) == MAGIC_2;
    }

    /**
     * Decompresses {@code source} into {@code target}. A damaged or truncated stream keeps every
     * byte decompressed before the damage and is reported as a warning at that decompressed offset.
     */
    static Optional<TraceWarning> decompress(Path source, String name, Path target) throws IOException {
        long written = 0;
        try (InputStream file = Files.newInputStream(source);
             OutputStream out = Files.newOutputStream(target)) {
            try (InputStream in = new GZIPInputStream(file, BUFFER)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    written += n;
                }
            } catch (EOFException | ZipException e) {
                return Optional.of(new TraceWarning(name, 0, written,
                        "gzip stream " + (e instanceof EOFException ? "truncated" : "damaged")
                                + " after " + written + " decompressed bytes (" + e.getMessage() + ")"));
            }
        }
        return Optional.empty();
    }
}
