package org.braid.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.braid.analysis.PacketColumns;
import org.braid.io.PacketSource;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.braid.model.Subflow;

/**
 * Compares two captures of the same connections: matches them, estimates the clocks, then
 * measures one-way delays, losses, reinjection usefulness and head-of-line blocking.
 */
public final class Comparer {
    private static final int CLIENT = 0;
    private static final int SERVER = 1;

    private final CapturedTrace a;
    private final CapturedTrace b;
    private final Matching matching;
    private final Map<Integer, SubflowRef> refA = new HashMap<>();
    private final Map<Integer, SubflowRef> refB = new HashMap<>();
    private final Map<Integer, Integer> flowAOfB = new HashMap<>();
    private final boolean[] aNearClient;
    private final Map<Long, Counters> counters = new HashMap<>();
    private final long[] delay;
    private ClockEstimate clock;
    private FlowPackets flowsA;
    private FlowPackets flowsB;

    /** Per subflow (of the first capture's numbering): packet counts and delays per direction. */
    private static final class Counters {
        long matched;
        long onlyInA;
        long onlyInB;
        final long[] network = new long[2];
        final long[] capture = new long[2];
        /** Network losses an ICMP error in the sender's capture quotes: refused by a router on the path. */
        final long[] refused = new long[2];
        long senderCapture;
        final LongList[] delays = {new LongList(), new LongList()};
    }

    private Comparer(CapturedTrace a, CapturedTrace b) {
        this.a = a;
        this.b = b;
        this.matching = Matching.of(a, b);
        this.aNearClient = new boolean[matching.connections.size()];
        this.delay = new long[a.packets()];
        Arrays.fill(delay, Comparison.Twins.NO_DELAY);
    }

    public static Comparison compare(Path first, Path second) throws IOException {
        return compare(first, second, source -> { });
    }

    /** Compares two trace files, handing each source to {@code opened} as its read starts (for a progress bar). */
    public static Comparison compare(Path first, Path second, Consumer<PacketSource> opened) throws IOException {
        return compare(CapturedTrace.read(first, opened), CapturedTrace.read(second, opened));
    }

    public static Comparison compare(CapturedTrace first, CapturedTrace second) {
        return new Comparer(first, second).run();
    }

    private Comparison run() {
        indexFlows();
        orient();
        estimateClock();
        measureDelays();
        List<Loss> losses = findLosses();
        List<ReinjectionOutcome> reinjections = judgeReinjections();
        List<HolWait> hol = new ArrayList<>();
        Map<Integer, long[]> blocked = new HashMap<>();
        measureBlocking(a, true, hol, blocked);
        measureBlocking(b, false, hol, blocked);
        long matched = 0;
        long onlyA = 0;
        long onlyB = 0;
        for (Counters c : counters.values()) {
            matched += c.matched;
            onlyA += c.onlyInA;
            onlyB += c.onlyInB;
        }
        List<ConnectionComparison> connections = new ArrayList<>();
        for (int k = 0; k < matching.connections.size(); k++) {
            connections.add(connection(k, reinjections, hol, blocked.getOrDefault(k, new long[2])));
        }
        return new Comparison(a, b, matched, onlyA, onlyB, clock, connections, losses, reinjections, hol,
                new Comparison.Twins(matching.twinOfA, matching.twinOfB, delay));
    }

    private void indexFlows() {
        matching.flowTwin.forEach((flowA, flowB) -> flowAOfB.put(flowB, flowA));
        for (int k = 0; k < matching.connections.size(); k++) {
            ConnectionMatch m = matching.connections.get(k);
            for (ConnectionMatch.SubflowMatch s : m.subflows()) {
                refA.put(s.flowA(), new SubflowRef(k, s.position()));
            }
            for (Subflow s : m.b().subflows()) {
                Integer flowA = flowAOfB.get(s.flow());
                refB.put(s.flow(), new SubflowRef(k, flowA == null ? null : m.a().subflowPosition(flowA)));
            }
        }
    }

