package org.braid.analysis;

import org.braid.decode.MptcpOption;
import org.braid.model.AnalysisWarning;
import org.braid.model.EventType;
import org.braid.model.FallbackReason;

/**
 * The timeline events and warnings of the checksum, lifecycle and ADD_ADDR observers. Their text
 * lives here, apart from the observers: classes on the per-packet path keep no string constants,
 * which keeps the JIT from allocating when it recompiles them (measured by the allocation tests).
 */
final class FindingEvents {
    private FindingEvents() {}

    static void checksumFailed(PacketContext c, long subflowSeq, int length, long firstPacket) {
        c.connection.event(EventType.CHECKSUM_FAILED, c.nanos, c.frame.packetNumber(), c.flow.index,
                "DSS checksum of the mapping at subflow sequence " + subflowSeq + ", length " + length
                        + " (first carried by packet " + firstPacket + ") does not match");
    }

    static void fallback(PacketContext c, FallbackReason reason) {
        String why = switch (reason) {
            case INFINITE_MAPPING -> "infinite mapping (DSS data-level length 0)";
            case MP_FAIL -> "MP_FAIL on the only open subflow";
            case DSS_MISSING -> "data without a DSS mapping on the initial subflow";
        };
        c.connection.event(EventType.FALLBACK, c.nanos, c.frame.packetNumber(), c.flow.index, why);
    }

    static void dataFin(ConnectionState connection, org.braid.io.Frame frame, Flow flow, int side) {
        connection.event(EventType.DATA_FIN, frame.timestampNanos(), frame.packetNumber(), flow.index,
                side == 0 ? "from the client" : "from the server");
    }

    static void captureLoss(PacketContext c, long lost) {
        c.connection.event(EventType.CAPTURE_LOSS, c.nanos, c.frame.packetNumber(), c.flow.index,
                "acknowledges " + lost + " subflow bytes the capture never saw (previous segment not captured)");
    }

    static void fallbackRequested(PacketContext c) {
        c.connection.event(EventType.FALLBACK_REQUESTED, c.nanos, c.frame.packetNumber(), c.flow.index,
                "MP_FAIL on the only open subflow asks for a fallback to TCP; it is complete only when data"
                        + " follows without mappings or with an infinite one");
    }

    static void addAddrHmacLeftmost(PacketContext c) {
        c.connection.event(EventType.ADD_ADDR_HMAC_LEFTMOST, c.nanos, c.frame.packetNumber(), c.flow.index,
                "ADD_ADDR HMAC matches the keys in its leftmost 64 bits, as early Linux sent it;"
                        + " RFC 8684 3.4.1 says the rightmost");
    }

    static void addAddrHmacMismatch(PacketContext c, MptcpOption option, AnalysisWarnings warnings) {
        String what = "ADD_ADDR HMAC does not match the keys (address id " + option.addressId() + ")";
        c.connection.event(EventType.HMAC_MISMATCH, c.nanos, c.frame.packetNumber(), c.flow.index, what);
        warnings.add(AnalysisWarning.Kind.HMAC_MISMATCH, c.frame, what + " of connection " + c.connection.index);
    }
}
