package org.braid.analysis;

/**
 * The subflow sequence space one direction of a TCP flow has sent, as seen at the capture point,
 * to tell TCP retransmissions from segments that only arrive out of order.
 *
 * <p>A segment below the highest sequence seen is a retransmission when it repeats bytes already
 * seen. When it fills a hole (bytes never seen: the original was lost before the capture point,
 * or is overtaken), it is a retransmission when the receiver asked for it with two or more
 * duplicate ACKs of its first byte, or when it comes later than the out-of-order threshold after
 * the segment that last advanced the highest sequence (the handshake RTT, or 3 ms: Wireshark's
 * rules); otherwise it only arrived out of order.
 *
 * <p>Sequence numbers are extended to 64 bits against the highest one seen, so the 32-bit wrap
 * costs nothing. Holes are kept in a small fixed ring: when more are open than it holds, the
 * oldest is forgotten and a later segment in it counts as a retransmission.
 */
final class SubflowSequence {
    static final int MAX_HOLES = 16;

    private boolean started;
    /** One past the highest sequence number seen, extended to 64 bits. */
    private long highest;
    /** The lowest sequence number seen: below it, the capture holds nothing of this direction. */
    private long lowest;
    /** The last segment given to {@link #sent} began below {@link #lowest}: its original is not in the capture. */
    private boolean lastBeforeCapture;
    /** The 64-bit start of the last segment given to {@link #sent}. */
    private long lastStart;
    /** From this sequence number on, the segments' DSNs were known (see {@link #mapped}); Long.MAX_VALUE before. */
    private long mappedFrom = Long.MAX_VALUE;
    /** Bytes never captured that the receiver acknowledged, and the holes they were in. */
    private long lostBytes;
    private long lostGaps;
    private long advancedNanos;
    /** The receiver's latest cumulative ACK of this direction (32 bits) and how often it was repeated bare. */
    private long peerAck = -1;
    private int duplicateAcks;
    /** Allocated by the first hole: most directions never have one. */
    private long[] holeStart;
    private long[] holeEnd;
    private int holes;

    /**
     * Records a segment of {@code length} sequence numbers (payload, plus one for a FIN) starting
     * at 32-bit {@code sequence}, captured at {@code nanos}, and returns true for a retransmission.
     */
    boolean sent(long sequence, int length, long nanos, long outOfOrderNanos) {
        lastBeforeCapture = false;
        if (length <= 0) {
            return false;
        }
        if (!started) {
            started = true;
            lowest = sequence & 0xffffffffL;
            lastStart = lowest;
            highest = lowest + length;
            advancedNanos = nanos;
            return false;
        }
        // Nearest 64-bit value with these low 32 bits: the signed 32-bit distance from the highest.
        long start = highest + (int) (sequence - highest);
        long end = start + length;
        lastStart = start;
        if (start < lowest) {
            lastBeforeCapture = true;
            lowest = start;
            return true; // its original went by before the capture started
        }
        if (start >= highest) {
            if (start > highest) {
                addHole(highest, start);
            }
            highest = end;
            advancedNanos = nanos;
            return false;
        }
        boolean requested = duplicateAcks >= 2 && (start & 0xffffffffL) == peerAck;
        boolean outOfOrder = !requested && insideOneHole(start, Math.min(end, highest))
                && nanos - advancedNanos < outOfOrderNanos;
        fill(start, Math.min(end, highest));
        if (end > highest) {
            highest = end;
            advancedNanos = nanos;
        }
        return !outOfOrder;
    }

    /**
     * Notes an ACK of this direction sent by the receiver; {@code bare} for one without data, SYN or
     * FIN. Returns the bytes it acknowledges that fell in holes: the receiver got them, so the
     * capture lost them (Wireshark's "ACKed segment that wasn't captured").
     */
    long acknowledged(long ack, boolean bare) {
        if (ack == peerAck) {
            if (bare) {
                duplicateAcks++;
            }
            return 0;
        }
        peerAck = ack;
        duplicateAcks = 0;
        if (holes == 0) {
            return 0;
        }
        long acked = highest + (int) (ack - highest);
        long lost = 0;
        for (int i = 0; i < holes; i++) {
            if (holeStart[i] < acked) {
                long end = Math.min(holeEnd[i], acked);
                lost += end - holeStart[i];
                lostGaps++;
                if (end == holeEnd[i]) {
                    removeHole(i);
                    i--;
                } else {
                    holeStart[i] = end;
                }
            }
        }
        lostBytes += lost;
        return lost;
    }

    /**
     * True when the last segment given to {@link #sent} began before anything the capture holds, or
     * before the first segment whose DSNs were known: its earlier copies, if any, have no DSN.
     */
    boolean lastBeforeCapture() {
        return lastBeforeCapture || lastStart < mappedFrom;
    }

    /** The last segment given to {@link #sent} had its DSNs known. */
    void mapped() {
        if (mappedFrom == Long.MAX_VALUE) {
            mappedFrom = lastStart;
        }
    }

    long lostBytes() {
        return lostBytes;
    }

    long lostGaps() {
        return lostGaps;
    }

    boolean started() {
        return started;
    }

    private boolean insideOneHole(long start, long end) {
        for (int i = 0; i < holes; i++) {
            if (start >= holeStart[i] && end <= holeEnd[i]) {
                return true;
            }
        }
        return false;
    }

    /** Removes [start, end) from the holes: those bytes have now been seen. */
    private void fill(long start, long end) {
        for (int i = 0; i < holes; i++) {
            long hs = holeStart[i];
            long he = holeEnd[i];
            if (end <= hs || start >= he) {
                continue;
            }
            if (start > hs && end < he) { // splits the hole in two
                holeEnd[i] = start;
                addHole(end, he);
                return;
            }
            if (start <= hs && end >= he) { // fills it
                removeHole(i);
                i--;
            } else if (start <= hs) {
                holeStart[i] = end;
            } else {
                holeEnd[i] = start;
            }
        }
    }

    private void addHole(long start, long end) {
        if (holeStart == null) {
            holeStart = new long[MAX_HOLES];
            holeEnd = new long[MAX_HOLES];
        }
        if (holes == MAX_HOLES) {
            removeHole(0); // the oldest: its bytes now count as seen
        }
        holeStart[holes] = start;
        holeEnd[holes] = end;
        holes++;
    }

    private void removeHole(int i) {
        System.arraycopy(holeStart, i + 1, holeStart, i, holes - i - 1);
        System.arraycopy(holeEnd, i + 1, holeEnd, i, holes - i - 1);
        holes--;
    }

    /** Open holes, for tests. */
    int holes() {
        return holes;
    }
}
