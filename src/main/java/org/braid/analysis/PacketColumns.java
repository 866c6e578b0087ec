package org.braid.analysis;

import java.util.Arrays;

/**
 * Per-packet results as growable primitive columns, indexed by packet number - 1: what the
 * desktop packet list and filters read, without one object per packet (32 bytes a packet).
 */
public final class PacketColumns {
    /** Value of {@link #relativeDsn} for a packet that carries no mapped data. */
    public static final long NO_DSN = Long.MIN_VALUE;
    /** Value of the packet-index columns when there is no such packet. */
    public static final int NO_PACKET = -1;

    /** Flag bits of {@link #flags}: what the analysis found about a packet. */
    public static final int TCP_RETRANSMISSION = 1;
    public static final int REINJECTION = 1 << 1;
    public static final int BEYOND_WINDOW = 1 << 2;
    public static final int ZERO_WINDOW = 1 << 3;
    public static final int CHECKSUM_FAILED = 1 << 4;
    public static final int CHECKSUM_VERIFIED = 1 << 5;
    public static final int CHECKSUM_UNVERIFIABLE = 1 << 6;
    public static final int HMAC_FAILED = 1 << 7;
    public static final int FALLBACK = 1 << 8;
    /** The packet carries data of the connection's server (data direction 1); clear for the client's. */
    public static final int SERVER_DATA = 1 << 9;
    /**
     * Data-level bytes sent again on the same subflow with new subflow sequence numbers (the
     * receiver had dropped its out-of-order data): an MPTCP-level resend, not a TCP retransmission.
     */
    public static final int RESENT = 1 << 10;
    /** The packet acknowledges subflow bytes the capture never saw: the capture lost them. */
    public static final int CAPTURE_LOSS = 1 << 11;

    /**
     * The columns grow by whole chunks, never copied: a growing array would copy everything seen so
     * far again and again, and big arrays are costly for the garbage collector. A chunk of longs
     * (256 KB) stays below G1's humongous-object size.
     */
    private static final int CHUNK_SHIFT = 15;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK - 1;

    private int size;
    private int[][] flow = new int[0][];
    private int[][] connection = new int[0][];
    private long[][] relativeDsn = new long[0][];
    private int[][] flags = new int[0][];
    private int[][] mappingPacket = new int[0][];
    /** Only reinjections and resends have one: a sparse column. */
    private final SparseIntColumn reinjectionOf = new SparseIntColumn(NO_PACKET);
    private long[][] windowEdge = new long[0][];
    /** Per connection as created: its number in the results (merged connections share their survivor's). */
    private int[] connectionNumber = new int[16];
    private int connectionsCreated;
    private int liveConnections;
    /** Per connection as created and data direction: the base of relative DSNs, when known. */
    private long[] dsnBase = new long[32];
    private boolean[] dsnBaseKnown = new boolean[32];

    private int chunks;
    /**
     * Whether the columns only a reader of single packets needs (DSN, window edge, mapping packet)
     * are kept: the window, filters, follow and compare read them, a whole-trace result does not,
     * and they are 20 of the 32 bytes a packet.
     */
    private final boolean packetDetail;

    /** Columns with room for {@code initialCapacity} packets before the next allocation. */
    PacketColumns(int initialCapacity) {
        this(initialCapacity, true);
    }

    /** As {@link #PacketColumns(int)}; without {@code packetDetail}, the DSN, window edge and mapping packet are not kept. */
    PacketColumns(int initialCapacity, boolean packetDetail) {
        this.packetDetail = packetDetail;
        while ((long) chunks * CHUNK < initialCapacity) {
            addChunk();
        }
    }

    void add(int flowIndex, int connectionIndex, long dsn) {
        int chunk = size >>> CHUNK_SHIFT;
        int at = size & CHUNK_MASK;
        if (chunk == chunks) {
            addChunk();
        }
        flow[chunk][at] = flowIndex;
        connection[chunk][at] = connectionIndex;
        if (packetDetail) {
            relativeDsn[chunk][at] = dsn;
            mappingPacket[chunk][at] = NO_PACKET;
            windowEdge[chunk][at] = NO_DSN;
        }
        size++;
    }

    /** Flags start at 0, as a new chunk is; the other columns are set by {@link #add}. */
    private void addChunk() {
        int chunk = chunks++;
        if (chunk == flow.length) {
            int capacity = Math.max(4, chunk * 2);
            flow = Arrays.copyOf(flow, capacity);
            connection = Arrays.copyOf(connection, capacity);
            relativeDsn = Arrays.copyOf(relativeDsn, capacity);
            flags = Arrays.copyOf(flags, capacity);
            mappingPacket = Arrays.copyOf(mappingPacket, capacity);
            windowEdge = Arrays.copyOf(windowEdge, capacity);
        }
        flow[chunk] = new int[CHUNK];
        connection[chunk] = new int[CHUNK];
        flags[chunk] = new int[CHUNK];
        if (packetDetail) {
            relativeDsn[chunk] = new long[CHUNK];
            mappingPacket[chunk] = new int[CHUNK];
            windowEdge[chunk] = new long[CHUNK];
        }
    }

    /** A connection was created with index {@code created}: it takes the next number. */
    void connectionAdded(int created) {
        if (created >= connectionNumber.length) {
            connectionNumber = Arrays.copyOf(connectionNumber, created * 2);
            dsnBase = Arrays.copyOf(dsnBase, created * 4);
            dsnBaseKnown = Arrays.copyOf(dsnBaseKnown, created * 4);
        }
        connectionNumber[created] = liveConnections++;
        connectionsCreated = Math.max(connectionsCreated, created + 1);
    }

