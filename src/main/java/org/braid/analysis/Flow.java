package org.braid.analysis;

import org.braid.model.Grouping;
import org.braid.model.RoleBasis;

/**
 * Mutable state of one TCP flow (both directions of a 4-tuple) during the pass. Direction 0 is
 * from the flow's client (the sender of its SYN, or of the first packet seen), 1 the reverse.
 * Allocated once per flow; every per-packet field is a primitive.
 */
final class Flow {
    static final int NONE = -1;

    final int index;
    final int ipVersion;
    // Not final: without the SYN the roles are inferred, and MPTCP evidence can overturn a guess.
    long clientHigh;
    long clientLow;
    int clientPort;
    long serverHigh;
    long serverLow;
    int serverPort;
    String clientAddress;
    String serverAddress;
    /** What told the client from the server. */
    RoleBasis roles = RoleBasis.FIRST_PACKET;
    final int firstPacketIndex;

    long startNanos;
    long endNanos;
    long packets;
    final long[] payloadBytes = new long[2];

    boolean sawSyn;
    boolean sawSynAck;
    long synNanos;
    long handshakeRttNanos = -1;
    /**
     * Initial sequence numbers per direction, known from SYN and SYN/ACK, or anchored by the DSS
     * mapper from MPTCP evidence (see {@link DssMapper}).
     */
    final long[] isn = new long[2];
    final boolean[] isnKnown = new boolean[2];
    /** Payload of the SYN (client) and SYN/ACK (server) on the wire: TCP Fast Open data, accepted or not. */
    final int[] synPayload = new int[2];
    /**
     * The SYN payload the other end accepted (its SYN/ACK acknowledged it; assumed when that is not
     * in the trace): RFC 8684 B.3 and Linux count a subflow's relative sequence numbers in DSS
     * mappings from the byte after it, and leave it out of the data sequence space. Refused, it is
     * sent again after the handshake as ordinary data.
     */
    final int[] fastOpenData = new int[2];
    /** The ISN a new mapping implies if it starts on the packet that first carries it; confirmed by the next. */
    final long[] isnCandidate = new long[2];
    final boolean[] isnCandidateSet = new boolean[2];
    final boolean[] finSeen = new boolean[2];
    /** Window scale shift each direction announced on its SYN (-1 when absent or not captured). */
    final int[] windowScale = {-1, -1};
    boolean reset;

    // MPTCP
    boolean capableOnSyn;
    boolean checksumRequested;
    /** The client key of a v0 MP_CAPABLE SYN, kept until the SYN/ACK creates the connection. */
    long synKey;
    boolean synKeyKnown;
    boolean capableOnSynAck;
    boolean join;
    int connection = NONE;
    /** How this subflow was put into its connection. */
    Grouping grouping = Grouping.HANDSHAKE;
    /** True when the flow's client is the connection's client (data direction 0 = flow direction 0). */
    boolean clientIsConnectionClient = true;
    int clientAddressId = NONE;
    int serverAddressId = NONE;
    boolean backup;
    long clientNonce;
    boolean clientNonceSeen;
    long serverNonce;
    boolean serverNonceSeen;

    /** TCP retransmissions and data-level bytes (DataTracker). */
    final SubflowAccounting data = new SubflowAccounting();

    /** Recent DSS mappings per flow direction: 64-bit DSN, relative subflow sequence, length. */
    final RecentMappings[] mappings = {new RecentMappings(), new RecentMappings()};
    /** The latest receive-window advertisement per flow direction (see {@link WindowTracker}). */
    final SubflowWindowState window = new SubflowWindowState();
    /** How the subflow ended and its backup changes (the lifecycle observer). */
    final SubflowHistory history = new SubflowHistory();

    Flow(int index, int ipVersion, long clientHigh, long clientLow, int clientPort, long serverHigh, long serverLow,
            int serverPort, String clientAddress, String serverAddress, int firstPacketIndex) {
        this.index = index;
        this.ipVersion = ipVersion;
        this.clientHigh = clientHigh;
        this.clientLow = clientLow;
        this.clientPort = clientPort;
        this.serverHigh = serverHigh;
        this.serverLow = serverLow;
        this.serverPort = serverPort;
        this.clientAddress = clientAddress;
        this.serverAddress = serverAddress;
        this.firstPacketIndex = firstPacketIndex;
    }

    /**
     * Exchanges client and server: the roles were guessed from ports or the first packet, and an
     * MPTCP option sent only by clients says otherwise. Only before the flow joins a connection,
     * while nothing but the TCP basics has been recorded per direction.
     */
    void swapRoles(RoleBasis basis) {
        long h = clientHigh;
        clientHigh = serverHigh;
        serverHigh = h;
        long l = clientLow;
        clientLow = serverLow;
        serverLow = l;
        int p = clientPort;
        clientPort = serverPort;
        serverPort = p;
        String a = clientAddress;
        clientAddress = serverAddress;
        serverAddress = a;
        swap(payloadBytes);
        swap(data.unmappedBytes);
        swap(isn);
        swap(isnKnown);
        swap(finSeen);
        int w = windowScale[0];
        windowScale[0] = windowScale[1];
        windowScale[1] = w;
        roles = basis;
    }

    private static void swap(long[] pair) {
        long t = pair[0];
        pair[0] = pair[1];
        pair[1] = t;
    }

    private static void swap(boolean[] pair) {
        boolean t = pair[0];
        pair[0] = pair[1];
        pair[1] = t;
    }

    boolean isFromClient(long srcHigh, long srcLow, int srcPort) {
        return srcPort == clientPort && srcLow == clientLow && srcHigh == clientHigh;
    }

    /**
     * A reset or a FIN either way: a new SYN with another ISN on the same 4-tuple then starts
     * another flow (a half-closed flow cannot take a new SYN, so one FIN is enough to tell).
     */
    boolean ended() {
        return reset || finSeen[0] || finSeen[1];
    }

    /**
     * The shift to apply to windows advertised in flow direction {@code direction}: RFC 7323 scales
     * only when both SYNs carried the option; 0 otherwise. Unknown handshakes give 0 as well.
     */
    int windowShift(int direction) {
        return windowScale[0] >= 0 && windowScale[1] >= 0 ? Math.min(windowScale[direction], 14) : 0;
    }

    /** The data direction (0 = from the connection's client) of a packet in flow direction {@code direction}. */
    int dataDirection(int direction) {
        return clientIsConnectionClient ? direction : 1 - direction;
    }
}
