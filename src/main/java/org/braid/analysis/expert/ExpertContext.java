package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.braid.analysis.LongList;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PathObservations;
import org.braid.model.AnalysisResult;
import org.braid.model.EventType;
import org.braid.model.Evidence;
import org.braid.model.Finding;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.TcpConnection;

/**
 * What the finding rules read: the model, the path observations, and indexes of the per-packet
 * columns (flagged packets per connection; the first packets per flow, when a rule asks).
 * Collects the findings.
 */
final class ExpertContext {
    final AnalysisResult result;
    final PathObservations observations;
    /** Capture time of the first TCP packet: the zero of the times in summaries. */
    final long originNanos;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Long, LongList> flagged = new HashMap<>();
    private final PacketColumns columns;
    /** Per flow index, its first two packets (1-based, 0 where none); null until a rule asks. */
    private long[] firstPacket;
    private long[] secondPacket;

    ExpertContext(AnalysisResult result, PacketColumns columns, PathObservations observations) {
        this.result = result;
        this.observations = observations;
        this.columns = columns;
        long origin = Long.MAX_VALUE;
        for (MptcpConnection c : result.connections()) {
            origin = Math.min(origin, c.startNanos());
        }
        for (TcpConnection t : result.tcpConnections()) {
            origin = Math.min(origin, t.startNanos());
        }
        originNanos = origin == Long.MAX_VALUE ? 0 : origin;
        index();
    }

    private static final int[] INDEXED_FLAGS = {PacketColumns.TCP_RETRANSMISSION, PacketColumns.ZERO_WINDOW,
        PacketColumns.BEYOND_WINDOW, PacketColumns.HMAC_FAILED};
    private static final int INDEXED_MASK = java.util.Arrays.stream(INDEXED_FLAGS).reduce(0, (a, b) -> a | b);

    /** Flagged packets by (flag, connection): only the flag column is read, and only its flagged rows further. */
    private void index() {
        columns.forEachFlagged(INDEXED_MASK, (i, flags) -> {
            int connection = columns.connectionOfPacket(i);
            for (int bit : INDEXED_FLAGS) {
                if ((flags & bit) != 0) {
                    flagged.computeIfAbsent(key(bit, connection), k -> new LongList()).add(i + 1);
                }
            }
        });
    }

    /** The first two packets of each flow, in one pass over the flow column: made when a rule first asks (few do). */
    private void indexFirstPackets() {
        firstPacket = new long[16];
        secondPacket = new long[16];
        int size = columns.size();
        for (int i = 0; i < size; i++) {
            int flow = columns.flowOfPacket(i);
            if (flow < 0) {
                continue;
            }
            if (flow >= firstPacket.length) {
                firstPacket = java.util.Arrays.copyOf(firstPacket, Math.max(16, flow * 2 + 1));
                secondPacket = java.util.Arrays.copyOf(secondPacket, firstPacket.length);
            }
            if (firstPacket[flow] == 0) {
                firstPacket[flow] = i + 1;
            } else if (secondPacket[flow] == 0) {
                secondPacket[flow] = i + 1;
            }
        }
    }

    private static long key(int flag, int connection) {
        return ((long) flag << 32) | (connection & 0xffffffffL);
    }

    /** The 1-based packets of connection {@code connection} carrying analysis flag {@code flag}. */
    long[] flagged(int flag, int connection) {
        LongList list = flagged.get(key(flag, connection));
        return list == null ? new long[0] : list.toArray();
    }

    /** The first two packets of TCP flow {@code flow} (0 where none). */
    long[] firstPackets(int flow) {
        if (firstPacket == null) {
            indexFirstPackets();
        }
        return flow < firstPacket.length ? new long[] {firstPacket[flow], secondPacket[flow]} : new long[] {0, 0};
    }

    MptcpConnection connection(int index) {
        return result.connections().get(index);
    }

    /** "subflow N": the subflow's position in its connection, as the window lists it. */
    static String subflow(MptcpConnection c, int flow) {
        Integer position = c.subflowPosition(flow);
        return position == null ? "flow " + flow : "subflow " + position;
    }

    /** The first event of {@code type} on the connection at or after packet {@code fromPacket}, or null. */
    static MptcpEvent event(MptcpConnection c, EventType type, long fromPacket) {
        for (MptcpEvent e : c.events()) {
            if (e.type() == type && e.packet() >= fromPacket) {
                return e;
            }
        }
        return null;
    }

    void add(FindingKind kind, FindingSeverity severity, Integer connection, Integer flow, long startNanos,
            long endNanos, String summary, long... evidence) {
        findings.add(new Finding(kind, severity, connection, flow, startNanos, Math.max(startNanos, endNanos), summary,
                Evidence.of(evidence)));
    }

    List<Finding> findings() {
        return findings;
    }
}
