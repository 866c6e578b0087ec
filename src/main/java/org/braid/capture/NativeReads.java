package org.braid.capture;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * pcap_next_ex called straight through JNA on pcap4j's open handle, copying each packet into one
 * reused array: pcap4j's {@code getNextRawPacketEx} allocates half a dozen objects and a fresh
 * array per packet and takes a lock, which halved the rate the capture keeps up with. pcap4j still
 * opens, filters, counts, breaks and closes the handle; only the read is ours, and only the capture
 * thread reads.
 */
final class NativeReads {
    /** pcap_next_ex results (pcap/pcap.h). */
    static final int PACKET = 1;
    static final int NONE = 0;
    static final int ERROR = -1;
    static final int BREAK = -2;

    private static final boolean REGISTERED = register();

    private final Pointer pcap;
    private final long[] header = new long[1];
    private final long[] data = new long[1];
    private final Movable headerView = new Movable();
    private final Movable dataView = new Movable();
    private final boolean nanoseconds;
    private long timestampNanos;
    private int capturedLength;
    private int originalLength;

    private NativeReads(Pointer pcap, boolean nanoseconds) {
        this.pcap = pcap;
        this.nanoseconds = nanoseconds;
    }

    /** A reader on {@code handle}, or null where this layout is not known (then pcap4j's own read serves). */
    static NativeReads on(PcapHandle handle) {
        if (!REGISTERED) {
            return null;
        }
        try {
            Field field = PcapHandle.class.getDeclaredField("handle");
            field.setAccessible(true);
            Pointer pcap = (Pointer) field.get(handle);
            return pcap == null ? null
                    : new NativeReads(pcap, handle.getTimestampPrecision() == PcapHandle.TimestampPrecision.NANO);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another pcap4j inside: its own read still works
        }
    }

    /**
     * Reads the next packet into {@code into} (at most its length); returns {@link #PACKET},
     * {@link #NONE} (nothing waiting), {@link #BREAK} (pcap_breakloop) or {@link #ERROR}.
     */
    int next(byte[] into) {
        int rc = pcap_next_ex(pcap, header, data);
        if (rc != PACKET) {
            return rc;
        }
        // struct pcap_pkthdr: struct timeval { long tv_sec; long tv_usec; }; bpf_u_int32 caplen, len.
        headerView.at(header[0]);
        long seconds = headerView.getLong(0);
        long fraction = headerView.getLong(8);
        capturedLength = Math.min(headerView.getInt(16), into.length);
        originalLength = headerView.getInt(20);
        timestampNanos = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000L);
        dataView.at(data[0]);
        dataView.read(0, into, 0, capturedLength);
        return PACKET;
    }

    long timestampNanos() {
        return timestampNanos;
    }

    int capturedLength() {
        return capturedLength;
    }

    int originalLength() {
        return originalLength;
    }

    private static boolean register() {
        // The header layout above is the LP64 one (64-bit Linux and macOS).
        if (Native.POINTER_SIZE != 8 || Native.LONG_SIZE != 8 || Platform.isWindows()) {
            return false;
        }
        try {
            Native.register(NativeReads.class,
                    NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }

    private static native int pcap_next_ex(Pointer pcap, long[] header, long[] data);

    /** A pointer moved from address to address, so reading a packet allocates nothing. */
    private static final class Movable extends Pointer {
        Movable() {
            super(0);
        }

        void at(long address) {
            peer = address;
        }
    }
}
