package org.braid.model;

import java.util.Arrays;

/**
 * A column of long values, appended in order and read by index, kept narrow. Values are stored in
 * chunks of {@link #CHUNK} as offsets from the chunk's first value: in 16 bits while they fit, else
 * in 32, else as the values themselves. Path samples (packet numbers, capture times, bytes in
 * flight, round-trip times) move little within a chunk, so most chunks take 2 or 4 bytes a value
 * instead of 8, and the column grows a chunk at a time without copying what it holds.
 *
 * <p>A {@link #frozen} snapshot shares the chunks: appending writes only past the snapshot's size,
 * and a chunk that has to widen is replaced in this column, not in the snapshot.
 */
public final class SampleColumn {
    static final int SHIFT = 12;
    public static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** Per chunk, its values at one width (the other two null), as offsets from {@link #base} unless wide. */
    private short[][] narrow;
    private int[][] medium;
    private long[][] wide;
    private long[] base;
    private int size;
    /** 16 or 32: the width each chunk starts with. */
    private final int startBits;
    private final boolean frozen;
    // The chunk being filled, so that an ordinary add touches fields rather than the chunk tables.
    private short[] fillingNarrow;
    private int[] fillingMedium;
    private long[] fillingWide;
    private long fillingBase;

    /**
     * An empty column whose chunks start {@code startBits} (16 or 32) wide, with room for
     * {@code capacity} values of that width before it allocates.
     */
    public SampleColumn(int capacity, int startBits) {
        if (startBits != Short.SIZE && startBits != Integer.SIZE) {
            throw new IllegalArgumentException("16 or 32 bits, not " + startBits);
        }
        this.startBits = startBits;
        int chunks = (Math.max(0, capacity) + MASK) >>> SHIFT;
        narrow = new short[Math.max(1, chunks)][];
        medium = new int[narrow.length][];
        wide = new long[narrow.length][];
        base = new long[narrow.length];
        for (int c = 0; c < chunks; c++) {
            if (startBits == Short.SIZE) {
                narrow[c] = new short[CHUNK];
            } else {
                medium[c] = new int[CHUNK];
            }
        }
        frozen = false;
    }

    private SampleColumn(SampleColumn of) {
        int chunks = (of.size + MASK) >>> SHIFT;
        narrow = Arrays.copyOf(of.narrow, chunks);
        medium = Arrays.copyOf(of.medium, chunks);
        wide = Arrays.copyOf(of.wide, chunks);
        base = Arrays.copyOf(of.base, chunks);
        size = of.size;
        startBits = of.startBits;
        frozen = true;
    }

    public void add(long value) {
        int at = size & MASK;
        if (at == 0) {
            startChunk(value);
        }
        long offset = value - fillingBase;
        if (fillingNarrow != null && (short) offset == offset) {
            fillingNarrow[at] = (short) offset;
        } else if (fillingMedium != null && (int) offset == offset) {
            fillingMedium[at] = (int) offset;
        } else {
            addWider(at, value, offset);
        }
        size++;
    }

    /** Starts chunk {@code size / CHUNK} at the start width (a pre-sized one is there already). */
    private void startChunk(long first) {
        if (frozen) {
            throw new UnsupportedOperationException("a frozen column");
        }
        int c = size >>> SHIFT;
        if (c == base.length) {
            int capacity = c * 2;
            narrow = Arrays.copyOf(narrow, capacity);
            medium = Arrays.copyOf(medium, capacity);
            wide = Arrays.copyOf(wide, capacity);
            base = Arrays.copyOf(base, capacity);
        }
        if (narrow[c] == null && medium[c] == null) {
            if (startBits == Short.SIZE) {
                narrow[c] = new short[CHUNK];
            } else {
                medium[c] = new int[CHUNK];
            }
        }
        base[c] = first;
        fillingBase = first;
        fillingNarrow = narrow[c];
        fillingMedium = medium[c];
        fillingWide = null;
    }

    /** Stores a value the filling chunk's width cannot hold, widening the chunk (once per width) first. */
    private void addWider(int at, long value, long offset) {
        int c = size >>> SHIFT;
        if (fillingNarrow != null) {
            int[] widened = new int[CHUNK];
            for (int i = 0; i < at; i++) {
                widened[i] = fillingNarrow[i];
            }
            medium[c] = widened;
            narrow[c] = null;
            fillingMedium = widened;
            fillingNarrow = null;
            if ((int) offset == offset) {
                widened[at] = (int) offset;
                return;
            }
        }
        if (fillingMedium != null) {
            long[] widened = new long[CHUNK];
            for (int i = 0; i < at; i++) {
                widened[i] = fillingBase + fillingMedium[i];
            }
            wide[c] = widened;
            medium[c] = null;
            fillingWide = widened;
            fillingMedium = null;
        }
        fillingWide[at] = value;
    }

    public long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        int c = i >>> SHIFT;
        int at = i & MASK;
        short[] small = narrow[c];
        if (small != null) {
            return base[c] + small[at];
        }
        int[] values = medium[c];
        return values != null ? base[c] + values[at] : wide[c][at];
    }

    public int size() {
        return size;
    }

    /** The values so far, unchangeable; shares the chunks (no copy of the values). */
    public SampleColumn frozen() {
        return frozen ? this : new SampleColumn(this);
    }
}
