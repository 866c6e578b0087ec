package org.braid.model;

import java.util.Arrays;

/**
 * Samples of a path measurement in packet order, each a flow, a packet number, a capture time and
 * a value (an RTT, or bytes in flight), in 16 bytes: chunks of {@link #CHUNK} samples hold ints,
 * times and values as offsets from the chunk's first (a chunk whose offsets do not fit holds them
 * whole). The table grows a chunk at a time without copying what it holds, so an ordinary sample
 * costs a few stores.
 *
 * <p>A {@link #frozen} snapshot shares the chunks: adding writes only past the snapshot's size, and
 * a chunk that has to widen is replaced here, not in the snapshot.
 */
public final class PathSamples {
    static final int SHIFT = 12;
    public static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int[][] flow;
    private int[][] packet;
    private final OffsetColumn nanos;
    private final OffsetColumn value;
    private int size;
    private final boolean frozen;
    private int[] fillingFlow;
    private int[] fillingPacket;

    /** An empty table with room for {@code capacity} samples before it allocates. */
    public PathSamples(int capacity) {
        int chunks = (Math.max(0, capacity) + MASK) >>> SHIFT;
        flow = new int[Math.max(1, chunks)][];
        packet = new int[flow.length][];
        for (int c = 0; c < chunks; c++) {
            flow[c] = new int[CHUNK];
            packet[c] = new int[CHUNK];
        }
        nanos = new OffsetColumn(chunks);
        value = new OffsetColumn(chunks);
        frozen = false;
    }

    private PathSamples(PathSamples of) {
        int chunks = (of.size + MASK) >>> SHIFT;
        flow = Arrays.copyOf(of.flow, chunks);
        packet = Arrays.copyOf(of.packet, chunks);
        nanos = of.nanos.copy(chunks);
        value = of.value.copy(chunks);
        size = of.size;
        frozen = true;
    }

    /** Appends a sample; {@code packet} is the 1-based packet number. */
    public void add(int flowIndex, long packetNumber, long nanosValue, long sample) {
        if (frozen) {
            throw new UnsupportedOperationException("a frozen table");
        }
        int at = size & MASK;
        if (at == 0) {
            startChunk(nanosValue, sample);
        }
        fillingFlow[at] = flowIndex;
        fillingPacket[at] = Math.toIntExact(packetNumber);
        nanos.put(at, nanosValue);
        value.put(at, sample);
        size++;
    }

    private void startChunk(long firstNanos, long firstValue) {
        int c = size >>> SHIFT;
        if (c == flow.length) {
            flow = Arrays.copyOf(flow, c * 2);
            packet = Arrays.copyOf(packet, c * 2);
        }
        if (flow[c] == null) {
            flow[c] = new int[CHUNK];
            packet[c] = new int[CHUNK];
        }
        fillingFlow = flow[c];
        fillingPacket = packet[c];
        nanos.startChunk(c, firstNanos);
        value.startChunk(c, firstValue);
    }

    public int size() {
        return size;
    }

    public int flow(int i) {
        return flow[check(i) >>> SHIFT][i & MASK];
    }

    /** The 1-based packet number of sample {@code i}. */
    public long packet(int i) {
        return packet[check(i) >>> SHIFT][i & MASK];
    }

    public long nanos(int i) {
        return nanos.get(check(i) >>> SHIFT, i & MASK);
    }

    public long value(int i) {
        return value.get(check(i) >>> SHIFT, i & MASK);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return i;
    }

    /** The samples so far, unchangeable; shares the chunks (no copy of the samples). */
    public PathSamples frozen() {
        return frozen ? this : new PathSamples(this);
    }

    /** Longs kept per chunk as int offsets from the chunk's first, or whole when one does not fit. */
    private static final class OffsetColumn {
        private int[][] offsets;
        private long[][] whole;
        private long[] base;
        private int[] filling;
        private long[] fillingWhole;
        private long fillingBase;
        private int fillingChunk;

        OffsetColumn(int chunks) {
            offsets = new int[Math.max(1, chunks)][];
            whole = new long[offsets.length][];
            base = new long[offsets.length];
            for (int c = 0; c < chunks; c++) {
                offsets[c] = new int[CHUNK];
            }
        }

        private OffsetColumn(int[][] offsets, long[][] whole, long[] base) {
            this.offsets = offsets;
            this.whole = whole;
            this.base = base;
        }

        OffsetColumn copy(int chunks) {
            return new OffsetColumn(Arrays.copyOf(offsets, chunks), Arrays.copyOf(whole, chunks),
                    Arrays.copyOf(base, chunks));
        }

        void startChunk(int c, long first) {
            if (c == offsets.length) {
                offsets = Arrays.copyOf(offsets, c * 2);
                whole = Arrays.copyOf(whole, c * 2);
                base = Arrays.copyOf(base, c * 2);
            }
            if (offsets[c] == null) {
                offsets[c] = new int[CHUNK];
            }
            base[c] = first;
            fillingChunk = c;
            filling = offsets[c];
            fillingWhole = null;
            fillingBase = first;
        }

        void put(int at, long v) {
            long offset = v - fillingBase;
            if (filling != null && (int) offset == offset) {
                filling[at] = (int) offset;
            } else {
                putWhole(at, v);
            }
        }

        /** The filling chunk turns to whole values (once), then takes {@code v}. */
        private void putWhole(int at, long v) {
            if (filling != null) {
                long[] widened = new long[CHUNK];
                for (int i = 0; i < at; i++) {
                    widened[i] = fillingBase + filling[i];
                }
                whole[fillingChunk] = widened;
                offsets[fillingChunk] = null;
                fillingWhole = widened;
                filling = null;
            }
            fillingWhole[at] = v;
        }

        long get(int c, int at) {
            int[] small = offsets[c];
            return small != null ? base[c] + small[at] : whole[c][at];
        }
    }
}
