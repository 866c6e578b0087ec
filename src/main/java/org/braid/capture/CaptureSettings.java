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
 * @param immediate      libpcap's immediate mode: each packet handed over at once instead of in
 *                       blocks retired every 50 ms; off by default, because on Linux it switches the
 *                       ring to fixed slots the size of the snaplen (TPACKET_V2), so the same buffer
 *                       holds hundreds of packets instead of tens of thousands and bursts are dropped
 * @param maxPackets     stop after this many packets; 0 for no limit
 * @param maxDuration    stop after this long; null for no limit
 * @param saveTo         write every captured packet to this pcapng (published on stop); null to keep nothing
 */
public record CaptureSettings(String interfaceName, String filter, int snaplen, boolean promiscuous, int bufferBytes,
        boolean immediate, long maxPackets, Duration maxDuration, Path saveTo) {
    /**
     * TCP, the ICMP and ICMPv6 errors routers send about it (without them a subflow's path MTU or
     * unreachable troubles leave no trace: the {@code icmp-error} finding), and the tunnels the
     * decoder opens, whose TCP a filter of {@code tcp} misses: GTP-U, VXLAN, VXLAN-GPE, Geneve and
     * L2TP by their UDP ports, GRE, IP-in-IP (behind IPv6 extension headers too) and PPPoE sessions. MPLS is left out: libpcap's {@code mpls} shifts the
     * offsets of the rest of the filter.
     */
    public static final String DEFAULT_FILTER = "tcp or icmp or icmp6"
            + " or udp port 2152 or udp port 4789 or udp port 4790 or udp port 6081 or udp port 1701"
            + " or proto gre or ip proto 4 or ip proto 41 or ip6 protochain 4 or ip6 protochain 41 or pppoes";
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
        return new CaptureSettings(interfaceName, DEFAULT_FILTER, DEFAULT_SNAPLEN, true, DEFAULT_BUFFER_BYTES, false,
                0, null, null);
    }

    public CaptureSettings withFilter(String value) {
        return new CaptureSettings(interfaceName, value, snaplen, promiscuous, bufferBytes,
                immediate, maxPackets, maxDuration, saveTo);
    }

    public CaptureSettings withSnaplen(int value) {
        return new CaptureSettings(interfaceName, filter, value, promiscuous, bufferBytes,
                immediate, maxPackets, maxDuration, saveTo);
    }

    public CaptureSettings withPromiscuous(boolean value) {
        return new CaptureSettings(interfaceName, filter, snaplen, value, bufferBytes,
                immediate, maxPackets, maxDuration, saveTo);
    }

    public CaptureSettings withBufferBytes(int value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, value,
                immediate, maxPackets, maxDuration, saveTo);
    }

    public CaptureSettings withImmediate(boolean value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes,
                value, maxPackets, maxDuration, saveTo);
    }

    public CaptureSettings withMaxPackets(long value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes,
                immediate, value, maxDuration, saveTo);
    }

    public CaptureSettings withMaxDuration(Duration value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes,
                immediate, maxPackets, value, saveTo);
    }

    public CaptureSettings withSaveTo(Path value) {
        return new CaptureSettings(interfaceName, filter, snaplen, promiscuous, bufferBytes,
                immediate, maxPackets, maxDuration, value);
    }
}
