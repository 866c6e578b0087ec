package org.braid.analysis.expert;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.ChecksumFailure;
import org.braid.model.EventType;
import org.braid.model.Fallback;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Subflow;
import org.braid.model.TcpConnection;

/** MPTCP refused at the handshake, HMAC mismatches, unknown tokens, fallbacks and checksum failure chains. */
final class HandshakeRules {
    private HandshakeRules() {}

    static void apply(ExpertContext x) {
        for (TcpConnection t : x.result.tcpConnections()) {
            if (t.mptcpRefused() != null) {
                long[] first = x.firstPackets(t.flow());
                x.add(FindingKind.MPTCP_REFUSED, FindingSeverity.WARNING, null, t.flow(), t.startNanos(),
                        t.startNanos(), t.client() + " -> " + t.server() + ": " + t.mptcpRefused(), first[0], first[1]);
            }
        }
        for (MptcpConnection c : x.result.connections()) {
            hmac(x, c);
            unknownToken(x, c);
            fallback(x, c);
            for (ChecksumFailure failure : c.mappings().failures()) {
                checksum(x, c, failure);
            }
        }
    }

    /** HMAC_MISMATCH events: of an MP_JOIN when in a join subflow's handshake, else of an ADD_ADDR. */
    private static void hmac(ExpertContext x, MptcpConnection c) {
        for (MptcpEvent e : c.events()) {
            if (e.type() != EventType.HMAC_MISMATCH) {
                continue;
            }
            Integer position = c.subflowPosition(e.flow());
            Subflow s = position == null ? null : c.subflows().get(position);
            long[] first = x.firstPackets(e.flow());
            boolean join = s != null && s.join() && first[1] != 0 && e.packet() <= first[1] + 2;
            x.add(join ? FindingKind.JOIN_HMAC_MISMATCH : FindingKind.ADD_ADDR_HMAC_MISMATCH, FindingSeverity.ERROR,
                    c.index(), e.flow(), e.timeNanos(), e.timeNanos(),
                    ExpertContext.subflow(c, e.flow()) + ": " + e.detail(), e.packet());
        }
    }

    /** Only joins, and no MP_CAPABLE: their token names no connection of the trace. */
    private static void unknownToken(ExpertContext x, MptcpConnection c) {
        if (c.version() != null || c.subflows().stream().anyMatch(s -> !s.join())) {
            return;
        }
        List<Long> joins = new ArrayList<>();
        for (MptcpEvent e : c.events()) {
            if (e.type() == EventType.MP_JOIN) {
                joins.add(e.packet());
            }
        }
        x.add(FindingKind.UNKNOWN_TOKEN, FindingSeverity.WARNING, c.index(), null, c.startNanos(), c.endNanos(),
                Words.plural(joins.size(), "MP_JOIN") + " with token "
                        + (c.serverToken() == null ? "?" : String.format(java.util.Locale.ROOT, "%08x", c.serverToken()))
                        + " that matches no MP_CAPABLE handshake in the trace",
                joins.stream().mapToLong(Long::longValue).toArray());
    }

    private static void fallback(ExpertContext x, MptcpConnection c) {
        Fallback requested = c.lifecycle().fallbackRequested();
        Fallback f = c.lifecycle().fallback();
        if (requested != null && f == null) {
            x.add(FindingKind.FALLBACK, FindingSeverity.WARNING, c.index(), requested.flow(), requested.timeNanos(),
                    requested.timeNanos(), "fallback to TCP requested by MP_FAIL at packet " + requested.packet() + " on "
                            + ExpertContext.subflow(c, requested.flow())
                            + ", never completed: no infinite mapping, and the DSS mappings go on",
                    requested.packet());
        }
        if (f == null) {
            return;
        }
        String why = switch (f.reason()) {
            case INFINITE_MAPPING -> "an infinite mapping (DSS data-level length 0)";
            case MP_FAIL -> "MP_FAIL on the only subflow";
            case DSS_MISSING -> "data without any DSS mapping on the initial subflow";
        };
        x.add(FindingKind.FALLBACK, FindingSeverity.WARNING, c.index(), f.flow(), f.timeNanos(), f.timeNanos(),
                "fell back to plain TCP at packet " + f.packet() + " on " + ExpertContext.subflow(c, f.flow())
                        + ": " + why + (requested == null ? "" : " (requested by MP_FAIL at packet " + requested.packet()
                                + ")"), f.packet());
    }

    /** The failed mapping, then MP_FAIL, then the reset or the fallback. */
    private static void checksum(ExpertContext x, MptcpConnection c, ChecksumFailure f) {
        StringBuilder chain = new StringBuilder();
        chain.append("DSS checksum failed on ").append(ExpertContext.subflow(c, f.flow()))
                .append(" for the mapping at subflow sequence ").append(f.subflowSeq()).append(", ")
                .append(Words.bytes(f.length())).append(" (packets ").append(f.firstPacket()).append('-')
                .append(f.failedPacket()).append(')');
        chain.append(f.mpFailPacket() == null ? "; no MP_FAIL followed" : "; MP_FAIL at packet " + f.mpFailPacket());
        if (f.resetPacket() != null) {
            chain.append("; subflow reset at packet ").append(f.resetPacket());
            if (f.resetReason() != null) {
                chain.append(" (MP_TCPRST reason ").append(f.resetReason()).append(", ")
                        .append(org.braid.decode.MptcpOption.resetReasonName(f.resetReason())).append(')');
            }
        }
        if (f.fallbackPacket() != null) {
            chain.append("; fell back to TCP at packet ").append(f.fallbackPacket());
        }
        MptcpEvent failed = ExpertContext.event(c, EventType.CHECKSUM_FAILED, f.failedPacket());
        long start = failed == null ? c.startNanos() : failed.timeNanos();
        MptcpEvent after = f.resetPacket() != null ? ExpertContext.event(c, EventType.MP_TCPRST, f.resetPacket())
                : f.mpFailPacket() != null ? ExpertContext.event(c, EventType.MP_FAIL, f.mpFailPacket()) : null;
        long end = after == null ? start : after.timeNanos();
        x.add(FindingKind.CHECKSUM_FAILURE, FindingSeverity.ERROR, c.index(), f.flow(), start, end, chain.toString(),
                f.firstPacket(), f.failedPacket(), nz(f.mpFailPacket()), nz(f.resetPacket()), nz(f.fallbackPacket()));
    }

    private static long nz(Long packet) {
        return packet == null ? 0 : packet;
    }
}
