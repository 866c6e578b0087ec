package org.braid.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.braid.decode.DecodedPacket;
import org.braid.decode.Encapsulation;
import org.braid.decode.LinkType;
import org.braid.decode.MptcpSubtype;
import org.braid.decode.PacketWarning;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceWarning;
import org.braid.model.TraceInfo;

/**
 * Capinfos-style figures for a whole trace, gathered in one streaming pass: feed every frame with
 * {@link #accept}, then {@link #finish} with the source to pick up its format and warnings.
 */
public final class TraceSummary {
    /** Keeps a trace full of malformed packets from filling memory with messages. */
    private static final int MAX_PACKET_WARNINGS = 10_000;

    private final long[] optionCounts = new long[MptcpSubtype.values().length];
    private final long[] tunnelCounts = new long[Encapsulation.values().length];
    private final List<TraceWarning> packetWarnings = new ArrayList<>();
    private final TreeSet<Integer> linkTypes = new TreeSet<>();
    private final String file;
    private String format = "";
    private String formatDetail = "";
    private List<TraceWarning> readerWarnings = List.of();
    private List<String> comments = List.of();
    private long packets;
    private long capturedBytes;
    private long wireBytes;
    private long tcpPackets;
    private long mptcpPackets;
    private long packetsWithWarnings;
    private long firstNanos;
    private long lastNanos;

    public TraceSummary(String file) {
        this.file = file;
    }

    public void accept(Frame frame, DecodedPacket packet) {
        if (packets == 0) {
            firstNanos = frame.timestampNanos();
        }
        packets++;
        lastNanos = frame.timestampNanos();
        capturedBytes += frame.capturedLength();
        wireBytes += frame.originalLength();
        if (packet.hasTcp()) {
            tcpPackets++;
        }
        int options = packet.mptcpOptionCount();
        if (options > 0) {
            mptcpPackets++;
        }
        for (int i = 0; i < options; i++) {
            optionCounts[packet.mptcpOption(i).subtype().ordinal()]++;
        }
        for (int i = 0; i < packet.tunnelCount(); i++) {
            Encapsulation kind = packet.tunnelKind(i);
            if (packet.tunnelIndex(kind) == i) { // a packet counts once per kind, however deep
                tunnelCounts[kind.ordinal()]++;
            }
        }
        int warnings = packet.warningCount();
        if (warnings > 0) {
            packetsWithWarnings++;
            for (int i = 0; i < warnings && packetWarnings.size() < MAX_PACKET_WARNINGS; i++) {
                PacketWarning warning = packet.warning(i);
                packetWarnings.add(new TraceWarning(file, frame.packetNumber(), frame.fileOffset(),
                        warning.located()));
            }
        }
    }

    public void finish(PacketSource source) {
        format = source.format().label();
        formatDetail = source.formatDetail();
        linkTypes.addAll(source.linkTypes());
        readerWarnings = List.copyOf(source.warnings());
        comments = List.copyOf(source.comments());
    }

    public String file() { return file; }
    public String format() { return format; }
    public String formatDetail() { return formatDetail; }
    public List<Integer> linkTypes() { return List.copyOf(linkTypes); }
    public long packets() { return packets; }
    public long capturedBytes() { return capturedBytes; }
    public long wireBytes() { return wireBytes; }
    public long tcpPackets() { return tcpPackets; }
    public long mptcpPackets() { return mptcpPackets; }
    public long packetsWithWarnings() { return packetsWithWarnings; }
    public long firstNanos() { return firstNanos; }
    public long lastNanos() { return lastNanos; }
    public long durationNanos() { return packets == 0 ? 0 : lastNanos - firstNanos; }
    public List<String> comments() { return comments; }

    /** MPTCP option occurrences by subtype, every known subtype present (zero when absent). */
    public Map<MptcpSubtype, Long> optionCounts() {
        Map<MptcpSubtype, Long> counts = new EnumMap<>(MptcpSubtype.class);
        for (MptcpSubtype subtype : MptcpSubtype.values()) {
            if (subtype != MptcpSubtype.UNKNOWN || optionCounts[subtype.ordinal()] > 0) {
                counts.put(subtype, optionCounts[subtype.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Packets carried in each tunnel protocol, by its display-filter name ({@code gtp}, {@code vxlan},
     * {@code pppoes}...), in the order of {@link Encapsulation}; the outer IP, UDP and Ethernet
     * headers every tunnel has are left out. Empty for a trace without tunnels.
     */
    public Map<String, Long> tunnelCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Encapsulation kind : Encapsulation.values()) {
            boolean generic = kind == Encapsulation.OUTER_IPV4 || kind == Encapsulation.OUTER_IPV6
                    || kind == Encapsulation.UDP || kind == Encapsulation.INNER_ETHERNET;
            if (!generic && tunnelCounts[kind.ordinal()] > 0) {
                counts.put(kind.filterName(), tunnelCounts[kind.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Reader warnings (damage in the file) first, then per-packet decode warnings. */
    public List<TraceWarning> warnings() {
        List<TraceWarning> all = new ArrayList<>(readerWarnings);
        all.addAll(packetWarnings);
        return all;
    }

    /** The figures as a model record, for the reports. */
    public TraceInfo info() {
        List<Integer> types = linkTypes();
        Map<String, Long> options = new LinkedHashMap<>();
        optionCounts().forEach((subtype, count) -> options.put(subtype.name(), count));
        return new TraceInfo(file, format, formatDetail, types, types.stream().map(LinkType::name).toList(),
                packets, capturedBytes, wireBytes, firstNanos, lastNanos, tcpPackets, mptcpPackets, options,
                tunnelCounts(), comments, warnings().stream().map(TraceWarning::toString).toList());
    }
}
