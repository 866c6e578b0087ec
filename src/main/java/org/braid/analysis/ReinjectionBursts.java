package org.braid.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.braid.model.EventType;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;

/**
 * Groups reinjections into bursts: reinjections of one direction from one subflow to another, each
 * within {@link #GAP_NANOS} of the previous one of the group. The timeline shows one
 * REINJECTION_BURST event per burst, at the time and packet of its first, which keeps it readable
 * when a dead path has dozens of segments re-sent at once; the expert analysis reports each burst.
 */
public final class ReinjectionBursts {
    static final long GAP_NANOS = 200_000_000L;

    private ReinjectionBursts() {}

    /** The bursts of {@code reinjections} (in packet order), in the order they began. */
    public static List<Burst> bursts(List<Reinjection> reinjections) {
        List<Burst> open = new ArrayList<>();
        List<Burst> all = new ArrayList<>();
        for (Reinjection r : reinjections) {
            Burst burst = null;
            for (Burst b : open) {
                if (b.fromClient == r.fromClient() && b.from == r.fromFlow() && b.to == r.toFlow()) {
                    burst = b;
                    break;
                }
            }
            if (burst != null && r.timeNanos() - burst.lastNanos > GAP_NANOS) {
                open.remove(burst);
                burst = null;
            }
            if (burst == null) {
                burst = new Burst(r);
                open.add(burst);
                all.add(burst);
            }
            burst.add(r);
        }
        all.sort(Comparator.comparingLong(b -> b.firstNanos));
        return all;
    }

    /** The burst events of {@code reinjections} (in packet order), ordered by time; subflows named by flow index. */
    static List<MptcpEvent> of(List<Reinjection> reinjections, IntFunction<String> subflowName) {
        return bursts(reinjections).stream().map(b -> b.event(subflowName)).toList();
    }

    /** Inserts {@code bursts} into {@code events} by time, after the events of the same time. */
    static List<MptcpEvent> merge(List<MptcpEvent> events, List<MptcpEvent> bursts) {
        List<MptcpEvent> merged = new ArrayList<>(events);
        merged.addAll(bursts);
        merged.sort(Comparator.comparingLong(MptcpEvent::timeNanos)); // stable: equal times keep their order
        return merged;
    }

    /** One burst: its direction, subflows, period, bytes and packets. */
    public static final class Burst {
        private final boolean fromClient;
        private final int from;
        private final int to;
        private final long firstNanos;
        private final long firstDelay;
        private long lastNanos;
        private long bytes;
        private final LongList packets = new LongList();

        Burst(Reinjection first) {
            fromClient = first.fromClient();
            from = first.fromFlow();
            to = first.toFlow();
            firstNanos = first.timeNanos();
            firstDelay = first.delayNanos();
        }

        void add(Reinjection r) {
            lastNanos = r.timeNanos();
            bytes += r.bytes();
            packets.add(r.packet());
        }

        /** True when the client sent the reinjected data. */
        public boolean fromClient() { return fromClient; }
        /** The flow index of the subflow that first sent the data. */
        public int fromFlow() { return from; }
        /** The flow index of the subflow that sent it again. */
        public int toFlow() { return to; }
        public long firstNanos() { return firstNanos; }
        public long lastNanos() { return lastNanos; }
        /** The first reinjection's delay since its original. */
        public long firstDelayNanos() { return firstDelay; }
        public long bytes() { return bytes; }
        /** The reinjected segments, 1-based, in packet order. */
        public long[] packets() { return packets.toArray(); }
        public int count() { return packets.size(); }

        MptcpEvent event(IntFunction<String> subflowName) {
            String detail = String.format(java.util.Locale.ROOT, "%d segment(s), %d bytes from the %s, from subflow %s to %s, over %.3f s",
                    count(), bytes, fromClient ? "client" : "server", subflowName.apply(from), subflowName.apply(to),
                    (lastNanos - firstNanos) / 1e9);
            return new MptcpEvent(EventType.REINJECTION_BURST, firstNanos, packets.get(0), to, detail);
        }
    }
}
