package org.braid.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.braid.model.EventType;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;

/**
 * Groups reinjections into REINJECTION_BURST events: reinjections of one direction from one
 * subflow to another, each within {@link #GAP_NANOS} of the previous one of the group, are one
 * event at the time and packet of the first. One event per burst keeps a timeline readable when a
 * dead path has dozens of segments re-sent at once.
 */
final class ReinjectionBursts {
    static final long GAP_NANOS = 200_000_000L;

    private ReinjectionBursts() {}

    /** The burst events of {@code reinjections} (in packet order), ordered by time; subflows named by flow index. */
    static List<MptcpEvent> of(List<Reinjection> reinjections, IntFunction<String> subflowName) {
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
        return all.stream().map(b -> b.event(subflowName)).toList();
    }

    /** Inserts {@code bursts} into {@code events} by time, after the events of the same time. */
    static List<MptcpEvent> merge(List<MptcpEvent> events, List<MptcpEvent> bursts) {
        List<MptcpEvent> merged = new ArrayList<>(events);
        merged.addAll(bursts);
        merged.sort(Comparator.comparingLong(MptcpEvent::timeNanos)); // stable: equal times keep their order
        return merged;
    }

    private static final class Burst {
        final boolean fromClient;
        final int from;
        final int to;
        final long firstNanos;
        final long firstPacket;
        long lastNanos;
        int count;
        long bytes;

        Burst(Reinjection first) {
            fromClient = first.fromClient();
            from = first.fromFlow();
            to = first.toFlow();
            firstNanos = first.timeNanos();
            firstPacket = first.packet();
        }

        void add(Reinjection r) {
            lastNanos = r.timeNanos();
            count++;
            bytes += r.bytes();
        }

        MptcpEvent event(IntFunction<String> subflowName) {
            String detail = String.format(java.util.Locale.ROOT, "%d segment(s), %d bytes from the %s, from subflow %s to %s, over %.3f s",
                    count, bytes, fromClient ? "client" : "server", subflowName.apply(from), subflowName.apply(to),
                    (lastNanos - firstNanos) / 1e9);
            return new MptcpEvent(EventType.REINJECTION_BURST, firstNanos, firstPacket, to, detail);
        }
    }
}
