package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.braid.analysis.PathObservations;
import org.braid.analysis.ReinjectionBursts;
import org.braid.decode.IcmpNames;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;

/**
 * Path failures (retransmission timeouts of one segment at growing gaps, the ACKs standing still,
 * the subflow's data reinjected elsewhere) and reinjection bursts.
 */
final class PathRules {
    /** Retransmissions closer than this are fast retransmits or probes, not timeouts. */
    static final long MIN_TIMEOUT_NANOS = 100_000_000L;

    private PathRules() {}

    static void apply(ExpertContext x) {
        Map<List<Long>, List<PathObservations.Retransmission>> chains = new LinkedHashMap<>();
        for (PathObservations.Retransmission r : x.observations.retransmissions()) {
            chains.computeIfAbsent(List.of((long) r.flow(), (long) r.direction(), r.sequence()), k -> new ArrayList<>())
                    .add(r);
        }
        Map<Integer, Failure> failures = new LinkedHashMap<>();
        for (List<PathObservations.Retransmission> chain : chains.values()) {
            if (isTimeoutChain(chain)) {
                PathObservations.Retransmission first = chain.get(0);
                failures.computeIfAbsent(first.flow(), f -> new Failure(first.connection(), f)).add(chain);
            }
        }
        for (Failure failure : failures.values()) {
            report(x, failure);
        }
        for (MptcpConnection c : x.result.connections()) {
            bursts(x, c);
        }
        icmpErrors(x);
    }

    /**
     * ICMP errors about a subflow's segments, one finding per subflow, direction, router and kind of error (the
     * same error repeats for every segment that hits it). Fragmentation needed and packet too big
     * say the path's MTU is below the subflow's segments: where they are filtered on the way back,
     * the subflow stalls while the others carry on, a path MTU black hole; unreachable errors say the
     * path itself is gone. Both are warnings; others (time exceeded, redirects) are notes.
     */
    private static void icmpErrors(ExpertContext x) {
        Map<List<Object>, List<PathObservations.IcmpError>> groups = new LinkedHashMap<>();
        for (PathObservations.IcmpError e : x.observations.icmpErrors()) {
            groups.computeIfAbsent(List.of(e.flow(), e.direction(), e.router(), e.v6(), e.type(), e.code(), e.mtu()),
                    k -> new ArrayList<>()).add(e);
        }
        for (List<PathObservations.IcmpError> group : groups.values()) {
            PathObservations.IcmpError first = group.get(0);
            PathObservations.IcmpError last = group.get(group.size() - 1);
            MptcpConnection c = x.connection(first.connection());
            boolean pathMtu = first.mtu() >= 0;
            boolean unreachable = first.v6() ? first.type() == 1 : first.type() == 3;
            String name = IcmpNames.name(first.v6(), first.type(), first.code());
            StringBuilder summary = new StringBuilder(ExpertContext.subflow(c, first.flow())).append(": ")
                    .append(Words.plural(group.size(), (first.v6() ? "ICMPv6" : "ICMP") + " error")).append(" \"")
                    .append(name).append("\" from ").append(first.router()).append(" about segments the ")
                    .append(first.direction() == 0 ? "subflow's client" : "subflow's server").append(" sent, ")
                    .append(Words.period(first.nanos(), last.nanos(), x.originNanos));
            if (pathMtu) {
                summary.append("; next-hop MTU ").append(first.mtu())
                        .append(": larger segments do not pass this router, so the sender must send smaller ones;"
                                + " where such errors are filtered, the subflow stalls while the others carry on"
                                + " (a path MTU black hole)");
            }
            long[] packets = group.stream().mapToLong(PathObservations.IcmpError::packet).toArray();
            x.add(FindingKind.ICMP_ERROR, pathMtu || unreachable ? FindingSeverity.WARNING : FindingSeverity.NOTE,
                    first.connection(), first.flow(), first.nanos(), last.nanos(), summary.toString(), packets);
        }
    }

