package org.braid.analysis;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
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
 * <p>The ring has one writer and one reader, so two counters are the whole protocol: batches
 * filled and batches handed back. A thread that must wait spins a little before it parks, because
 * a hand-over through a lock and a wake-up costs more than the batch it waits for (the profile of
 * the queue this replaced showed the analysis thread in the kernel's scheduler).
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
    /** Spins of the analysis thread before it parks: a batch takes tens of microseconds to fill. */
    private static final int SPINS = 4096;
    /** Spins of the reader before it yields its core. */
    private static final int READER_SPINS = 1024;
    /** How long the reader yields before it sleeps. */
    private static final long YIELD_NANOS = 2_000_000;
    /** How long the analysis thread sleeps before it looks again (nobody wakes it: the reader never waits for it). */
    private static final long PARK_NANOS = 20_000;
    /** The longest sleep of the reader: it is woken, this only bounds a missed wake-up. */
    private static final long MAX_PARK_NANOS = 1_000_000;
    /** Counter slots, a cache line and more apart so the two threads' writes never share one. */
    private static final int FILLED = 0;
    private static final int RETURNED = 16;
    /** The count of returned batches at which the sleeping reader wants waking, or Long.MAX_VALUE. */
    private static final int WAKE_AT = 32;

    private ReadAheadPass() {}

    /** Reads {@code source} to its end and returns the packets read, as {@link PacketPass#run}. */
    static long run(PacketSource source, PacketPass.Listener listener) throws IOException {
        if (!source.framesOutliveNext() || Runtime.getRuntime().availableProcessors() < 2) {
            return PacketPass.run(source, listener);
        }
        Ring ring = new Ring();
        Thread reader = new Thread(() -> ring.fill(source), "braid-read-ahead");
        reader.setDaemon(true);
        ring.reader = reader;
        reader.start();
        long packets = 0;
        try {
            for (long next = 0; ; next++) {
                Batch batch = ring.awaitFilled(next);
                batch.deliver(listener);
                packets += batch.size;
                if (batch.last) {
                    batch.rethrow();
                    return packets;
                }
                ring.giveBack(next);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("analysis interrupted");
        } finally {
            ring.stopped = true;
            stop(reader); // the caller closes the source next: the reader must be done with it
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

    /** The batches and the two counters that pass them between the threads. */
    private static final class Ring {
        /** Written by the reader before it publishes each batch ({@link #FILLED}), so the analysis thread sees them made. */
        final Batch[] batches = new Batch[BATCHES];
        final AtomicLongArray counters = new AtomicLongArray(WAKE_AT + 16);
        volatile Thread reader;
        /** Set when the caller stops listening (done or failed): the reader stops too. */
        volatile boolean stopped;
        /** What ended the reader outside a batch (out of memory making one, say): the analysis throws it. */
        volatile Throwable readerFailure;

        Ring() {
            counters.set(WAKE_AT, Long.MAX_VALUE);
        }

        /** The reader thread: fills batches in turn; the last one carries the end or the failure. */
        void fill(PacketSource source) {
            try {
                fillAll(source);
            } catch (Throwable e) { // anything, or the analysis thread would wait for ever
                readerFailure = e; // no batch to carry it: the analysis thread looks here while it waits
            }
        }

        private void fillAll(PacketSource source) {
            PacketDecoder decoder = new PacketDecoder();
            for (long next = 0; ; next++) {
                if (next - counters.getAcquire(RETURNED) >= BATCHES && !awaitFree(next)) {
                    return; // the listener failed or the analysis was interrupted
                }
                int slot = (int) (next % BATCHES);
                if (batches[slot] == null) {
                    batches[slot] = new Batch(); // made here, so the analysis thread starts at once
                }
                Batch batch = batches[slot];
                batch.fill(source, decoder);
                counters.setRelease(FILLED, next + 1);
                if (batch.last) {
                    return;
                }
            }
        }

        /**
         * The reader, the faster side, found the ring full before batch {@code next}. It spins, then
         * yields its core (to the collector, say), and sleeps only when the wait gets long (the
         * analysis building its result): on a virtual machine, waking a sleeping thread takes longer
         * than the analysis needs to use up the ring, and the analysis would wait for it. Asleep, it
         * wants waking when half the ring is free. False when it must stop.
         */
        private boolean awaitFree(long next) {
            long since = 0;
            for (int spins = 0; next - counters.getAcquire(RETURNED) >= BATCHES; spins++) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (spins < READER_SPINS) {
                    Thread.onSpinWait();
                } else if (since == 0) {
                    since = System.nanoTime();
                } else if (System.nanoTime() - since < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    return sleepUntilFree(next);
                }
            }
            return true;
        }

        private boolean sleepUntilFree(long next) {
            long wanted = next - BATCHES / 2 + 1;
            // Volatile, not release and acquire: each side writes, then reads what the other writes.
            counters.set(WAKE_AT, wanted);
            while (counters.get(RETURNED) < wanted) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
            }
            counters.set(WAKE_AT, Long.MAX_VALUE);
            return true;
        }

        /** The caller's thread: batch number {@code n}, once the reader has filled it. */
        Batch awaitFilled(long n) throws InterruptedException, IOException {
            for (int spins = 0; counters.getAcquire(FILLED) <= n; spins++) {
                if (spins >= SPINS) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    if (readerFailure != null && counters.getAcquire(FILLED) <= n) {
                        rethrow(readerFailure);
                    }
                    LockSupport.parkNanos(this, PARK_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
            return batches[(int) (n % BATCHES)];
        }

        /** The caller's thread is done with batch number {@code n}: the reader may fill it again. */
        void giveBack(long n) {
            counters.set(RETURNED, n + 1);
            if (n + 1 >= counters.get(WAKE_AT)) {
                LockSupport.unpark(reader);
            }
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

        /**
         * Reads and decodes the next frames into this batch. A method per batch rather than a loop in
         * the thread's one long call, so that the JIT compiles it as usual, not only on stack replacement.
         */
        void fill(PacketSource source, PacketDecoder decoder) {
            size = 0;
            try {
                while (size < BATCH && source.next(frames[size])) {
                    decoder.decode(frames[size], packets[size]);
                    size++;
                }
                last = size < BATCH;
            } catch (IOException | RuntimeException | Error e) {
                failure = e; // the frames before it are still delivered, as by PacketPass
                last = true;
            }
        }

        /** Hands the batch's frames to the listener (a method per batch, as {@link #fill}). */
        void deliver(PacketPass.Listener listener) {
            for (int i = 0; i < size; i++) {
                listener.onPacket(frames[i], packets[i]);
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                ReadAheadPass.rethrow(failure);
            }
        }
    }

    /** Throws what the reader caught, as it was. */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(failure);
    }
}
