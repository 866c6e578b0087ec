package org.braid.compare;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.braid.decode.DecodedPacket;
import org.braid.decode.IcmpHeader;
import org.braid.decode.IcmpNames;
import org.braid.decode.IpText;
import org.braid.decode.ProtocolNumbers;
import org.braid.model.Endpoint;

/**
 * The ICMP and ICMPv6 errors of one capture that quote a TCP segment, by the segment they quote
 * (its 4-tuple and sequence number): a router's word on why a packet the other capture lacks
 * never arrived (too big for the next hop, no route). Errors are few, so a map of text keys does.
 */
final class IcmpRefusals {
    /** Why a router refused a segment: its error's packet number (1-based) and its words. */
    record Refusal(long packet, String reason) {}

    private final Map<String, Refusal> bySegment = new HashMap<>();

    /** Keeps {@code packet} (number {@code number}, 1-based) when it is an ICMP error quoting a TCP sequence number. */
    void add(long number, DecodedPacket packet) {
        if (!packet.hasIcmp() || !packet.icmp().isError()) {
            return;
        }
        IcmpHeader m = packet.icmp();
        if (m.innerTransportOffset() < 0 || m.innerProtocol() != ProtocolNumbers.PROTOCOL_TCP || m.innerSequence() < 0) {
            return;
        }
        String key = key(IpText.text(m.innerSourceHigh(), m.innerSourceLow()), m.innerSourcePort(),
                IpText.text(m.innerDestinationHigh(), m.innerDestinationLow()), m.innerDestinationPort(),
                m.innerSequence());
        StringBuilder reason = new StringBuilder(m.v6() ? "ICMPv6 \"" : "ICMP \"")
                .append(IcmpNames.name(m.v6(), m.type(), m.code())).append('"');
        if (m.nextHopMtu() >= 0) {
            reason.append(String.format(Locale.ROOT, ", next-hop MTU %d", m.nextHopMtu()));
        }
        reason.append(" from ").append(packet.sourceAddress());
        bySegment.putIfAbsent(key, new Refusal(number, reason.toString()));
    }

    /** The first error quoting the segment {@code from} sent to {@code to} with {@code sequence}, or null. */
    Refusal about(Endpoint from, Endpoint to, long sequence) {
        return bySegment.isEmpty() ? null
                : bySegment.get(key(from.address(), from.port(), to.address(), to.port(), sequence & 0xffffffffL));
    }

    private static String key(String source, int sourcePort, String destination, int destinationPort, long sequence) {
        return source + ' ' + sourcePort + ' ' + destination + ' ' + destinationPort + ' ' + sequence;
    }
}
