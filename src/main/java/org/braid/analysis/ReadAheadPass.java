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
 * {@link PacketPass} on two threads: a reader thread reads frames into a ring of reused batches while
 * the caller's thread decodes them and hands them to the listener, in file order. The listener sees
 * exactly what {@link PacketPass#run} would show it.
 *
 * <p>Only frames change threads, not their decodes. A frame is a few fields that point into the
 * mapped file; a decoded packet spans kilobytes of arrays and option objects, and when the reader
 * decoded, every one of those cache lines moved from core to core twice a lap of the ring: the
 * reader ran at a third of its speed alone, and the whole pass was slower than one thread. Handing
 * over frames, the reader thread takes the reading (about a fifth of an analysis on one thread) and
 * the file's page faults off the analysis thread. Measured on 2 cores, 3.57M packets, with the
 * throughput collector and the heap touched in advance, two builds alternating in one JVM (median
 * pass): decodes handed over 2,547 ms against frames 1,584 ms; one thread 1,360 ms against frames
 * 1,098 ms.
 *
 * <p>The ring has one writer and one reader, so two counters are the whole protocol: batches
 * filled and batches handed back. The analysis thread, when it must wait, spins a little before
 * it parks, because a wake-up costs more than a batch. The reader, the faster side, spins briefly
 * on a full ring and then sleeps until half of it is free; the ring is long enough that the
 * analysis does not use up the other half before the reader is awake.
 *
 * <p>The first {@link #ALONE} packets are read and analysed on the caller's thread alone: the
 * compiler is busiest then and wants the second core, and a trace no longer than that needs no
 * thread. Only for sources whose frames stay valid after later reads (a memory-mapped file), and only
 * with two or more processors; otherwise it is {@link PacketPass#run}.
 */
final class ReadAheadPass {
    /**
     * Packets read on the caller's thread before the reader thread starts: a quarter of a second of
     * analysis or so, when the compiler works through the analysis.
     */
    static final int ALONE = 1 << 18;
    /** Frames per batch: large enough that the hand-over is rare. */
    static final int BATCH = 64;
    /** Batches in the ring: the reader runs at most this many batches ahead. */
    static final int BATCHES = 16;
    /** Spins of the analysis thread before it parks: a batch takes tens of microseconds to fill. */
    private static final int SPINS = 4096;
    /** Spins of the reader before it sleeps. */
    private static final int READER_SPINS = 1024;
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
        return run(source, listener, ALONE);
    }

    /** As {@link #run(PacketSource, PacketPass.Listener)}, the reader thread starting after {@code alone} packets. */
    static long run(PacketSource source, PacketPass.Listener listener, int alone) throws IOException {
        if (!source.framesOutliveNext() || Runtime.getRuntime().availableProcessors() < 2) {
            return PacketPass.run(source, listener);
        }
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        long packets = PacketPass.run(source, listener, decoder, packet, alone);
        if (packets < alone) {
            return packets;
        }
        Ring ring = new Ring();
        Thread reader = new Thread(() -> ring.fill(source), "braid-read-ahead");
        reader.setDaemon(true);
        ring.reader = reader;
        reader.start();
        try {
            for (long next = 0; ; next++) {
                Batch batch = ring.awaitFilled(next);
                batch.deliver(listener, decoder, packet);
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
            for (long next = 0; ; next++) {
                if (next - counters.getAcquire(RETURNED) >= BATCHES && !awaitFree(next)) {
                    return; // the listener failed or the analysis was interrupted
                }
                int slot = (int) (next % BATCHES);
                if (batches[slot] == null) {
                    batches[slot] = new Batch(); // made here, so the analysis thread starts at once
                }
                Batch batch = batches[slot];
                batch.fill(source);
                counters.setRelease(FILLED, next + 1);
                if (batch.last) {
                    return;
                }
            }
        }

        /**
         * The reader, the faster side, found the ring full before batch {@code next}. It spins a
         * little, then sleeps and wants waking when half the ring is free: spinning or yielding, it
         * would take the core the compiler and the collector want. False when it must stop.
         */
        private boolean awaitFree(long next) {
            for (int spins = 0; next - counters.getAcquire(RETURNED) >= BATCHES; spins++) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (spins < READER_SPINS) {
                    Thread.onSpinWait();
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

    /** Frames, reused round the ring. */
    private static final class Batch {
        final Frame[] frames = new Frame[BATCH];
        int size;
        boolean last;
        Throwable failure;

        Batch() {
            for (int i = 0; i < BATCH; i++) {
                frames[i] = new Frame();
            }
        }

        /**
         * Reads the next frames into this batch. A method per batch rather than a loop in
         * the thread's one long call, so that the JIT compiles it as usual, not only on stack replacement.
         */
        void fill(PacketSource source) {
            size = 0;
            try {
                while (size < BATCH && source.next(frames[size])) {
                    size++;
                }
                last = size < BATCH;
            } catch (IOException | RuntimeException | Error e) {
                failure = e; // the frames before it are still delivered, as by PacketPass
                last = true;
            }
        }

        /** Decodes the batch's frames into {@code packet} and hands them to the listener (a method per batch, as {@link #fill}). */
        void deliver(PacketPass.Listener listener, PacketDecoder decoder, DecodedPacket packet) {
            for (int i = 0; i < size; i++) {
                decoder.decode(frames[i], packet);
                listener.onPacket(frames[i], packet);
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
