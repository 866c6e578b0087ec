package org.braid.stream;

import org.braid.decode.DecodedPacket;
import org.braid.model.Endpoint;

/**
 * The two ends of one TCP flow as the collector saw them: the end that sent the flow's first
 * captured packet ("first sender") and the other, each with its initial sequence number when its
 * SYN is in the trace, and where its byte stream stands (for unwrapping 32-bit sequence numbers).
 */
final class FlowEnds {
    private static final long LOW_32 = 0xffffffffL;

    final Endpoint first;
    final Endpoint second;
    private final int ipVersion;
    private final int firstIpv4;
    private final long firstHigh;
    private final long firstLow;
    private final int firstPort;
    private final long[] isn = new long[2];
    private final boolean[] isnKnown = new boolean[2];
    private final boolean[] synSeen = new boolean[2];
    /** Per end: low 32 bits of (absolute DSN - relative DSN), learned from a mapped segment; -1 until known. */
    final long[] dsnBase = {-1, -1};
    /** Per end: low 32 bits of the absolute DSN of its DATA_FIN; -1 until seen. */
    final long[] dataFin = {-1, -1};
    /** Per end: the stream position of its TCP FIN; -1 until seen. */
    final long[] fin = {-1, -1};
    /** Per end: the segment-log index of the data its SYN carried (TCP Fast Open); -1 when none. */
    final int[] synData = {-1, -1};
    private final boolean[] started = new boolean[2];
    private final long[] position = new long[2];
    /** The receiver token of the MP_JOIN SYN, and which end sent it (0 first, 1 second); -1 when none seen. */
    long joinToken = -1;
    int joinSender = -1;

    FlowEnds(DecodedPacket packet) {
        first = new Endpoint(packet.sourceAddress(), packet.sourcePort());
        second = new Endpoint(packet.destinationAddress(), packet.destinationPort());
        ipVersion = packet.ipVersion();
        firstIpv4 = packet.sourceIpv4();
        firstHigh = packet.sourceHigh();
        firstLow = packet.sourceLow();
        firstPort = packet.sourcePort();
    }

    /** 0 when the first sender sent {@code packet}, 1 when the other end did. */
    int endOf(DecodedPacket packet) {
        boolean sameAddress = ipVersion == 4 ? packet.sourceIpv4() == firstIpv4
                : packet.sourceHigh() == firstHigh && packet.sourceLow() == firstLow;
        return sameAddress && packet.sourcePort() == firstPort ? 0 : 1;
    }

    Endpoint endpoint(int end) {
        return end == 0 ? first : second;
    }

    void onSyn(int end, long sequence) {
        isn[end] = sequence;
        isnKnown[end] = true;
        synSeen[end] = true;
        started[end] = false;
    }

    /** True when the end's SYN is in the trace, so its stream positions count from its first byte. */
    boolean synSeen(int end) {
        return synSeen[end];
    }

    /**
     * The offset of {@code sequence} in the end's byte stream: from the byte after its SYN when
     * the SYN is in the trace, else from the first sequence number seen (sequence - 1, so the
     * first byte seen is at 0 either way). Unwrapped past 4 GiB against the last position.
     */
    long position(int end, long sequence) {
        if (!isnKnown[end]) {
            isn[end] = (sequence - 1) & LOW_32;
            isnKnown[end] = true;
        }
        long relative = (sequence - isn[end] - 1) & LOW_32;
        if (!started[end]) {
            started[end] = true;
            position[end] = relative;
            return relative;
        }
        long last = position[end];
        long delta = (int) (relative - (last & LOW_32)); // signed: a little back or forward
        position[end] = Math.max(last, last + delta);
        return last + delta;
    }

    /** The subflow sequence number (relative to the ISN, as DSS mappings count it) of {@code sequence}. */
    long subflowSequence(int end, long sequence) {
        return (sequence - isn[end]) & LOW_32;
    }
}