    /** Connection {@code from} turned out to be part of {@code into}: numbers after it close up. */
    void merge(int from, int into) {
        int removed = connectionNumber[from];
        int target = connectionNumber[into];
        int newTarget = target > removed ? target - 1 : target;
        for (int k = 0; k < connectionsCreated; k++) {
            if (connectionNumber[k] == removed) {
                connectionNumber[k] = newTarget;
            } else if (connectionNumber[k] > removed) {
                connectionNumber[k]--;
            }
        }
        liveConnections--;
    }

    /** The number in the results of the connection created as {@code created}. */
    public int connectionNumber(int created) {
        return connectionNumber[created];
    }

    void setDsnBase(int created, int side, long base) {
        dsnBase[created * 2 + side] = base;
        dsnBaseKnown[created * 2 + side] = true;
    }

    /** Sets the connection of a packet already added (a flow can become MPTCP after its first packets). */
    void setConnection(int packetIndex, int connectionIndex) {
        connection[packetIndex >>> CHUNK_SHIFT][packetIndex & CHUNK_MASK] = connectionIndex;
    }

    void setMappingPacket(int packetIndex, int mappingPacketIndex) {
        if (!packetDetail) {
            return;
        }
        mappingPacket[check(packetIndex) >>> CHUNK_SHIFT][packetIndex & CHUNK_MASK] = mappingPacketIndex;
    }

    /** The original of a reinjection or a resend (the flags say which). */
    void setReinjectionOf(int packetIndex, int originalPacketIndex) {
        reinjectionOf.put(check(packetIndex), originalPacketIndex);
    }

    void clearFlags(int packetIndex, int bits) {
        flags[check(packetIndex) >>> CHUNK_SHIFT][packetIndex & CHUNK_MASK] &= ~bits;
    }

    void addFlags(int packetIndex, int bits) {
        flags[check(packetIndex) >>> CHUNK_SHIFT][packetIndex & CHUNK_MASK] |= bits;
    }

    public int size() { return size; }

    /** The TCP flow of packet {@code i} (0-based), -1 for a packet without TCP. */
    public int flowOfPacket(int i) { return flow[check(i) >>> CHUNK_SHIFT][i & CHUNK_MASK]; }

    /** The MPTCP connection of packet {@code i} (its number in the results), -1 for plain TCP or no TCP. */
    public int connectionOfPacket(int i) {
        int created = connection[check(i) >>> CHUNK_SHIFT][i & CHUNK_MASK];
        return created < 0 ? created : connectionNumber[created];
    }

    /**
     * The connection-level sequence number of the packet's first payload byte, relative to the
     * sender's IDSN (or to the first DSN seen when the key is not in the trace); {@link #NO_DSN} when none.
     */
    public long relativeDsn(int i) { return relativeDsn[detail(i) >>> CHUNK_SHIFT][i & CHUNK_MASK]; }

    /**
     * The 64-bit data sequence number of the packet's first payload byte, as on the wire; {@link #NO_DSN}
     * when unknown. Compare captures of one connection with this: relative DSNs count from a base
     * that depends on what the capture holds.
     */
    public long absoluteDsn(int i) {
        long relative = relativeDsn[detail(i) >>> CHUNK_SHIFT][i & CHUNK_MASK];
        int created = connection[i >>> CHUNK_SHIFT][i & CHUNK_MASK];
        if (relative == NO_DSN || created < 0) {
            return NO_DSN;
        }
        int slot = created * 2 + ((flags[i >>> CHUNK_SHIFT][i & CHUNK_MASK] & SERVER_DATA) != 0 ? 1 : 0);
        return dsnBaseKnown[slot] ? relative + dsnBase[slot] : NO_DSN;
    }

    /** The analysis flag bits of packet {@code i} (the constants above). */
    public int flags(int i) { return flags[check(i) >>> CHUNK_SHIFT][i & CHUNK_MASK]; }

    public boolean hasFlag(int i, int bit) { return (flags(i) & bit) != 0; }

    /** The 0-based index of the packet that carried the DSS mapping of packet {@code i}'s payload, or {@link #NO_PACKET}. */
    public int mappingPacket(int i) { return mappingPacket[detail(i) >>> CHUNK_SHIFT][i & CHUNK_MASK]; }

    /** For a reinjection, the 0-based index of the original packet on another subflow; else {@link #NO_PACKET}. */
    public int reinjectionOf(int i) {
        return (flags(i) & REINJECTION) != 0 ? reinjectionOf.get(i) : NO_PACKET;
    }

    /** For a same-subflow resend, the 0-based index of the packet that first sent its DSNs; else {@link #NO_PACKET}. */
    public int resentOf(int i) {
        return (flags(i) & (RESENT | REINJECTION)) == RESENT ? reinjectionOf.get(i) : NO_PACKET;
    }

    void setWindowEdge(int packetIndex, long relativeEdge) {
        if (!packetDetail) {
            return;
        }
        windowEdge[check(packetIndex) >>> CHUNK_SHIFT][packetIndex & CHUNK_MASK] = relativeEdge;
    }

    /**
     * The connection-level right edge DATA_ACK + scaled window that packet {@code i} advertised for
     * the data flowing towards its sender, relative to that data's DSN base like {@link #relativeDsn};
     * {@link #NO_DSN} when the packet advertised none.
     */
    public long windowEdge(int i) { return windowEdge[detail(i) >>> CHUNK_SHIFT][i & CHUNK_MASK]; }

    /** As {@link #check}, for the columns kept only with packet detail. */
    private int detail(int i) {
        if (!packetDetail) {
            throw new IllegalStateException("an analysis for its result only keeps no per-packet DSNs");
        }
        return check(i);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("packet " + i + " of " + size);
        }
        return i;
    }
}