    /**
     * Which capture is nearer the client, per connection: packets going from the first point to the
     * second show a larger {@code tB - tA} than packets going back, whatever the clocks.
     */
    private void orient() {
        LongList[][] deltas = new LongList[aNearClient.length][2];
        for (LongList[] pair : deltas) {
            pair[CLIENT] = new LongList();
            pair[SERVER] = new LongList();
        }
        for (int i = 0; i < a.packets(); i++) {
            int j = matching.twinOfA[i];
            SubflowRef ref = j < 0 ? null : refA.get(a.columns().flowOfPacket(i));
            if (ref != null) {
                deltas[ref.match()][a.fromClient(i) ? CLIENT : SERVER].add(b.time(j) - a.time(i));
            }
        }
        for (int k = 0; k < aNearClient.length; k++) {
            Long client = deltas[k][CLIENT].median();
            Long server = deltas[k][SERVER].median();
            aNearClient[k] = client == null || server == null || client >= server;
        }
    }

    private boolean senderIsA(int match, boolean fromClient) {
        return fromClient == aNearClient[match];
    }

    private void estimateClock() {
        ClockEstimator estimator = new ClockEstimator();
        for (int i = 0; i < a.packets(); i++) {
            int j = matching.twinOfA[i];
            SubflowRef ref = j < 0 ? null : refA.get(a.columns().flowOfPacket(i));
            if (ref == null) {
                continue;
            }
            if (senderIsA(ref.match(), a.fromClient(i))) {
                estimator.aToB(a.time(i), b.time(j));
            } else {
                estimator.bToA(a.time(i), b.time(j));
            }
        }
        clock = estimator.estimate();
    }

    private Counters counters(int match, Integer position) {
        long key = (long) match << 32 | (position == null ? 0xffffffffL : position);
        return counters.computeIfAbsent(key, k -> new Counters());
    }

    private void measureDelays() {
        for (int i = 0; i < a.packets(); i++) {
            SubflowRef ref = refA.get(a.columns().flowOfPacket(i));
            int j = matching.twinOfA[i];
            if (ref == null || j < 0) {
                continue;
            }
            boolean fromClient = a.fromClient(i);
            Counters c = counters(ref.match(), ref.position());
            c.matched++;
            if (clock.known()) {
                long offset = clock.offsetAt(a.time(i));
                long owd = senderIsA(ref.match(), fromClient) ? b.time(j) - offset - a.time(i)
                        : a.time(i) - (b.time(j) - offset);
                delay[i] = owd;
                c.delays[fromClient ? CLIENT : SERVER].add(owd);
            }
        }
    }

    private List<Loss> findLosses() {
        List<Loss> losses = new ArrayList<>();
        flowsA = new FlowPackets(a);
        flowsB = new FlowPackets(b);
        for (int i = 0; i < a.packets(); i++) {
            SubflowRef ref = refA.get(a.columns().flowOfPacket(i));
            if (ref != null && matching.twinOfA[i] < 0) {
                counters(ref.match(), ref.position()).onlyInA++;
                missing(a, true, i, ref, losses);
            }
        }
        for (int j = 0; j < b.packets(); j++) {
            SubflowRef ref = refB.get(b.columns().flowOfPacket(j));
            if (ref != null && matching.twinOfB[j] < 0) {
                counters(ref.match(), ref.position()).onlyInB++;
                missing(b, false, j, ref, losses);
            }
        }
        losses.sort((x, y) -> Long.compare(x.timeNanos() == null ? Long.MAX_VALUE : x.timeNanos(),
                y.timeNanos() == null ? Long.MAX_VALUE : y.timeNanos()));
        return losses;
    }

