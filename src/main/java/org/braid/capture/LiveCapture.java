package org.braid.capture;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PcapngWriter;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;

/**
 * One live capture through libpcap (pcap4j): a thread of its own reads each packet, decodes it and
 * feeds the same {@link PacketPass.Listener}s a file pass feeds (an {@code MptcpAnalyzer} above
 * all), so live and file analysis are one code; every packet is also written to the pcapng of
 * {@link CaptureSettings#saveTo()}, which is published when the capture ends, however it ends.
 *
 * <p>Threads: the listeners and the {@link CaptureObserver} run on the capture thread only. Another
 * thread (a window's) reads their state through {@link #read(Supplier)}, which holds the lock the
 * capture thread takes around each packet: the reader sees the listeners between two packets and
 * the capture waits meanwhile, its packets queuing in the kernel buffer
 * ({@link CaptureSettings#bufferBytes()}). A lock rather than copies, because a snapshot of the
 * analysis ({@code MptcpAnalyzer.result()}) is itself a copy into immutable records; the capture
 * pays an uncontended lock per packet and, during a snapshot, its length in delay.
 *
 * <p>Life cycle: {@link #open} (errors there are the user's to fix: permission, library, interface,
 * filter, save path), {@link #start()}, then {@link #stop()} at any time, or the count or duration
 * ends it; {@link #awaitEnd()} returns how it ended. {@link #close()} stops and waits.
 */
public final class LiveCapture implements AutoCloseable {
    /** How often the counters are polled and the observer hears of them. */
    static final long STATISTICS_PERIOD_NANOS = 250_000_000L;
    /** libpcap's buffer timeout; without immediate mode, how long packets may wait in a kernel block. */
    private static final int READ_TIMEOUT_MILLIS = 50;
    /**
     * The handle is non-blocking and the thread naps this long when the ring is empty: libpcap's
     * own timeout does not fire on Linux (TPACKET_V3 polls without one), and a blocked read would
     * leave the duration, the counters and the stop unchecked while no packet comes.
     */
    private static final long IDLE_NAP_NANOS = 1_000_000L;
    private static final int LINKTYPE_RAW = 101;

    private final CaptureSettings settings;
    private final PcapHandle handle;
    private final int linkType;
    private final List<PacketPass.Listener> listeners;
    private final CaptureObserver observer;
    private final PcapngWriter writer;
    private final ReentrantLock feedLock = new ReentrantLock();
    private final CompletableFuture<CaptureEnd> end = new CompletableFuture<>();
    private final Thread thread;
    /** The allocation-free read, or null where only pcap4j's own read works. */
    private final NativeReads reads;
    /** Where {@link #reads} copies each packet; frames point into it until the next read. */
    private final byte[] packetBytes;
    private final ByteBuffer packetBuffer;
    private volatile boolean stopRequested;
    private volatile CaptureStatistics statistics = new CaptureStatistics(0, 0, 0, 0, 0);
    private boolean started;

    private LiveCapture(CaptureSettings settings, PcapHandle handle, List<PacketPass.Listener> listeners,
            CaptureObserver observer, PcapngWriter writer) {
        this.settings = settings;
        this.handle = handle;
        this.linkType = linkTypeOf(handle.getDlt().value());
        this.listeners = List.copyOf(listeners);
        this.observer = observer;
        this.writer = writer;
        this.reads = NativeReads.on(handle);
        this.packetBytes = new byte[reads == null ? 0 : settings.snaplen()];
        this.packetBuffer = ByteBuffer.wrap(packetBytes);
        this.thread = new Thread(this::run, "braid-capture-" + settings.interfaceName());
        // A window closing must not hang on a capture; the command line waits for the end itself.
        thread.setDaemon(true);
    }

