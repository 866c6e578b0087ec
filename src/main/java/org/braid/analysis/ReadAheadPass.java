package org.braid.analysis;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;

/**
 * {@link PacketPass} on two threads: a reader thread reads and decodes frames into a small ring of
 * reused batches while the caller's thread hands them to the listener, in file order. Reading and
 * decoding are about a third of a full analysis, so with a second core free it runs that much
 * faster; the listener sees exactly what {@link PacketPass#run} would show it.
 *
 * <p>Only for sources whose frames stay valid after later reads (a memory-mapped file), and only
 * with two or more processors; otherwise it is {@link PacketPass#run}.
 */
final class ReadAheadPass {
    /**
     * Frames per batch: large enough that the hand-over is rare, small enough that the ring stays in
     * cache (a decoded packet spans several kilobytes of arrays and option objects). Measured on 2
     * cores, 4.0M packets: 128 by 8 best; 1024 by 4 and more, much slower.
     */
    static final int BATCH = 128;
    /** Batches in the ring: the reader runs at most this many batches ahead. */
    static final int BATCHES = 8;

    private ReadAheadPass() {}

    /** Reads {@code source} to its end and returns the packets read, as {@link PacketPass#run}. */
    static long run(PacketSource source, PacketPass.Listener listener) throws IOException {
        if (!source.framesOutliveNext() || Runtime.getRuntime().availableProcessors() < 2) {
            return PacketPass.run(source, listener);
        }
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        Thread reader = new Thread(() -> read(source, free, full), "braid-read-ahead");
        reader.setDaemon(true);
        reader.start();
        long packets = 0;
        try {
            while (true) {
                Batch batch = full.take();
                for (int i = 0; i < batch.size; i++) {
                    listener.onPacket(batch.frames[i], batch.packets[i]);
                }
                packets += batch.size;
                if (batch.last) {
                    batch.rethrow();
                    return packets;
                }
                free.put(batch);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("analysis interrupted");
        } finally {
            stop(reader); // the caller closes the source next: the reader must be done with it
        }
    }

    /** The reader thread: fills free batches and passes them on; the last one carries the end or the failure. */
    private static void read(PacketSource source, BlockingQueue<Batch> free, BlockingQueue<Batch> full) {
        PacketDecoder decoder = new PacketDecoder();
        try {
            while (true) {
                Batch batch = free.take();
                batch.size = 0;
                try {
                    while (batch.size < BATCH && source.next(batch.frames[batch.size])) {
                        decoder.decode(batch.frames[batch.size], batch.packets[batch.size]);
                        batch.size++;
                    }
                    batch.last = batch.size < BATCH;
                } catch (IOException | RuntimeException | Error e) {
                    batch.failure = e; // the frames before it are still delivered, as by PacketPass
                    batch.last = true;
                }
                full.put(batch);
                if (batch.last) {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            // the listener failed or the analysis was interrupted: nobody waits for more frames
        }
    }

    private static void stop(Thread reader) {
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frames and their decodes, reused round the ring. */
    private static final class Batch {
        final Frame[] frames = new Frame[BATCH];
        final DecodedPacket[] packets = new DecodedPacket[BATCH];
        int size;
        boolean last;
        Throwable failure;

        Batch() {
            for (int i = 0; i < BATCH; i++) {
                frames[i] = new Frame();
                packets[i] = new DecodedPacket();
            }
        }

        void rethrow() throws IOException {
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
