package org.braid.analysis;

/**
 * The checksummed mappings of one subflow direction that still wait for bytes. Slots are reused;
 * beyond {@link #CAPACITY} the oldest is given up (the capture lost its bytes).
 */
final class OpenMappings {
    static final int CAPACITY = 64;

    final ConnectionState connection;
    private final OpenMapping[] slots = new OpenMapping[CAPACITY];
    private int count;

    OpenMappings(ConnectionState connection) {
        this.connection = connection;
    }

    int count() {
        return count;
    }

    OpenMapping get(int k) {
        return slots[k];
    }

    boolean full() {
        return count == CAPACITY;
    }

    /** The slot opened the longest ago. */
    int oldest() {
        int oldest = 0;
        for (int k = 1; k < count; k++) {
            if (slots[k].openedAt < slots[oldest].openedAt) {
                oldest = k;
            }
        }
        return oldest;
    }

    /** A free slot, now counted as open (its previous content is to be overwritten). */
    OpenMapping take() {
        if (slots[count] == null) {
            slots[count] = new OpenMapping();
        }
        return slots[count++];
    }

    /** Frees slot {@code k}: the last open slot moves into its place. */
    void remove(int k) {
        int last = --count;
        OpenMapping closed = slots[k];
        slots[k] = slots[last];
        slots[last] = closed;
    }

    void clear() {
        count = 0;
    }
}
