package org.braid.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Recognizes gzip files by their magic number and decompresses them, at most up to a cap: the
 * smaller of {@link #limit()} and the free space of the temporary folder less a reserve, so a
 * small gzip bomb cannot fill the disk.
 */
final class Gunzip {
    static final int MAGIC_1 = 0x1f;
    static final int MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;
    /** System property (bytes, or with a k, m or g suffix) overriding {@link #DEFAULT_LIMIT}. */
    static final String LIMIT_PROPERTY = "braid.gunzip.limit";
    /** Far above any trace Braid analyses in memory-bounded time, far below a bomb's terabytes. */
    static final long DEFAULT_LIMIT = 16L << 30;
    /** Free space left to the rest of the machine when the temporary folder is nearly full. */
    static final long FREE_SPACE_RESERVE = 256L << 20;

    private Gunzip() {}

    /** True when the file starts with the gzip magic, whatever its name. */
    static boolean isGzip(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // keep reading: a read may return fewer bytes than asked
        }
        return magic.position() == 2 && (magic.get(0) & 0xff) == MAGIC_1 && (magic.get(1) & 0xff) == MAGIC_2;
    }

    /** The documented limit on decompressed bytes, from {@value #LIMIT_PROPERTY} or the default. */
    static long limit() {
        String value = System.getProperty(LIMIT_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        int shift = switch (text.charAt(text.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            return Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1)) << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LIMIT_PROPERTY + " is not a size in bytes: " + value, e);
        }
    }

    /** The cap for a copy in {@code folder}: the limit, or less when the folder's disk is fuller. */
    static long cap(Path folder, long limit) throws IOException {
        long free = Files.getFileStore(folder).getUsableSpace() - FREE_SPACE_RESERVE;
        return Math.max(0, Math.min(limit, free));
    }

    /**
     * Decompresses {@code source} into {@code target}, from its start, writing at most {@code cap}
     * bytes. A damaged or truncated stream keeps every byte decompressed before the damage; that,
     * and reaching the cap, become a warning at that decompressed offset.
     */
    static Optional<TraceWarning> decompress(Path source, String name, FileChannel target, long cap,
                                             long limit) throws IOException {
        long written = 0;
        try (InputStream file = Files.newInputStream(source);
             InputStream in = new GZIPInputStream(file, BUFFER)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer, 0, (int) Math.min(BUFFER, cap - written + 1))) > 0; ) {
                if (written + n > cap) {
                    target.write(ByteBuffer.wrap(buffer, 0, (int) (cap - written)), written);
                    return Optional.of(new TraceWarning(name, 0, cap, "gzip contents cut at " + cap + " bytes: "
                            + (cap < limit ? "the temporary folder's free space (less a reserve of "
                                    + (FREE_SPACE_RESERVE >> 20) + " MiB) is used up"
                                    : "the limit on decompressed size is reached (" + limit + " bytes, set with -D"
                                    + LIMIT_PROPERTY + ")")));
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    written += target.write(chunk, written);
                }
            }
        } catch (EOFException | ZipException e) {
            return Optional.of(new TraceWarning(name, 0, written,
                    "gzip stream " + (e instanceof EOFException ? "truncated" : "damaged")
                            + " after " + written + " decompressed bytes (" + e.getMessage() + ")"));
        }
        return Optional.empty();
    }
}
