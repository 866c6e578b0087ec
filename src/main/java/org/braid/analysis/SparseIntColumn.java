package org.braid.analysis;

import java.util.Arrays;

/**
 * An int per packet index that few packets have (the original of a reinjection or resend): an
 * open-addressing table of (index, value) pairs, 16 to 32 bytes per packet that has one instead of
 * 4 bytes for every packet. Indexes are 0 or more; a missing one reads as {@code absent}. Pairs
 * lie side by side in one array, replaced whole when it grows, so a reader on another thread
 * (the window, while the load pass goes on) sees an old table or the new one, never a mix.
 */
final class SparseIntColumn {
    private static final int EMPTY = -1;
    private final int absent;
    /** Key at even positions, its value after it. */
    private int[] table = emptyTable(16);
    private int size;

    SparseIntColumn(int absent) {
        this.absent = absent;
    }

    void put(int index, int value) {
        if ((size + 1) * 4 > table.length) {
            table = copied(table, table.length * 2);
        }
        int at = find(table, index);
        table[at + 1] = value; // before the key, for a reader on another thread
        if (table[at] == EMPTY) {
            table[at] = index;
            size++;
        }
    }

    int get(int index) {
        int[] pairs = table;
        int at = find(pairs, index);
        return pairs[at] == EMPTY ? absent : pairs[at + 1];
    }

    /** Where {@code index}'s pair is, or the empty pair where it would go (a table is at most half full). */
    private static int find(int[] pairs, int index) {
        int mask = pairs.length / 2 - 1;
        int slot = (index * 0x9E3779B9) >>> 7 & mask;
        while (pairs[slot * 2] != EMPTY && pairs[slot * 2] != index) {
            slot = (slot + 1) & mask;
        }
        return slot * 2;
    }

    private static int[] copied(int[] pairs, int length) {
        int[] grown = emptyTable(length / 2);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] != EMPTY) {
                int at = find(grown, pairs[i]);
                grown[at] = pairs[i];
                grown[at + 1] = pairs[i + 1];
            }
        }
        return grown;
    }

    private static int[] emptyTable(int slots) {
        int[] pairs = new int[slots * 2];
        Arrays.fill(pairs, EMPTY);
        return pairs;
    }
}
