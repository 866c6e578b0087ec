package org.braid.compare;

import java.util.Arrays;

/**
 * An open hash of one trace's packet fingerprints: for a fingerprint, the packets that carry it,
 * in capture order. Two int arrays and a long array; nothing allocated per packet.
 */
final class FingerprintIndex {
    private final long[] keys;
    private final int[] head;
    private final int[] tail;
    private final int[] next;
    private final int mask;

    FingerprintIndex(PacketFields fields) {
        int n = fields.size();
        int capacity = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        keys = new long[capacity];
        head = new int[capacity];
        tail = new int[capacity];
        Arrays.fill(head, -1);
        next = new int[n];
        mask = capacity - 1;
        for (int i = 0; i < n; i++) {
            next[i] = -1;
            long key = fields.fingerprint(i);
            if (key == PacketFields.NO_FINGERPRINT) {
                continue;
            }
            int slot = slot(key);
            if (head[slot] < 0) {
                keys[slot] = key;
                head[slot] = i;
            } else {
                next[tail[slot]] = i;
            }
            tail[slot] = i;
        }
    }

    private int slot(long key) {
        int slot = (int) key & mask;
        while (head[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The first packet with this fingerprint, or -1. */
    int first(long key) {
        return key == PacketFields.NO_FINGERPRINT ? -1 : head[slot(key)];
    }

    /** The packet after {@code packet} with the same fingerprint, or -1. */
    int next(int packet) {
        return next[packet];
    }
}
