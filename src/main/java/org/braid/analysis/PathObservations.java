package org.braid.analysis;

import java.util.List;
import org.braid.model.PathMetrics;

/**
 * What the {@link PathTracker} saw during the pass, for the expert analysis: the path metrics, and
 * the periods and events the findings are made of. Packet numbers are 1-based; times in nanoseconds.
 *
 * @param metrics         RTT samples and bytes in flight per subflow
 * @param silences        periods in which a subflow sent no new data while others of its connection did
 * @param retransmissions every TCP retransmission of MPTCP subflows, in packet order
 * @param stalls          periods in which a DATA_ACK held still while data above it was sent on other subflows
 * @param backupUses      backup subflows that sent new data while a non-backup subflow was up
 * @param announcements   ADD_ADDR options (not echoes)
 * @param removals        REMOVE_ADDR of an address of a subflow, with the data in flight then and sent after
 * @param cuts            per connection, the packets cut short by the snap length
 * @param losses          per connection, subflow bytes acknowledged that the trace never held
 * @param icmpErrors      ICMP and ICMPv6 errors quoting a segment of a subflow, in packet order
 * @param lastDataNanos   per connection index, the time of its last payload packet (0 without any)
 */
public record PathObservations(PathMetrics metrics, List<Silence> silences, List<Retransmission> retransmissions,
        List<DataAckStall> stalls, List<BackupUse> backupUses, List<Announcement> announcements,
        List<Removal> removals, List<SnapCut> cuts, List<CaptureLoss> losses, List<IcmpError> icmpErrors,
        long[] lastDataNanos) {

    /**
     * An ICMP or ICMPv6 error (type and code as sent) that {@code router} sent about a segment of
     * subflow {@code flow}, sent in {@code direction} (0 from the subflow's client); {@code mtu} is the
     * next-hop MTU of fragmentation needed or packet too big, else -1.
     */
    public record IcmpError(int connection, int flow, int direction, long packet, long nanos, boolean v6, int type,
            int code, long mtu, String router) {}

    /** {@code bytes} of subflow data acknowledged but never captured; the ACKs that show it in {@code evidence}. */
    public record CaptureLoss(int connection, long bytes, long[] evidence) {}

    /** {@code packets} packets of a connection captured shorter than on the wire; the first ones in {@code evidence}. */
    public record SnapCut(int connection, long packets, long[] evidence) {}

    /**
     * A subflow without new data from {@code startNanos} (its last new data, or its start) to
     * {@code endNanos}, while its connection's other subflows sent {@code othersBytes}.
     *
     * @param trailing true when the silence lasts to the end of the connection's data
     */
    public record Silence(int connection, int flow, long startNanos, long startPacket, long endNanos, long endPacket,
            long othersBytes, boolean backup, boolean trailing) {}

    /**
     * A segment repeating sequence numbers of its own subflow.
     *
     * @param sequence          relative start (unwrapped) in its direction
     * @param ackStalledNanos   when the acknowledgements of that direction last advanced before it
     * @param ackStalledPacket  the packet of that advance (0 when none)
     */
    public record Retransmission(int connection, int flow, int direction, long packet, long nanos, long sequence,
            long ackStalledNanos, long ackStalledPacket) {}

    /**
     * The DATA_ACK of data side {@code side} held at one value from {@code startPacket} to {@code endPacket}
     * while {@code bytesAbove} bytes above it were sent on other subflows than {@code holderFlow}
     * (the subflow that had sent the missing DSN; -1 when not known).
     *
     * @param resolved false when the DATA_ACK never moved on before the end of the trace
     */
    public record DataAckStall(int connection, int side, int holderFlow, long startNanos, long startPacket,
            long endNanos, long endPacket, long bytesAbove, long firstAbovePacket, boolean resolved) {}

    /** New data on a backup subflow while {@code primaryFlow}, not backup, was up. */
    public record BackupUse(int connection, int flow, int primaryFlow, long firstNanos, long lastNanos, long bytes,
            long[] packets) {}

    /** An ADD_ADDR, announced by connection side {@code side} (0 = the connection's client). */
    public record Announcement(int connection, int flow, int side, long packet, long nanos, int addressId,
            String address, Integer port) {}

    /**
     * A REMOVE_ADDR of address id {@code addressId}, the address of subflow {@code flow}: it had
     * {@code bytesInFlight} unacknowledged then, and sent {@code bytesAfter} payload bytes after it.
     */
    public record Removal(int connection, int flow, long packet, long nanos, int addressId, long bytesInFlight,
            long bytesAfter, long[] packetsAfter) {}

    /**
     * The same observations with each connection as numbered in the results: the tracker records
     * connections as created, and a connection merged into another during the pass (see
     * ConnectionRegistry) takes its survivor's number, so numbers after it close up.
     */
    PathObservations renumbered(java.util.function.IntUnaryOperator number) {
        // Slots of connections without data (or past the last one created) stay 0 and are skipped.
        int size = 0;
        for (int k = 0; k < lastDataNanos.length; k++) {
            if (lastDataNanos[k] != 0) {
                size = Math.max(size, number.applyAsInt(k) + 1);
            }
        }
        long[] last = new long[size];
        for (int k = 0; k < lastDataNanos.length; k++) {
            if (lastDataNanos[k] != 0) {
                int n = number.applyAsInt(k);
                last[n] = Math.max(last[n], lastDataNanos[k]);
            }
        }
        return new PathObservations(metrics,
                silences.stream().map(o -> new Silence(number.applyAsInt(o.connection()), o.flow(), o.startNanos(),
                        o.startPacket(), o.endNanos(), o.endPacket(), o.othersBytes(), o.backup(), o.trailing()))
                        .toList(),
                retransmissions.stream().map(o -> new Retransmission(number.applyAsInt(o.connection()), o.flow(),
                        o.direction(), o.packet(), o.nanos(), o.sequence(), o.ackStalledNanos(), o.ackStalledPacket()))
                        .toList(),
                stalls.stream().map(o -> new DataAckStall(number.applyAsInt(o.connection()), o.side(), o.holderFlow(),
                        o.startNanos(), o.startPacket(), o.endNanos(), o.endPacket(), o.bytesAbove(),
                        o.firstAbovePacket(), o.resolved())).toList(),
                backupUses.stream().map(o -> new BackupUse(number.applyAsInt(o.connection()), o.flow(), o.primaryFlow(),
                        o.firstNanos(), o.lastNanos(), o.bytes(), o.packets())).toList(),
                announcements.stream().map(o -> new Announcement(number.applyAsInt(o.connection()), o.flow(), o.side(),
                        o.packet(), o.nanos(), o.addressId(), o.address(), o.port())).toList(),
                removals.stream().map(o -> new Removal(number.applyAsInt(o.connection()), o.flow(), o.packet(),
                        o.nanos(), o.addressId(), o.bytesInFlight(), o.bytesAfter(), o.packetsAfter())).toList(),
                cuts.stream().map(o -> new SnapCut(number.applyAsInt(o.connection()), o.packets(), o.evidence())).toList(),
                losses.stream().map(o -> new CaptureLoss(number.applyAsInt(o.connection()), o.bytes(), o.evidence()))
                        .toList(),
                icmpErrors.stream().map(o -> new IcmpError(number.applyAsInt(o.connection()), o.flow(), o.direction(),
                        o.packet(), o.nanos(), o.v6(), o.type(), o.code(), o.mtu(), o.router())).toList(),
                last);
    }
}
