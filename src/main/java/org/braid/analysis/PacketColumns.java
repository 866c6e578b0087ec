package org.braid.analysis;

import java.util.Arrays;
import org.braid.model.column.IntColumn;
import org.braid.model.column.LongColumn;

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

    private int size;
    /**
     * Chunked columns (see {@link org.braid.model.column}): nothing seen so far is copied as they
     * grow, and a column's rows that all hold its absent value (no DSN, no window edge) cost nothing.
     */
    private final IntColumn flow = new IntColumn(Flow.NONE);
    private final IntColumn connection = new IntColumn(Flow.NONE);
    private final LongColumn relativeDsn = new LongColumn(NO_DSN);
    private final IntColumn flags = new IntColumn(0);
    private final IntColumn mappingPacket = new IntColumn(NO_PACKET);
    /** Only reinjections and resends have one: a sparse column. */
    private final SparseIntColumn reinjectionOf = new SparseIntColumn(NO_PACKET);
    private final LongColumn windowEdge = new LongColumn(NO_DSN);
    /** Per connection as created: its number in the results (merged connections share their survivor's). */
    private int[] connectionNumber = new int[16];
    private int connectionsCreated;
    private int liveConnections;
    /** Per connection as created and data direction: the base of relative DSNs, when known. */
    private long[] dsnBase = new long[32];
    private boolean[] dsnBaseKnown = new boolean[32];

    /**
     * Whether the columns only a reader of single packets needs (DSN, window edge, mapping packet)
     * are kept: the window, filters, follow and compare read them, a whole-trace result does not,
     * and they are 20 of the 32 bytes a packet.
     */
    private final boolean packetDetail;

    /** Columns with room for {@code expectedPackets} before they allocate (in whole chunks). */
    PacketColumns(int expectedPackets) {
        this(expectedPackets, true);
    }

    /** As {@link #PacketColumns(int)}; without {@code packetDetail}, the DSN, window edge and mapping packet are not kept. */
    PacketColumns(int expectedPackets, boolean packetDetail) {
        this.packetDetail = packetDetail;
        flow.reserve(expectedPackets);
        connection.reserve(expectedPackets);
        flags.reserve(expectedPackets);
        if (packetDetail) {
            relativeDsn.reserve(expectedPackets);
            mappingPacket.reserve(expectedPackets);
            windowEdge.reserve(expectedPackets);
        }
    }

    /** Whether the columns a reader of single packets needs are kept (see {@link #PacketColumns(int, boolean)}). */
    boolean keepsPacketDetail() {
        return packetDetail;
    }

    void add(int flowIndex, int connectionIndex, long dsn) {
        int row = size;
        flow.set(row, flowIndex);
        connection.set(row, connectionIndex);
        if (packetDetail) {
            relativeDsn.set(row, dsn);
        }
        size++;
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
        connection.set(check(packetIndex), connectionIndex);
    }

    void setMappingPacket(int packetIndex, int mappingPacketIndex) {
        if (!packetDetail) {
            return;
        }
        mappingPacket.set(check(packetIndex), mappingPacketIndex);
    }

    /** The original of a reinjection or a resend (the flags say which). */
    void setReinjectionOf(int packetIndex, int originalPacketIndex) {
        reinjectionOf.put(check(packetIndex), originalPacketIndex);
    }

    void clearFlags(int packetIndex, int bits) {
        flags.set(check(packetIndex), flags.get(packetIndex) & ~bits);
    }

    void addFlags(int packetIndex, int bits) {
        flags.set(check(packetIndex), flags.get(packetIndex) | bits);
    }

    public int size() { return size; }

    /** The TCP flow of packet {@code i} (0-based), -1 for a packet without TCP. */
    public int flowOfPacket(int i) { return flow.get(check(i)); }

    /** The MPTCP connection of packet {@code i} (its number in the results), -1 for plain TCP or no TCP. */
    public int connectionOfPacket(int i) {
        int created = connection.get(check(i));
        return created < 0 ? created : connectionNumber[created];
    }

    /**
     * The connection-level sequence number of the packet's first payload byte, relative to the
     * sender's IDSN (or to the first DSN seen when the key is not in the trace); {@link #NO_DSN} when none.
     */
    public long relativeDsn(int i) { return relativeDsn.get(detail(i)); }

    /**
     * The 64-bit data sequence number of the packet's first payload byte, as on the wire; {@link #NO_DSN}
     * when unknown. Compare captures of one connection with this: relative DSNs count from a base
     * that depends on what the capture holds.
     */
    public long absoluteDsn(int i) {
        long relative = relativeDsn.get(detail(i));
        int created = connection.get(i);
        if (relative == NO_DSN || created < 0) {
            return NO_DSN;
        }
        int slot = created * 2 + ((flags.get(i) & SERVER_DATA) != 0 ? 1 : 0);
        return dsnBaseKnown[slot] ? relative + dsnBase[slot] : NO_DSN;
    }

    /** The analysis flag bits of packet {@code i} (the constants above). */
    public int flags(int i) { return flags.get(check(i)); }

    public boolean hasFlag(int i, int bit) { return (flags(i) & bit) != 0; }

    /** Calls {@code action} with each packet index, in order, and its flags, whose flags share a bit with {@code mask}. */
    public void forEachFlagged(int mask, IntColumn.RowAction action) {
        flags.forEachMatching(size, mask, action);
    }

    /** The 0-based index of the packet that carried the DSS mapping of packet {@code i}'s payload, or {@link #NO_PACKET}. */
    public int mappingPacket(int i) { return mappingPacket.get(detail(i)); }

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
        windowEdge.set(check(packetIndex), relativeEdge);
    }

    /**
     * The connection-level right edge DATA_ACK + scaled window that packet {@code i} advertised for
     * the data flowing towards its sender, relative to that data's DSN base like {@link #relativeDsn};
     * {@link #NO_DSN} when the packet advertised none.
     */
    public long windowEdge(int i) { return windowEdge.get(detail(i)); }

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