    /**
     * At least two retransmissions of the same segment, each a timeout after the previous (or after
     * the ACKs last moved), the gaps not shrinking, and no ACK progress in between.
     */
    static boolean isTimeoutChain(List<PathObservations.Retransmission> chain) {
        if (chain.size() < 2) {
            return false;
        }
        long previous = chain.get(0).ackStalledNanos();
        long previousGap = 0;
        long stalledPacket = chain.get(0).ackStalledPacket();
        for (PathObservations.Retransmission r : chain) {
            long gap = r.nanos() - previous;
            if (gap < MIN_TIMEOUT_NANOS || gap < previousGap * 8 / 10 || r.ackStalledPacket() != stalledPacket) {
                return false;
            }
            previousGap = gap;
            previous = r.nanos();
        }
        return true;
    }

    private static void report(ExpertContext x, Failure failure) {
        MptcpConnection c = x.connection(failure.connection);
        long moved = 0;
        List<Long> evidence = new ArrayList<>(failure.packets);
        java.util.Set<Integer> targets = new java.util.TreeSet<>();
        for (Reinjection r : c.data().reinjections()) {
            if (r.fromFlow() == failure.flow && r.timeNanos() >= failure.startNanos) {
                moved += r.bytes();
                evidence.add(r.packet());
                targets.add(r.toFlow());
            }
        }
        StringBuilder gaps = new StringBuilder();
        for (long gap : failure.gaps) {
            gaps.append(gaps.length() == 0 ? "" : ", ").append(Words.seconds(gap));
        }
        String summary = ExpertContext.subflow(c, failure.flow) + " path failed "
                + Words.period(failure.startNanos, failure.endNanos, x.originNanos) + ": "
                + Words.plural(failure.timeouts, "retransmission timeout") + " (gaps " + gaps + ") without an ACK; "
                + (moved > 0 ? Words.bytes(moved) + " reinjected on " + names(c, targets)
                        : "its data was not reinjected on another subflow");
        x.add(FindingKind.PATH_FAILURE, moved > 0 ? FindingSeverity.ERROR : FindingSeverity.WARNING, failure.connection,
                failure.flow, failure.startNanos, failure.endNanos, summary,
                evidence.stream().mapToLong(Long::longValue).toArray());
    }

    private static String names(MptcpConnection c, java.util.Set<Integer> flows) {
        return String.join(", ", flows.stream().map(f -> ExpertContext.subflow(c, f)).toList());
    }

    /** Each reinjection burst, grouped as the timeline's events are. */
    private static void bursts(ExpertContext x, MptcpConnection c) {
        for (ReinjectionBursts.Burst b : ReinjectionBursts.bursts(c.data().reinjections())) {
            String summary = String.format(Locale.ROOT, "%s (%s) of %s data first sent on %s reinjected on %s at %s,"
                            + " %s after the first original", Words.plural(b.count(), "segment"),
                    Words.bytes(b.bytes()), Words.side(b.fromClient() ? 0 : 1) + "'s",
                    ExpertContext.subflow(c, b.fromFlow()), ExpertContext.subflow(c, b.toFlow()),
                    Words.period(b.firstNanos(), b.lastNanos(), x.originNanos), Words.seconds(b.firstDelayNanos()));
            x.add(FindingKind.REINJECTION_BURST, FindingSeverity.NOTE, c.index(), b.toFlow(), b.firstNanos(),
                    b.lastNanos(), summary, b.packets());
        }
    }

    private static final class Failure {
        final int connection;
        final int flow;
        long startNanos = Long.MAX_VALUE;
        long endNanos;
        int timeouts;
        final List<Long> gaps = new ArrayList<>();
        final List<Long> packets = new ArrayList<>();

        Failure(int connection, int flow) {
            this.connection = connection;
            this.flow = flow;
        }

        void add(List<PathObservations.Retransmission> chain) {
            long previous = chain.get(0).ackStalledNanos();
            startNanos = Math.min(startNanos, previous);
            for (PathObservations.Retransmission r : chain) {
                if (gaps.size() < 6) {
                    gaps.add(r.nanos() - previous);
                }
                previous = r.nanos();
                packets.add(r.packet());
                endNanos = Math.max(endNanos, r.nanos());
                timeouts++;
            }
        }
    }
}