    /**
     * Opens the interface and sets the filter, ready to {@link #start()}.
     *
     * @param listeners fed every packet on the capture thread, in this order
     * @param observer  hears statistics and the end on the capture thread
     * @throws CaptureException with a message for the user: no permission, no libpcap, no such
     *                          interface, invalid filter, save path not writable
     */
    public static LiveCapture open(CaptureSettings settings, List<PacketPass.Listener> listeners,
            CaptureObserver observer) throws CaptureException {
        Objects.requireNonNull(observer, "observer");
        PcapHandle handle = openHandle(settings);
        PcapngWriter writer = null;
        try {
            applyFilter(handle, settings);
            nonBlocking(handle, settings);
            if (settings.saveTo() != null) {
                writer = openWriter(settings);
            }
            return new LiveCapture(settings, handle, listeners, observer, writer);
        } catch (CaptureException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private static PcapHandle openHandle(CaptureSettings settings) throws CaptureException {
        try {
            return build(settings, true);
        } catch (LinkageError e) {
            throw PcapErrors.missingLibrary(e);
        } catch (PcapNativeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("pcap_set_tstamp_precision")) {
                throw PcapErrors.openFailed(settings.interfaceName(), e);
            }
        }
        // libpcap before 1.5 has no nanosecond precision: microseconds then, rather than no capture.
        try {
            return build(settings, false);
        } catch (PcapNativeException e) {
            throw PcapErrors.openFailed(settings.interfaceName(), e);
        }
    }

    private static PcapHandle build(CaptureSettings settings, boolean nanoseconds) throws PcapNativeException {
        PromiscuousMode promiscuous = settings.promiscuous()
                ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS;
        PcapHandle.Builder builder = new PcapHandle.Builder(settings.interfaceName())
                .snaplen(settings.snaplen())
                .promiscuousMode(promiscuous)
                .timeoutMillis(READ_TIMEOUT_MILLIS)
                .bufferSize(settings.bufferBytes());
        if (settings.immediate()) {
            builder.immediateMode(true);
        }
        if (nanoseconds) {
            builder.timestampPrecision(PcapHandle.TimestampPrecision.NANO);
        }
        return builder.build();
    }

    private static void applyFilter(PcapHandle handle, CaptureSettings settings) throws CaptureException {
        if (settings.filter().isEmpty()) {
            return;
        }
        try {
            // Compiled apart from setting, so the message is libpcap's own reason (pcap_geterr).
            BpfProgram program = handle.compileFilter(settings.filter(), BpfProgram.BpfCompileMode.OPTIMIZE,
                    PcapHandle.PCAP_NETMASK_UNKNOWN);
            try {
                handle.setFilter(program);
            } finally {
                program.free();
            }
        } catch (PcapNativeException e) {
            throw PcapErrors.badFilter(settings.filter(), e.getMessage(), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("handle closed while opening", e);
        }
    }

    private static void nonBlocking(PcapHandle handle, CaptureSettings settings) throws CaptureException {
        try {
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        } catch (PcapNativeException e) {
            throw new CaptureException(CaptureException.Kind.FAILED, "cannot capture on " + settings.interfaceName()
                    + ": " + e.getMessage(), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("handle closed while opening", e);
        }
    }

    private static PcapngWriter openWriter(CaptureSettings settings) throws CaptureException {
        String comment = "Braid live capture on " + settings.interfaceName()
                + (settings.filter().isEmpty() ? "" : ", filter \"" + settings.filter() + "\"")
                + ", snaplen " + settings.snaplen();
        try {
            return PcapngWriter.atomic(settings.saveTo(), comment);
        } catch (IOException e) {
            throw PcapErrors.saveFailed(settings.saveTo(), e);
        }
    }

    /** Starts the capture thread; once only. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("capture already started");
        }
        started = true;
        thread.start();
    }

    /** Asks the capture to stop, from any thread, at any time; returns at once (see {@link #awaitEnd()}). */
    public void stop() {
        stopRequested = true;
        try {
            handle.breakLoop(); // ends the capture at the next read, even mid-burst
        } catch (NotOpenException e) {
            // already closed: the capture has ended
        }
    }

    /**
     * Runs {@code reader} between two packets, with the capture paused: the way another thread
     * takes a consistent snapshot of the listeners' state (e.g. {@code analyzer.result()}).
     */
    public <T> T read(Supplier<T> reader) {
        feedLock.lock();
        try {
            return reader.get();
        } finally {
            feedLock.unlock();
        }
    }

    /** The latest counters (updated a few times a second), from any thread. */
    public CaptureStatistics statistics() {
        return statistics;
    }

    public CaptureSettings settings() {
        return settings;
    }

    /** The LINKTYPE_ value of the captured frames. */
    public int linkType() {
        return linkType;
    }

    /** Waits for the capture to end and says how it ended. */
    public CaptureEnd awaitEnd() throws InterruptedException {
        try {
            return end.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("capture thread failed", e.getCause());
        }
    }

    /** Waits at most {@code timeout}; null when the capture is still running. */
    public CaptureEnd awaitEnd(Duration timeout) throws InterruptedException {
        try {
            return end.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("capture thread failed", e.getCause());
        }
    }

    /** Stops and waits for the end; a capture never started just releases the interface and the unsaved file. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            if (!started) {
                started = true;
                handle.close();
                abandonSave();
                end.complete(new CaptureEnd(StopReason.STOPPED, statistics, null, null));
                return;
            }
        }
        stop();
        awaitEnd();
    }

    private void run() {
        long start = System.nanoTime();
        long nextStatistics = start + STATISTICS_PERIOD_NANOS;
        long deadline = settings.maxDuration() == null ? Long.MAX_VALUE : start + settings.maxDuration().toNanos();
        Frame frame = new Frame();
        DecodedPacket packet = new DecodedPacket();
        PacketDecoder decoder = new PacketDecoder();
        long captured = 0;
        StopReason reason = StopReason.STOPPED;
        CaptureException error = null;
        try {
            while (!stopRequested) {
                if (next(frame, captured + 1)) {
                    captured++;
                    feed(frame, packet, decoder);
                    if (settings.maxPackets() > 0 && captured >= settings.maxPackets()) {
                        reason = StopReason.COUNT;
                        break;
                    }
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    reason = StopReason.DURATION;
                    break;
                }
                if (now >= nextStatistics) {
                    publishStatistics(captured, now - start);
                    nextStatistics = now + STATISTICS_PERIOD_NANOS;
                }
            }
        } catch (PcapNativeException e) {
            reason = StopReason.FAILED;
            error = PcapErrors.captureFailed(settings.interfaceName(), e.getMessage(), e);
        } catch (SaveFailure e) {
            reason = StopReason.FAILED;
            error = PcapErrors.saveFailed(settings.saveTo(), e.getCause());
        } catch (RuntimeException | Error e) {
            // A bug in a listener: keep what was captured and say so, rather than lose the capture.
            reason = StopReason.FAILED;
            error = new CaptureException(CaptureException.Kind.FAILED, "the capture stopped on an internal error: "
                    + e + "; the packets captured until then are kept", e);
        }
        finish(reason, error, captured, start);
    }

    /**
     * Points {@code frame} at the next packet; false when none is waiting (after a short nap) or
     * when {@link #stop()} broke the read off.
     */
    private boolean next(Frame frame, long number) throws PcapNativeException {
        if (reads == null) {
            return nextThroughPcap4j(frame, number);
        }
        switch (reads.next(packetBytes)) {
            case NativeReads.PACKET -> {
                frame.set(packetBuffer, 0, reads.capturedLength(), reads.originalLength(), linkType, 0,
                        reads.timestampNanos(), number, -1);
                return true;
            }
            case NativeReads.NONE -> LockSupport.parkNanos(IDLE_NAP_NANOS);
            case NativeReads.BREAK -> stopRequested = true; // pcap_breakloop: only stop() calls it
            default -> throw new PcapNativeException(libpcapError(), NativeReads.ERROR);
        }
        return false;
    }

    private boolean nextThroughPcap4j(Frame frame, long number) throws PcapNativeException {
        try {
            byte[] bytes = handle.getNextRawPacketEx();
            frame.set(ByteBuffer.wrap(bytes), 0, bytes.length, originalLength(bytes.length), linkType, 0,
                    timestampNanos(), number, -1);
            return true;
        } catch (TimeoutException e) {
            LockSupport.parkNanos(IDLE_NAP_NANOS);
        } catch (EOFException e) {
            stopRequested = true;
        } catch (NotOpenException e) {
            throw new IllegalStateException("capture handle closed while capturing", e);
        }
        return false;
    }

    private String libpcapError() {
        try {
            return handle.getError();
        } catch (NotOpenException e) {
            return "capture handle closed";
        }
    }

    private void feed(Frame frame, DecodedPacket packet, PacketDecoder decoder) throws SaveFailure {
        decoder.decode(frame, packet);
        feedLock.lock();
        try {
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).onPacket(frame, packet);
            }
        } finally {
            feedLock.unlock();
        }
        if (writer != null) {
            try {
                writer.write(frame);
            } catch (IOException e) {
                throw new SaveFailure(e);
            }
        }
    }

    private void publishStatistics(long captured, long elapsedNanos) {
        statistics = kernelStatistics(captured, elapsedNanos);
        feedLock.lock();
        try {
            observer.onStatistics(statistics);
        } finally {
            feedLock.unlock();
        }
    }

    /** pcap_stats, falling back to the last counters when the interface is gone. */
    private CaptureStatistics kernelStatistics(long captured, long elapsedNanos) {
        CaptureStatistics last = statistics;
        try {
            PcapStat stat = handle.getStats();
            return new CaptureStatistics(captured, stat.getNumPacketsReceived(), stat.getNumPacketsDropped(),
                    stat.getNumPacketsDroppedByIf(), elapsedNanos);
        } catch (PcapNativeException | NotOpenException e) {
            return new CaptureStatistics(captured, last.received(), last.droppedByKernel(),
                    last.droppedByInterface(), elapsedNanos);
        }
    }

    private void finish(StopReason reason, CaptureException error, long captured, long start) {
        CaptureException failure = error;
        Path saved = null;
        try {
            publishStatistics(captured, System.nanoTime() - start);
        } catch (RuntimeException e) {
            failure = failure != null ? failure : new CaptureException(CaptureException.Kind.FAILED,
                    "the capture stopped on an internal error: " + e, e);
        }
        handle.close();
        if (writer != null) {
            if (failure != null && failure.kind() == CaptureException.Kind.SAVE_FAILED) {
                abandonSave();
            } else {
                try {
                    writer.close();
                    saved = settings.saveTo();
                } catch (IOException e) {
                    abandonSave();
                    failure = failure != null ? failure : PcapErrors.saveFailed(settings.saveTo(), e);
                }
            }
        }
        CaptureEnd result = new CaptureEnd(failure != null && reason != StopReason.FAILED ? StopReason.FAILED : reason,
                statistics, saved, failure);
        try {
            observer.onEnd(result);
        } finally {
            end.complete(result);
        }
    }

    private void abandonSave() {
        if (writer == null) {
            return;
        }
        try {
            writer.abandon();
        } catch (IOException e) {
            // the temporary file stays behind; nothing was published under the real name
        }
    }

    private int originalLength(int capturedLength) {
        Integer original = handle.getOriginalLength();
        return original == null ? capturedLength : original;
    }

    /** pcap4j's timestamp of the packet just read (nanosecond precision when libpcap gave it). */
    private long timestampNanos() {
        Timestamp ts = handle.getTimestamp();
        return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
    }

    /** libpcap hands out DLT_ values; files carry LINKTYPE_ values, which differ for raw IP only here. */
    static int linkTypeOf(int dlt) {
        return dlt == 12 || dlt == 14 ? LINKTYPE_RAW : dlt;
    }

    /** Carries the writer's failure out of the packet loop. */
    private static final class SaveFailure extends Exception {
        SaveFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
