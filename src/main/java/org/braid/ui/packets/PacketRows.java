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
    /** For rows in another order than the capture's: the row of each packet index, -1 when not shown; else null. */
    private final int[] rowOfPacket;

    private PacketRows(int[] indexes, int size, int[] rowOfPacket) {
        this.indexes = indexes;
        this.size = size;
        this.rowOfPacket = rowOfPacket;
    }

    private PacketRows(int[] indexes, int size) {
        this(indexes, size, null);
    }

    /** The packet indexes {@code order}, in that order (a sort), of a trace of {@code packets} packets. */
    public static PacketRows sorted(int[] order, int packets) {
        int[] rows = new int[packets];
        java.util.Arrays.fill(rows, -1);
        for (int row = 0; row < order.length; row++) {
            rows[order[row]] = row;
        }
        return new PacketRows(order.clone(), order.length, rows);
    }

    /** The shown packet indexes in capture order, whatever order the rows are in. */
    public int[] inCaptureOrder() {
        int[] indexes = new int[size];
        for (int row = 0; row < size; row++) {
            indexes[row] = packetIndex(row);
        }
        if (rowOfPacket != null) {
            Arrays.sort(indexes);
        }
        return indexes;
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
        if (rowOfPacket != null) {
            return packet >= 0 && packet < rowOfPacket.length ? rowOfPacket[packet] : -1;
        }
        int row = Arrays.binarySearch(indexes, packet);
        return row >= 0 ? row : -1;
    }

    @Override
    public int size() {
        return size;
    }
}
