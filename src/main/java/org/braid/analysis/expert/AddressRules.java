package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braid.analysis.PathObservations;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.braid.model.Subflow;

/** Addresses announced and never joined; addresses removed while their subflow had data in flight. */
final class AddressRules {
    private AddressRules() {}

    static void apply(ExpertContext x) {
        Map<List<Object>, List<PathObservations.Announcement>> byAddress = new LinkedHashMap<>();
        for (PathObservations.Announcement a : x.observations.announcements()) {
            byAddress.computeIfAbsent(List.of(a.connection(), a.side(), a.address()), k -> new ArrayList<>()).add(a);
        }
        for (List<PathObservations.Announcement> same : byAddress.values()) {
            notJoined(x, same);
        }
        for (PathObservations.Removal r : x.observations.removals()) {
            if (r.bytesInFlight() > 0 || r.bytesAfter() > 0) {
                removedWithData(x, r);
            }
        }
    }

    private static void notJoined(ExpertContext x, List<PathObservations.Announcement> same) {
        PathObservations.Announcement a = same.get(0);
        MptcpConnection c = x.connection(a.connection());
        for (Subflow s : c.subflows()) {
            // The announcer's end of a subflow: the server end of a subflow the announcer's peer opened.
            boolean announcerIsConnectionClient = a.side() == 0;
            boolean sameDirection = s.client().equals(c.client()) || !s.join();
            String announcerAddress = sameDirection == announcerIsConnectionClient ? s.client().address()
                    : s.server().address();
            if (announcerAddress.equals(a.address()) || s.client().address().equals(a.address())
                    || s.server().address().equals(a.address())) {
                return;
            }
        }
        PathObservations.Announcement last = same.get(same.size() - 1);
        x.add(FindingKind.ADD_ADDR_NOT_JOINED, FindingSeverity.NOTE, a.connection(), a.flow(), a.nanos(), last.nanos(),
                "the " + Words.side(a.side()) + " announced " + a.address() + (a.port() == null ? "" : " port " + a.port())
                        + " (address id " + a.addressId() + ") at " + Words.at(a.nanos(), x.originNanos)
                        + "; no subflow used it",
                same.stream().mapToLong(PathObservations.Announcement::packet).toArray());
    }

    private static void removedWithData(ExpertContext x, PathObservations.Removal r) {
        MptcpConnection c = x.connection(r.connection());
        List<Long> evidence = new ArrayList<>(List.of(r.packet()));
        for (long p : r.packetsAfter()) {
            evidence.add(p);
        }
        long reinjected = 0;
        for (Reinjection j : c.data().reinjections()) {
            if (j.fromFlow() == r.flow() && j.packet() > r.packet()) {
                evidence.add(j.packet());
                reinjected += j.bytes();
            }
        }
        x.add(FindingKind.REMOVE_ADDR_WITH_DATA, FindingSeverity.WARNING, r.connection(), r.flow(), r.nanos(), r.nanos(),
                "REMOVE_ADDR of address id " + r.addressId() + " at packet " + r.packet() + " while "
                        + ExpertContext.subflow(c, r.flow()) + " still carried data: "
                        + (r.bytesInFlight() > 0 ? Words.bytes(r.bytesInFlight()) + " in flight then, " : "")
                        + Words.bytes(r.bytesAfter()) + " sent on it after" + (reinjected > 0 ? "; " + Words.bytes(reinjected) + " reinjected after it" : ""),
                evidence.stream().mapToLong(Long::longValue).toArray());
    }
}
