package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.braid.decode.DecodedPacket;
import org.braid.filter.PacketFields;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketDecoding;

/**
 * Statistics > Conversations, as in Wireshark: the trace's MPTCP connections, TCP streams
 * (subflows and plain TCP) and IPv4 and IPv6 address pairs, with packets and bytes (frame lengths)
 * each way, start and duration. One pass reads every packet (for its addresses); the TCP streams
 * and MPTCP connections come from the analysis's flow of each packet. A is the side that sent the
 * first packet seen, except for an MPTCP connection, whose A is its client.
 *
 * @param mptcp connections in index order
 * @param tcp   TCP streams in flow order
 * @param ipv4  IPv4 address pairs, in order of first packet
 * @param ipv6  IPv6 address pairs, in order of first packet
 */
public record Conversations(List<Conversation> mptcp, List<Conversation> tcp, List<Conversation> ipv4,
                            List<Conversation> ipv6) {
    private static final int CHECK_EVERY = 4096;

    /**
     * One conversation.
     *
     * @param a        side A: an endpoint ({@code addr:port}) or an address
     * @param b        side B
     * @param subflows an MPTCP connection's subflows; 0 for the other kinds
     * @param startNanos first packet, since the trace's first packet
     * @param durationNanos first to last packet
     * @param filter   the display filter selecting its packets
     */
    public record Conversation(String a, String b, int subflows, long packetsAtoB, long bytesAtoB, long packetsBtoA,
                               long bytesBtoA, long startNanos, long durationNanos, String filter) {
        public long packets() { return packetsAtoB + packetsBtoA; }
        public long bytes() { return bytesAtoB + bytesBtoA; }
    }

    /** Packets and bytes each way between two sides, A being the first sender seen. */
    private static final class Tally {
        final String a;
        final String b;
        final long aHigh;
        final long aLow;
        final int aPort;
        /** A as an endpoint, for a TCP stream; null for an address pair. */
        final Endpoint aEndpoint;
        long packetsAtoB;
        long bytesAtoB;
        long packetsBtoA;
        long bytesBtoA;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Tally(String a, String b, long aHigh, long aLow, int aPort, Endpoint aEndpoint) {
            this.aEndpoint = aEndpoint;
            this.a = a;
            this.b = b;
            this.aHigh = aHigh;
            this.aLow = aLow;
            this.aPort = aPort;
        }

        void add(boolean fromA, int bytes, long nanos) {
            if (fromA) {
                packetsAtoB++;
                bytesAtoB += bytes;
            } else {
                packetsBtoA++;
                bytesBtoA += bytes;
            }
            first = Math.min(first, nanos);
            last = Math.max(last, nanos);
        }

        Conversation conversation(String filter) {
            return new Conversation(a, b, 0, packetsAtoB, bytesAtoB, packetsBtoA, bytesBtoA, first, last - first, filter);
        }
    }

    /** An unordered address pair, the lower address first. */
    private record Pair(long lowHigh, long lowLow, long highHigh, long highLow) {
        static Pair of(long aHigh, long aLow, long bHigh, long bLow) {
            int order = aHigh != bHigh ? Long.compareUnsigned(aHigh, bHigh) : Long.compareUnsigned(aLow, bLow);
            return order <= 0 ? new Pair(aHigh, aLow, bHigh, bLow) : new Pair(bHigh, bLow, aHigh, aLow);
        }
    }

    /** Counts the conversations of {@code trace}; {@code checkIn} runs every few thousand packets with the count done. */
    public static Conversations of(LoadedTrace trace, IntConsumer checkIn) {
        PacketDecoding decoding = new PacketDecoding(trace);
        List<Tally> flows = new ArrayList<>();
        Map<Pair, Tally> v4 = new LinkedHashMap<>();
        Map<Pair, Tally> v6 = new LinkedHashMap<>();
        int total = trace.index().size();
        for (int i = 0; i < total; i++) {
            if (i % CHECK_EVERY == 0) {
                checkIn.accept(i);
            }
            if (!decoding.load(i)) {
                continue;
            }
            DecodedPacket p = decoding.packet();
            if (!p.hasIp()) {
                continue;
            }
            int bytes = trace.index().originalLength(i);
            long nanos = trace.index().relativeNanos(i);
            long srcHigh = high(p, true);
            long srcLow = low(p, true);
            long dstHigh = high(p, false);
            long dstLow = low(p, false);
            Tally pair = (p.ipVersion() == 4 ? v4 : v6).computeIfAbsent(Pair.of(srcHigh, srcLow, dstHigh, dstLow),
                    k -> new Tally(p.sourceAddress(), p.destinationAddress(), srcHigh, srcLow, 0, null));
            pair.add(pair.aHigh == srcHigh && pair.aLow == srcLow, bytes, nanos);
            int flow = trace.analysis().columns().flowOfPacket(i);
            if (flow >= 0 && p.hasTcp()) {
                while (flows.size() <= flow) {
                    flows.add(null);
                }
                Tally stream = flows.get(flow);
                if (stream == null) {
                    Endpoint sender = new Endpoint(p.sourceAddress(), p.sourcePort());
                    stream = new Tally(sender.toString(),
                            new Endpoint(p.destinationAddress(), p.destinationPort()).toString(),
                            srcHigh, srcLow, p.sourcePort(), sender);
                    flows.set(flow, stream);
                }
                stream.add(stream.aHigh == srcHigh && stream.aLow == srcLow && stream.aPort == p.sourcePort(),
                        bytes, nanos);
            }
        }
        checkIn.accept(total);
        List<Conversation> tcp = new ArrayList<>();
        for (int flow = 0; flow < flows.size(); flow++) {
            if (flows.get(flow) != null) {
                tcp.add(flows.get(flow).conversation("tcp.stream == " + flow));
            }
        }
        return new Conversations(connections(trace.analysis(), flows), tcp, pairs(v4), pairs(v6));
    }

    /** Each MPTCP connection: its subflows' tallies, turned so that A is the connection's client. */
    private static List<Conversation> connections(TraceAnalysis analysis, List<Tally> flows) {
        List<Conversation> out = new ArrayList<>();
        for (MptcpConnection connection : analysis.result().connections()) {
            long[] sums = new long[4];
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Subflow subflow : connection.subflows()) {
                Tally tally = subflow.flow() < flows.size() ? flows.get(subflow.flow()) : null;
                if (tally == null) {
                    continue;
                }
                boolean aIsClient = TraceAnalysis.side(connection, subflow, tally.aEndpoint) == 0;
                sums[aIsClient ? 0 : 2] += tally.packetsAtoB;
                sums[aIsClient ? 1 : 3] += tally.bytesAtoB;
                sums[aIsClient ? 2 : 0] += tally.packetsBtoA;
                sums[aIsClient ? 3 : 1] += tally.bytesBtoA;
                first = Math.min(first, tally.first);
                last = Math.max(last, tally.last);
            }
            if (first > last) {
                first = 0;
                last = 0;
            }
            out.add(new Conversation(connection.client().toString(), connection.server().toString(),
                    connection.subflows().size(), sums[0], sums[1], sums[2], sums[3], first, last - first,
                    "mptcp.connection == " + connection.index()));
        }
        return out;
    }

    private static List<Conversation> pairs(Map<Pair, Tally> pairs) {
        List<Conversation> out = new ArrayList<>();
        for (Tally tally : pairs.values()) {
            out.add(tally.conversation("ip.addr == " + tally.a + " && ip.addr == " + tally.b));
        }
        return out;
    }

    private static long high(DecodedPacket p, boolean source) {
        if (p.ipVersion() == 4) {
            return 0;
        }
        return source ? p.sourceHigh() : p.destinationHigh();
    }

    private static long low(DecodedPacket p, boolean source) {
        if (p.ipVersion() == 4) {
            return PacketFields.ipv4Low(source ? p.sourceIpv4() : p.destinationIpv4());
        }
        return source ? p.sourceLow() : p.destinationLow();
    }
}
