package org.braid.ui.packets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded row texts, made when a row is shown and kept for the last few hundred rows, so the
 * list costs the columns plus this cache whatever the trace's size. For the UI thread only.
 */
public final class PacketSummaries {
    static final int CAPACITY = 512;

    private final PacketDecoding decoding;
    private final Map<Integer, PacketSummary> cache = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PacketSummary> eldest) {
            return size() > CAPACITY;
        }
    };

    private final LoadedTrace trace;
    private final boolean absoluteSequence;

    /** Rows with relative TCP sequence numbers in Info, Wireshark's default. */
    public PacketSummaries(LoadedTrace trace) {
        this(trace, false);
    }

    /** @param absoluteSequence true to show TCP sequence numbers as sent rather than relative */
    public PacketSummaries(LoadedTrace trace, boolean absoluteSequence) {
        this.decoding = new PacketDecoding(trace);
        this.trace = trace;
        this.absoluteSequence = absoluteSequence;
    }

    public PacketSummary get(int index) {
        return cache.computeIfAbsent(index, i -> decoding.load(i)
                ? PacketSummary.of(decoding.packet(), trace.analysis().columns().flowOfPacket(i),
                        trace.index().sequenceBases(), absoluteSequence)
                : PacketSummary.UNREADABLE);
    }

    /** Rows currently cached; at most {@value #CAPACITY}. */
    public int cachedRows() {
        return cache.size();
    }
}