    /** A packet of {@code trace} that the other capture lacks: where it went missing, as far as the evidence says. */
    private void missing(CapturedTrace trace, boolean inA, int i, SubflowRef ref, List<Loss> losses) {
        CapturedTrace other = inA ? b : a;
        long here = trace.time(i);
        boolean fromClient = trace.fromClient(i);
        boolean atSender = inA == senderIsA(ref.match(), fromClient);
        Counters c = counters(ref.match(), ref.position());
        Long there = clock.known() ? (inA ? here + clock.offsetAt(here) : clock.toA(here)) : null;
        Loss.Kind kind;
        if (there == null) {
            kind = Loss.Kind.UNJUDGED; // without the clocks, whether the other capture was running then is unknown
        } else if (there < other.firstTime() || there > other.lastTime()) {
            kind = Loss.Kind.OUTSIDE_CAPTURE;
        } else if (!atSender) {
            kind = Loss.Kind.SENDER_CAPTURE;
            c.senderCapture++;
        } else if (acknowledgedUnseen(trace, inA, i, there, fromClient)) {
            kind = Loss.Kind.RECEIVER_CAPTURE;
            c.capture[fromClient ? CLIENT : SERVER]++;
        } else {
            kind = Loss.Kind.NETWORK;
            c.network[fromClient ? CLIENT : SERVER]++;
        }
        // A router that refused the packet may have said why, to the sender: the error is in the sender's capture.
        IcmpRefusals.Refusal refusal = kind == Loss.Kind.NETWORK ? trace.refusalOf(i) : null;
        if (refusal != null) {
            c.refused[fromClient ? CLIENT : SERVER]++;
        }
        long dsn = trace.columns().relativeDsn(i);
        losses.add(new Loss(matching.connections.get(ref.match()).a().index(), ref.position(), fromClient, kind, inA,
                i + 1L, inA ? Long.valueOf(here) : there, trace.fields().sequence(i) & 0xffffffffL,
                trace.fields().payload(i), dsn == PacketColumns.NO_DSN ? null : dsn,
                refusal == null ? null : refusal.packet(), refusal == null ? null : refusal.reason()));
    }

    /**
     * True when the receiver's capture shows the receiver acknowledging the packet's bytes after it
     * was sent, before any other copy of them reached that capture point: the receiver got this one.
     */
    private boolean acknowledgedUnseen(CapturedTrace sender, boolean senderIsA, int i, long sentOnReceiverClock,
            boolean fromClient) {
        int length = sender.fields().payload(i);
        Integer flowR = senderIsA ? matching.flowTwin.get(sender.columns().flowOfPacket(i))
                : twinFlowOfB(sender.columns().flowOfPacket(i));
        if (length == 0 || flowR == null) {
            return false;
        }
        CapturedTrace receiver = senderIsA ? b : a;
        FlowPackets flows = senderIsA ? flowsB : flowsA;
        int start = sender.fields().sequence(i);
        int end = start + length;
        int from = flows.from(flowR);
        int to = flows.to(flowR);
        int k = firstAtOrAfter(receiver, flows, from, to, sentOnReceiverClock);
        for (int back = k - 1; back >= from; back--) {
            int p = flows.packet(back);
            if (receiver.fromClient(p) != fromClient) {
                if (receiver.fields().acknowledgment(p) - end >= 0) {
                    return false; // acknowledged before this copy was sent: nothing proves this copy arrived
                }
                break;
            }
        }
        for (; k < to; k++) {
            int p = flows.packet(k);
            if (receiver.fromClient(p) != fromClient) {
                if (receiver.fields().acknowledgment(p) - end >= 0) {
                    return true;
                }
            } else {
                int seq = receiver.fields().sequence(p);
                int len = receiver.fields().payload(p);
                if (len > 0 && seq - end < 0 && seq + len - start > 0) {
                    return false; // another copy reached the receiver first
                }
            }
        }
        return false;
    }

    private Integer twinFlowOfB(int flowB) {
        return flowAOfB.get(flowB);
    }

