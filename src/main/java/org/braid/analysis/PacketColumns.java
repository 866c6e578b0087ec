package org.braid.analysis;

import java.util.Arrays;

/**
 * Per-packet results as growable primitive columns, indexed by packet number - 1: what the
 * desktop packet list and filters read, without one object per packet.
 */
public final class PacketColumns {
    /** Value of {@link #relativeDsn} for a packet that carries no mapped data. */
    public static final long NO_DSN = Long.MIN_VALUE;

    private int size;
    private int[] flow;
    private int[] connection;
    private long[] relativeDsn;

    PacketColumns(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        flow = new int[capacity];
        connection = new int[capacity];
        relativeDsn = new long[capacity];
    }

    void add(int flowIndex, int connectionIndex, long dsn) {
        if (size == flow.length) {
            int capacity = size + (size >> 1);
            flow = Arrays.copyOf(flow, capacity);
            connection = Arrays.copyOf(connection, capacity);
            relativeDsn = Arrays.copyOf(relativeDsn, capacity);
        }
        flow[size] = flowIndex;
        connection[size] = connectionIndex;
        relativeDsn[size] = dsn;
        size++;
    }

    /** Sets the connection of a packet already added (a flow can become MPTCP after its first packets). */
    void setConnection(int packetIndex, int connectionIndex) {
        connection[packetIndex] = connectionIndex;
    }

    public int size() { return size; }

    /** The TCP flow of packet {@code i} (0-based), -1 for a packet without TCP. */
    public int flowOfPacket(int i) { return flow[check(i)]; }

    /** The MPTCP connection of packet {@code i}, -1 for plain TCP or no TCP. */
    public int connectionOfPacket(int i) { return connection[check(i)]; }

    /**
     * The connection-level sequence number of the packet's first payload byte, relative to the
     * sender's IDSN (or to the first DSN seen when the key is not in the trace); {@link #NO_DSN} when none.
     */
    public long relativeDsn(int i) { return relativeDsn[check(i)]; }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("packet " + i + " of " + size);
        }
        return i;
    }
}
