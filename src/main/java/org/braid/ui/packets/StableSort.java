package org.braid.ui.packets;

/** A stable merge sort of an {@code int[]} by a primitive comparator, so millions of rows sort without boxing. */
final class StableSort {
    private static final int INSERTION = 24;

    private StableSort() {}

    static void sort(int[] values, PacketSort.IntComparator order) {
        int[] buffer = values.clone();
        mergeSort(buffer, values, 0, values.length, order);
    }

    /** Sorts {@code to[from, until)}, using {@code from} (holding the same values) as scratch. */
    private static void mergeSort(int[] scratch, int[] to, int from, int until, PacketSort.IntComparator order) {
        if (until - from <= INSERTION) {
            for (int i = from + 1; i < until; i++) {
                int value = to[i];
                int j = i - 1;
                while (j >= from && order.compare(to[j], value) > 0) {
                    to[j + 1] = to[j];
                    j--;
                }
                to[j + 1] = value;
            }
            return;
        }
        int middle = (from + until) >>> 1;
        mergeSort(to, scratch, from, middle, order);
        mergeSort(to, scratch, middle, until, order);
        int left = from;
        int right = middle;
        for (int i = from; i < until; i++) {
            if (right >= until || left < middle && order.compare(scratch[left], scratch[right]) <= 0) {
                to[i] = scratch[left++];
            } else {
                to[i] = scratch[right++];
            }
        }
    }
}
