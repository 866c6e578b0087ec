package org.braid.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.braid.io.PacketSource;

/**
 * The bytes read so far of several trace reads, for one progress bar over all of them: a batch
 * read in parallel, the two captures of a comparison, or the passes of {@code follow}. Each read
 * counts its file's size, whole once finished and in proportion to its source's position while
 * open (a gzip source's position counts decompressed bytes). Reads that are not files (a pipe,
 * standard input) count nothing. Safe to sample from the bar's thread.
 */
final class TraceBytes implements Progress.Work {
    private final long[] sizes;
    private final long total;
    private final AtomicReferenceArray<PacketSource> open;
    private final AtomicIntegerArray finished;
    private final AtomicInteger next = new AtomicInteger();

    /** @param reads the file of each read, in order; one file may be read more than once */
    TraceBytes(List<Path> reads) {
        sizes = new long[reads.size()];
        long sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sizeOf(reads.get(i));
            sum += sizes[i];
        }
        total = sum;
        open = new AtomicReferenceArray<>(sizes.length);
        finished = new AtomicIntegerArray(sizes.length);
    }

    /** Read {@code i} is under way from {@code source}. */
    void opened(int i, PacketSource source) {
        open.set(i, source);
    }

    /** Read {@code i} has ended (read whole, or failed). */
    void finished(int i) {
        finished.set(i, 1);
        open.set(i, null);
    }

    /** The next read, in order, is under way from {@code source}; the one before it has ended. */
    void openedNext(PacketSource source) {
        int i = next.getAndIncrement();
        if (i > 0) {
            finished(i - 1);
        }
        if (i < sizes.length) {
            opened(i, source);
        }
    }

    @Override
    public long done() {
        long done = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (finished.get(i) == 1) {
                done += sizes[i];
                continue;
            }
            PacketSource source = open.get(i);
            if (source != null && source.size() > 0 && source.position() > 0) {
                done += (long) (sizes[i] * Math.min(1.0, source.position() / (double) source.size()));
            }
        }
        return done;
    }

    @Override
    public long total() {
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // unreadable: the read itself reports why
        }
    }
}
