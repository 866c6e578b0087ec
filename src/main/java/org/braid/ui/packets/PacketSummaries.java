package org.braid.ui.packets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.braid.filter.Field;
import org.braid.filter.FieldResolver;
import org.braid.filter.FieldValues;
import org.braid.filter.Filter;
import org.braid.filter.FilterInput;

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
    /** The filter fields, for columns made from them; made when first asked. */
    private FieldResolver fields;
    /** The packet whose decode {@link #decoding} and {@link #input} hold, or -1. */
    private int decoded = -1;
    private final FilterInput input = new FilterInput();

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
        return cache.computeIfAbsent(index, i -> load(i)
                ? PacketSummary.of(decoding.packet(), trace.analysis().columns().flowOfPacket(i),
                        trace.index().sequenceBases(), absoluteSequence)
                : PacketSummary.UNREADABLE);
    }

    /**
     * The values of filter field {@code name} in packet {@code index}, as text; empty when the
     * packet has none or the field is unknown. Decodes the packet unless it is the last one decoded.
     */
    public String fieldText(String name, int index) {
        if (fields == null) {
            fields = TraceFields.of(trace);
        }
        Field field = fields.field(name);
        if (field == null || !load(index)) {
            return "";
        }
        return FieldValues.text(field, input.set(decoding.frame(), decoding.packet()));
    }

    /** True when {@code filter} keeps packet {@code index}; false when the packet cannot be read. */
    public boolean matches(Filter filter, int index) {
        return load(index) && filter.matches(input.set(decoding.frame(), decoding.packet()));
    }

    private boolean load(int index) {
        if (decoded == index) {
            return true;
        }
        decoded = -1;
        if (!decoding.load(index)) {
            return false;
        }
        decoded = index;
        return true;
    }

    /** Rows currently cached; at most {@value #CAPACITY}. */
    public int cachedRows() {
        return cache.size();
    }
}
