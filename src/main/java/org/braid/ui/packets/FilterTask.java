package org.braid.ui.packets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.braid.filter.Filter;
import org.braid.filter.FilterInput;
import org.braid.io.FrameReader;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/**
 * Applies a display filter to every packet of a loaded trace, off the UI thread, and returns the
 * indexes of the packets it keeps, in order. A filter of analysis fields only reads the packet
 * columns; any other re-reads and decodes each packet once, in as many contiguous chunks as there
 * are cores (each chunk with its own reader of the file), the calling thread reporting progress.
 */
public final class FilterTask implements BackgroundWork<int[]> {
    private static final int CHECK_EVERY = 4096;
    /** Below this many packets one thread is quicker than starting others. */
    private static final int PARALLEL_FROM = 200_000;

    private final LoadedTrace trace;
    private final Filter filter;

    public FilterTask(LoadedTrace trace, Filter filter) {
        this.trace = trace;
        this.filter = filter;
    }

    @Override
    public int[] call(TaskProgress progress) {
        int total = trace.index().size();
        return run(trace, filter, done -> {
            progress.checkCancelled();
            progress.update(done, total);
        });
    }

    /**
     * The indexes {@code filter} keeps; {@code checkIn} runs on the calling thread every few
     * thousand packets with the count done, and may throw to stop the run.
     */
    public static int[] run(LoadedTrace trace, Filter filter, IntConsumer checkIn) {
        int total = trace.index().size();
        return run(trace, filter, checkIn, total < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #run(LoadedTrace, Filter, IntConsumer)}, decoding in up to {@code threads} chunks. */
    static int[] run(LoadedTrace trace, Filter filter, IntConsumer checkIn, int threads) {
        int total = trace.index().size();
        if (!filter.needsDecode()) {
            return new Chunk(trace, filter, null, 0, total).run(checkIn, new AtomicInteger(), () -> false);
        }
        if (threads <= 1 || total < threads || !ownReaders(trace)) {
            return new Chunk(trace, filter, trace.reader(), 0, total).run(checkIn, new AtomicInteger(), () -> false);
        }
        return parallel(trace, filter, checkIn, threads);
    }

    private static int[] parallel(LoadedTrace trace, Filter filter, IntConsumer checkIn, int threads) {
        int total = trace.index().size();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier stopped = stop::get;
        int[][] kept = new int[threads][];
        RuntimeException[] failed = new RuntimeException[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 1; t < threads; t++) {
            int chunk = t;
            workers[t] = new Thread(() -> {
                try (FrameReader reader = FrameReader.open(trace.path())) {
                    kept[chunk] = new Chunk(trace, filter, reader, start(chunk, threads, total),
                            start(chunk + 1, threads, total)).run(count -> { }, done, stopped);
                } catch (IOException e) {
                    failed[chunk] = new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    failed[chunk] = e;
                }
            }, "braid-filter-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        try {
            kept[0] = new Chunk(trace, filter, trace.reader(), 0, start(1, threads, total)).run(checkIn, done, stopped);
            for (int t = 1; t < threads; t++) {
                while (workers[t].isAlive()) {
                    workers[t].join(50);
                    checkIn.accept(done.get());
                }
                if (failed[t] != null) {
                    throw failed[t];
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("filter interrupted", e);
        } finally {
            stop.set(true); // a cancelled or failed run stops the other chunks too
        }
        int count = 0;
        for (int[] part : kept) {
            count += part.length;
        }
        int[] all = new int[count];
        int at = 0;
        for (int[] part : kept) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static int start(int chunk, int chunks, int total) {
        return (int) ((long) total * chunk / chunks);
    }

    /** A file's chunks can each open the file again; a live capture, or a gzip file (decompressed again for each), cannot. */
    private static boolean ownReaders(LoadedTrace trace) {
        if (trace.path() == null || trace.reader() == null || trace.index().isLive()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(trace.path())) {
            return !(in.read() == 0x1f && in.read() == 0x8b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Packets {@code from} to {@code to} (exclusive) of one trace, filtered with one reader and decoder. */
    private static final class Chunk {
        private final Filter filter;
        private final PacketDecoding decoding;
        private final int from;
        private final int to;

        Chunk(LoadedTrace trace, Filter filter, FrameReader reader, int from, int to) {
            this.filter = filter;
            this.decoding = new PacketDecoding(trace, reader);
            this.from = from;
            this.to = to;
        }

        int[] run(IntConsumer checkIn, AtomicInteger done, BooleanSupplier stopped) {
            FilterInput input = new FilterInput();
            boolean decode = filter.needsDecode();
            int[] kept = new int[Math.min(to - from, 1024)];
            int count = 0;
            for (int i = from; i < to; i++) {
                if ((i - from) % CHECK_EVERY == 0 && i > from) {
                    checkIn.accept(done.addAndGet(CHECK_EVERY));
                    if (stopped.getAsBoolean()) {
                        break;
                    }
                }
                boolean matches = decode
                        ? decoding.load(i) && filter.matches(input.set(decoding.frame(), decoding.packet()))
                        : filter.matches(input.numberOnly(i + 1L));
                if (matches) {
                    if (count == kept.length) {
                        kept = Arrays.copyOf(kept, Math.max(16, count * 2));
                    }
                    kept[count++] = i;
                }
            }
            return Arrays.copyOf(kept, count);
        }
    }
}