    private static int firstAtOrAfter(CapturedTrace trace, FlowPackets flows, int from, int to, long time) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.time(flows.packet(mid)) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private List<ReinjectionOutcome> judgeReinjections() {
        List<ReinjectionOutcome> out = new ArrayList<>();
        for (int k = 0; k < matching.connections.size(); k++) {
            ConnectionMatch m = matching.connections.get(k);
            judge(k, m.a(), true, out);
            judge(k, m.b(), false, out);
        }
        out.sort((x, y) -> Long.compare(x.timeNanos() == null ? 0 : x.timeNanos(), y.timeNanos() == null ? 0 : y.timeNanos()));
        return out;
    }

    private void judge(int k, MptcpConnection connection, boolean inA, List<ReinjectionOutcome> out) {
        CapturedTrace sender = inA ? a : b;
        CapturedTrace receiver = inA ? b : a;
        int[] twins = inA ? matching.twinOfA : matching.twinOfB;
        Map<Integer, SubflowRef> refs = inA ? refA : refB;
        for (Reinjection r : connection.data().reinjections()) {
            if (senderIsA(k, r.fromClient()) != inA) {
                continue; // judged from the sender's capture only
            }
            int reinjection = (int) r.packet() - 1;
            int reinjectionTwin = twins[reinjection];
            Long originalArrival = null;
            boolean originalsArrived = true;
            for (long original : r.originalPackets()) {
                int twin = twins[(int) original - 1];
                if (twin < 0) {
                    originalsArrived = false;
                } else {
                    long t = receiver.time(twin);
                    originalArrival = originalArrival == null ? t : Math.max(originalArrival, t);
                }
            }
            Long reinjectionArrival = reinjectionTwin < 0 ? null : receiver.time(reinjectionTwin);
            ReinjectionOutcome.Verdict verdict;
            Long margin = null;
            if (reinjectionArrival == null) {
                verdict = ReinjectionOutcome.Verdict.LOST;
            } else if (!originalsArrived) {
                verdict = ReinjectionOutcome.Verdict.NEEDED;
            } else {
                margin = reinjectionArrival - originalArrival;
                verdict = margin > 0 ? ReinjectionOutcome.Verdict.REDUNDANT : ReinjectionOutcome.Verdict.FASTER;
            }
            out.add(new ReinjectionOutcome(m(k).a().index(), r.fromClient(), inA, r.packet(),
                    onA(sender, inA, sender.time(reinjection)), position(refs, r.fromFlow()), position(refs, r.toFlow()),
                    r.dsn(), r.bytes(), verdict, onA(receiver, !inA, originalsArrived ? originalArrival : null),
                    onA(receiver, !inA, reinjectionArrival), margin));
        }
    }

    private ConnectionMatch m(int k) {
        return matching.connections.get(k);
    }

    private static Integer position(Map<Integer, SubflowRef> refs, int flow) {
        SubflowRef ref = refs.get(flow);
        return ref == null ? null : ref.position();
    }

    /** A time of {@code trace} on the first capture's clock, or null when that cannot be known. */
    private Long onA(CapturedTrace trace, boolean inA, Long time) {
        if (time == null) {
            return null;
        }
        return inA ? time : clock.known() ? clock.toA(time) : null;
    }

