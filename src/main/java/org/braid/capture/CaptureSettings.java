package org.braid.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to capture and when to stop.
 *
 * @param interfaceName  the interface to capture on ({@code any} for all)
 * @param filter         BPF capture filter in libpcap syntax; blank for none
 * @param snaplen        bytes kept of each packet
 * @param promiscuous    put the interface in promiscuous mode
 * @param bufferBytes    kernel ring buffer: what absorbs bursts while the analysis is busy
 * @param maxPackets     stop after this many packets; 0 for no limit
 * @param maxDuration    stop after this long; null for no limit
 * @param saveTo         write every captured packet to this pcapng (published on stop); null to keep nothing
 */
public record CaptureSettings(String interfaceName, String filter, int snaplen, boolean promiscuous, int bufferBytes,
        long maxPackets, Duration maxDuration, Path saveTo) {
    public static final String DEFAULT_FILTER = "tcp";
    /** Enough for any frame, as tcpdump's default. */
    public static final int DEFAULT_SNAPLEN = 262_144;
    /** 32 MiB: about 20,000 full-size frames of slack (tcpdump's default is 2 MiB). */
    public static final int DEFAULT_BUFFER_BYTES = 32 << 20;

    public CaptureSettings {
        Objects.requireNonNull(interfaceName, "interfaceName");
        filter = filter == null ? "" : filter.strip();
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("buffer size must be positive: " + bufferBytes);
        }
        if (maxPackets < 0) {
            throw new IllegalArgumentException("packet count must not be negative: " + maxPackets);
        }
        if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + maxDuration);
        }
    }

    /** The defaults on {@code interfaceName}: filter {@code tcp}, full frames, promiscuous, no limit, nothing saved. */
    public static CaptureSettings on(String interfaceName) {
        return new CaptureSettings(interfaceName, DEFAULT_FILTER, DEFAULT_SNAPLEN, true, DEFAULT_BUFFER_BYTES, 0,
                null, null);
    }

    public CaptureSettings withFilter(String value) {
        return new CaptureSettings(interfaceName, value, snaplen, promiscuous, bufferBytes, maxPackets, maxDuration,
                saveTo);
    }

    public CaptureSettings withSnaplen(int value) {
        return new CaptureSettings(interfaceName, filter, value, promiscuous, bufferBytes, maxPackets, maxDuration,
                saveTo);
    }

    public CaptureSettings withPromiscuous(boolean value) {
        return new CaptureSettings(interfaceName, filter, snaplen, value, bufferBytes, maxPackets, maxDuration,
                saveTo);
    }

    public CaptureSettings withBufferBytes(int value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, value, maxPackets, maxDuration,
                saveTo);
    }

    public CaptureSettings withMaxPackets(long value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes, value, maxDuration,
                saveTo);
    }

    public CaptureSettings withMaxDuration(Duration value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes, maxPackets, value,
                saveTo);
    }

    public CaptureSettings withSaveTo(Path value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes, maxPackets, maxDuration,
                value);
    }
}
