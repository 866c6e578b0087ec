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

    public PacketSummaries(LoadedTrace trace) {
        this.decoding = new PacketDecoding(trace);
    }

    public PacketSummary get(int index) {
        return cache.computeIfAbsent(index,
                i -> decoding.load(i) ? PacketSummary.of(decoding.packet()) : PacketSummary.UNREADABLE);
    }

    /** Rows currently cached; at most {@value #CAPACITY}. */
    public int cachedRows() {
        return cache.size();
    }
}
