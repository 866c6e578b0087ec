package org.braid.ui.packets;

import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The packet list's items: the shown packets' indexes, as an immutable observable list that makes
 * its tiny row objects on demand, so a list of 300k rows costs one int each. A new filter makes a
 * new list rather than a change event.
 */
public final class PacketRows extends ObservableListBase<PacketRow> {
    /** Null when every packet is shown: row i is then packet i. */
    private final int[] indexes;
    private final int size;

    private PacketRows(int[] indexes, int size) {
        this.indexes = indexes;
        this.size = size;
    }

    /** Every packet of a trace of {@code packets} packets, without storing an index per row. */
    public static PacketRows all(int packets) {
        return new PacketRows(null, packets);
    }

    /** The given packet indexes, which must be ascending. */
    public static PacketRows of(int[] indexes) {
        return new PacketRows(indexes.clone(), indexes.length);
    }

    public static PacketRows empty() {
        return of(new int[0]);
    }

    @Override
    public PacketRow get(int row) {
        return new PacketRow(packetIndex(row));
    }

    /** The packet index shown in {@code row}. */
    public int packetIndex(int row) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size());
        }
        return indexes == null ? row : indexes[row];
    }

    /** The row showing packet index {@code packet}, or -1 when it is filtered out. */
    public int rowOf(int packet) {
        if (indexes == null) {
            return packet >= 0 && packet < size() ? packet : -1;
        }
        int row = Arrays.binarySearch(indexes, packet);
        return row >= 0 ? row : -1;
    }

    @Override
    public int size() {
        return size;
    }
}