    /** One pass over a capture: each connection-direction whose receiver is on this capture's side. */
    private void measureBlocking(CapturedTrace trace, boolean inA, List<HolWait> out, Map<Integer, long[]> blocked) {
        Map<Integer, HolTracker> trackers = new HashMap<>();
        Map<Integer, Integer> matchOfConnection = new HashMap<>();
        for (int k = 0; k < matching.connections.size(); k++) {
            MptcpConnection c = inA ? m(k).a() : m(k).b();
            matchOfConnection.put(c.index(), k);
            for (boolean fromClient : new boolean[] {true, false}) {
                if (senderIsA(k, fromClient) != inA) {
                    trackers.put(c.index() * 2 + (fromClient ? 0 : 1), new HolTracker(m(k).a().index(), fromClient,
                            inA, c.relativeToIdsn() ? 1L : null, out));
                }
            }
        }
        Map<Integer, SubflowRef> refs = inA ? refA : refB;
        PacketColumns columns = trace.columns();
        for (int i = 0; i < trace.packets(); i++) {
            int connection = columns.connectionOfPacket(i);
            long dsn = connection < 0 ? PacketColumns.NO_DSN : columns.relativeDsn(i);
            int length = trace.fields().payload(i);
            if (dsn == PacketColumns.NO_DSN || length == 0) {
                continue;
            }
            HolTracker tracker = trackers.get(connection * 2 + (trace.fromClient(i) ? 0 : 1));
            if (tracker != null) {
                tracker.onData(i, dsn, length, trace.time(i), position(refs, columns.flowOfPacket(i)),
                        firstSentOn(trace, inA, i));
            }
        }
        trackers.forEach((key, tracker) -> {
            tracker.finish();
            long[] sums = blocked.computeIfAbsent(matchOfConnection.get(key / 2), x -> new long[2]);
            sums[0] += tracker.blockedNanos();
            sums[1] += tracker.dataNanos();
        });
    }

    /**
     * The subflow that packet {@code i} of the receiver's capture carries data first sent on: its
     * own, unless the sender's capture (or, without its twin there, the receiver's) shows a reinjection.
     */
    private Integer firstSentOn(CapturedTrace receiver, boolean receiverIsA, int i) {
        CapturedTrace sender = receiverIsA ? b : a;
        int twin = receiverIsA ? matching.twinOfA[i] : matching.twinOfB[i];
        CapturedTrace where = twin >= 0 ? sender : receiver;
        int packet = twin >= 0 ? twin : i;
        int original = where.columns().reinjectionOf(packet);
        int flow = where.columns().flowOfPacket(original == PacketColumns.NO_PACKET ? packet : original);
        return position(where == a ? refA : refB, flow);
    }

    /** A loss count, or null when the clocks are unknown and no loss could be judged. */
    private Long known(long count) {
        return clock.known() ? count : null;
    }

    private ConnectionComparison connection(int k, List<ReinjectionOutcome> reinjections, List<HolWait> hol,
            long[] blocked) {
        ConnectionMatch match = m(k);
        List<SubflowComparison> subflows = new ArrayList<>();
        for (ConnectionMatch.SubflowMatch s : match.subflows()) {
            Counters c = counters.getOrDefault((long) k << 32 | s.position(), new Counters());
            subflows.add(new SubflowComparison(s.position(), s.positionB(), c.matched, c.onlyInA, c.onlyInB,
                    DelayStats.of(c.delays[CLIENT].raw(), c.delays[CLIENT].size()),
                    DelayStats.of(c.delays[SERVER].raw(), c.delays[SERVER].size()), known(c.network[CLIENT]),
                    known(c.network[SERVER]), known(c.capture[CLIENT]), known(c.capture[SERVER]),
                    known(c.senderCapture), known(c.refused[CLIENT]), known(c.refused[SERVER])));
        }
        int index = match.a().index();
        int count = 0;
        long useful = 0;
        long redundant = 0;
        for (ReinjectionOutcome r : reinjections) {
            if (r.connection() == index) {
                count++;
                useful += r.useful() ? r.bytes() : 0;
                redundant += r.verdict() == ReinjectionOutcome.Verdict.REDUNDANT ? r.bytes() : 0;
            }
        }
        LongList waits = new LongList();
        int ranges = 0;
        long bytes = 0;
        for (HolWait w : hol) {
            if (w.connection() == index) {
                ranges++;
                bytes += w.bytes();
                if (w.waitNanos() != null) {
                    waits.add(w.waitNanos());
                }
            }
        }
        return new ConnectionComparison(match, aNearClient[k], subflows, count, useful, redundant, ranges, bytes,
                DelayStats.of(waits.raw(), waits.size()), blocked[0], blocked[1]);
    }
}
