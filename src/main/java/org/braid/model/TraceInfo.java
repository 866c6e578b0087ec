package org.braid.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capinfos-style figures of a whole trace, as {@code braid info} prints them.
 *
 * @param file            the file's name as the reader reports it
 * @param format          the format's short label (pcap, pcapng)
 * @param formatDetail    the format with its variant (byte order, resolution, compression)
 * @param linkTypes       LINKTYPE numbers, ascending
 * @param linkTypeNames   their names, in the same order
 * @param packets         packets read
 * @param capturedBytes   bytes captured
 * @param wireBytes       bytes on the wire
 * @param firstNanos      time of the first packet (epoch nanoseconds); meaningless without packets
 * @param lastNanos       time of the last packet
 * @param tcpPackets      packets with a TCP header
 * @param mptcpPackets    packets with at least one MPTCP option
 * @param mptcpOptions    MPTCP option occurrences by subtype name, every known subtype present
 * @param tunnels         packets carried in each tunnel protocol, by its display-filter name
 * @param comments        the file's comments
 * @param warnings        damage in the file, then per-packet decode warnings
 */
public record TraceInfo(String file, String format, String formatDetail, List<Integer> linkTypes,
        List<String> linkTypeNames, long packets, long capturedBytes, long wireBytes, long firstNanos,
        long lastNanos, long tcpPackets, long mptcpPackets, Map<String, Long> mptcpOptions,
        Map<String, Long> tunnels, List<String> comments, List<String> warnings) {
    public TraceInfo {
        linkTypes = List.copyOf(linkTypes);
        linkTypeNames = List.copyOf(linkTypeNames);
        mptcpOptions = Collections.unmodifiableMap(new LinkedHashMap<>(mptcpOptions));
        tunnels = Collections.unmodifiableMap(new LinkedHashMap<>(tunnels));
        comments = List.copyOf(comments);
        warnings = List.copyOf(warnings);
    }

    public long durationNanos() {
        return packets == 0 ? 0 : lastNanos - firstNanos;
    }
}
