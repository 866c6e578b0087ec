package org.braid.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;

/**
 * Ties the two captures together: flows by the packets they share, connections by keys and
 * tokens (or, without them, by their flows), then each packet to its twin. One pass over each
 * trace's columns plus hash lookups.
 */
final class Matching {
    private static final int VOTES_PER_FLOW = 512;

    final int[] twinOfA;
    final int[] twinOfB;
    final Map<Integer, Integer> flowTwin = new HashMap<>();
    final List<ConnectionMatch> connections = new ArrayList<>();

    private final CapturedTrace a;
    private final CapturedTrace b;
    private final FingerprintIndex indexB;

    private Matching(CapturedTrace a, CapturedTrace b) {
        this.a = a;
        this.b = b;
        this.indexB = new FingerprintIndex(b.fields());
        twinOfA = new int[a.packets()];
        twinOfB = new int[b.packets()];
        Arrays.fill(twinOfA, -1);
        Arrays.fill(twinOfB, -1);
    }

    static Matching of(CapturedTrace a, CapturedTrace b) {
        Matching m = new Matching(a, b);
        m.pairFlows();
        m.pairConnections();
        m.pairPackets();
        return m;
    }

    /**
     * Each MPTCP flow of A with the flow of B that shares most of its packets: each flow's first
     * {@link #VOTES_PER_FLOW} packets found in B vote, which settles it without a lookup per packet.
     */
    private void pairFlows() {
        Map<Long, int[]> votes = new HashMap<>();
        int[] cast = new int[16];
        for (int i = 0; i < a.packets(); i++) {
            int flow = a.columns().flowOfPacket(i);
            if (flow < 0) {
                continue;
            }
            if (flow >= cast.length) {
                cast = Arrays.copyOf(cast, Math.max(flow + 1, cast.length * 2));
            }
            if (cast[flow] >= VOTES_PER_FLOW || a.subflow(flow) == null) {
                continue;
            }
            for (int j = indexB.first(a.fields().fingerprint(i)); j >= 0; j = indexB.next(j)) {
                int flowB = b.columns().flowOfPacket(j);
                if (flowB >= 0 && b.subflow(flowB) != null) {
                    votes.computeIfAbsent((long) flow << 32 | flowB, k -> new int[1])[0]++;
                    cast[flow]++;
                    break;
                }
            }
        }
        List<Map.Entry<Long, int[]>> ranked = new ArrayList<>(votes.entrySet());
        ranked.sort((x, y) -> Integer.compare(y.getValue()[0], x.getValue()[0]));
        Map<Integer, Integer> taken = new HashMap<>();
        for (Map.Entry<Long, int[]> vote : ranked) {
            int flowA = (int) (vote.getKey() >>> 32);
            int flowB = (int) (long) vote.getKey();
            if (!flowTwin.containsKey(flowA) && !taken.containsKey(flowB)) {
                flowTwin.put(flowA, flowB);
                taken.put(flowB, flowA);
            }
        }
    }

    private void pairConnections() {
        List<MptcpConnection> free = new ArrayList<>(b.result().connections());
        for (MptcpConnection ca : a.result().connections()) {
            MptcpConnection cb = null;
            String by = null;
            for (MptcpConnection candidate : free) {
                if (sameKey(ca, candidate)) {
                    cb = candidate;
                    by = "keys";
                    break;
                }
                if (by == null && sameToken(ca, candidate)) {
                    cb = candidate;
                    by = "tokens";
                }
            }
            if (cb == null) {
                cb = byFlows(ca, free);
                by = cb == null ? null : sameAddresses(ca, cb) ? "addresses" : "sequence numbers";
            }
            if (cb == null || conflicting(ca, cb)) {
                forgetFlows(ca);
                continue;
            }
            free.remove(cb);
            connections.add(new ConnectionMatch(ca, cb, by, subflows(ca, cb)));
        }
    }

    private static boolean sameKey(MptcpConnection x, MptcpConnection y) {
        return x.clientKey() != null && x.clientKey().equals(y.clientKey())
                || x.serverKey() != null && x.serverKey().equals(y.serverKey());
    }

    private static boolean sameToken(MptcpConnection x, MptcpConnection y) {
        return x.clientToken() != null && x.clientToken().equals(y.clientToken())
                || x.serverToken() != null && x.serverToken().equals(y.serverToken());
    }

    /** Keys or tokens known at both ends that disagree: not the same connection, whatever the packets say. */
    private static boolean conflicting(MptcpConnection x, MptcpConnection y) {
        return differ(x.clientKey(), y.clientKey()) || differ(x.serverKey(), y.serverKey())
                || differ(x.clientToken(), y.clientToken()) || differ(x.serverToken(), y.serverToken());
    }

    private static boolean differ(Long x, Long y) {
        return x != null && y != null && !x.equals(y);
    }

    private MptcpConnection byFlows(MptcpConnection ca, List<MptcpConnection> free) {
        Map<MptcpConnection, Integer> count = new HashMap<>();
        for (Subflow s : ca.subflows()) {
            Integer flowB = flowTwin.get(s.flow());
            MptcpConnection cb = flowB == null ? null : b.connectionOfFlow(flowB);
            if (cb != null && free.contains(cb)) {
                count.merge(cb, 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static boolean sameAddresses(MptcpConnection x, MptcpConnection y) {
        return x.client().equals(y.client()) && x.server().equals(y.server());
    }

    private void forgetFlows(MptcpConnection ca) {
        for (Subflow s : ca.subflows()) {
            flowTwin.remove(s.flow());
        }
    }

    private List<ConnectionMatch.SubflowMatch> subflows(MptcpConnection ca, MptcpConnection cb) {
        List<ConnectionMatch.SubflowMatch> list = new ArrayList<>();
        for (int p = 0; p < ca.subflows().size(); p++) {
            int flowA = ca.subflows().get(p).flow();
            Integer flowB = flowTwin.get(flowA);
            Integer positionB = flowB == null ? null : cb.subflowPosition(flowB);
            if (positionB == null) {
                flowTwin.remove(flowA); // its packets matched a flow of another connection: no twin
                flowB = null;
            }
            list.add(new ConnectionMatch.SubflowMatch(p, flowA, positionB, flowB));
        }
        return list;
    }

    /** Each packet of A with the first unused packet of B with its fingerprint on the twin flow. */
    private void pairPackets() {
        for (int i = 0; i < a.packets(); i++) {
            int flow = a.columns().flowOfPacket(i);
            Integer flowB = flow < 0 ? null : flowTwin.get(flow);
            if (flowB == null) {
                continue;
            }
            for (int j = indexB.first(a.fields().fingerprint(i)); j >= 0; j = indexB.next(j)) {
                if (twinOfB[j] < 0 && b.columns().flowOfPacket(j) == flowB) {
                    twinOfA[i] = j;
                    twinOfB[j] = i;
                    break;
                }
            }
        }
    }
}
