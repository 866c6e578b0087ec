package org.braid.stream;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a followed stream: its segments painted onto the stream positions in
 * packet order, so each byte belongs to the packet that delivered it first; a byte sent again
 * (another subflow, the same sequence numbers, or the same subflow under new ones) marks the
 * chunk it repeats. Chunks are kept as primitive columns sorted by position; holes are the gaps.
 */
final class SideStream {
    static final byte REINJECTED = 1;
    static final byte RETRANSMITTED = 2;
    static final byte RESENT = 4;

    private final SegmentLog log;
    private final long[] position;
    final long start;
    final boolean startKnown;
    final long end;
    final boolean endedByFin;
    private int count;
    private long[] chunkStart = new long[64];
    private int[] chunkLength = new int[64];
    private int[] chunkSegment = new int[64];
    private byte[] chunkFlags = new byte[64];
    private int overlaps;
    private long[] overlapStart = new long[16];
    private int[] overlapLength = new int[16];
    private int[] overlapSegment = new int[16];

    /**
     * @param segments the side's segments in packet order
     * @param position each segment's stream position (indexed by segment), {@link SegmentLog#NO_POSITION} if unknown
     * @param start    the stream's first position, or {@link SegmentLog#NO_POSITION} when unknown (mid-connection)
     * @param finEnd   the position the (DATA_)FIN closes the stream at, or {@link SegmentLog#NO_POSITION}
     * @param finSeen  a FIN was seen even if its position is not known
     */
    SideStream(SegmentLog log, int[] segments, long[] position, long start, long finEnd, boolean finSeen) {
        this.log = log;
        this.position = position;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int s : segments) {
            if (position[s] != SegmentLog.NO_POSITION) {
                first = Math.min(first, position[s]);
                last = Math.max(last, position[s] + log.wirePayload(s));
            }
        }
        this.startKnown = start != SegmentLog.NO_POSITION;
        this.start = startKnown ? start : first == Long.MAX_VALUE ? 0 : first;
        // The (DATA_)FIN closes the stream, but never before bytes the trace holds: a FIN placed
        // short of them would mean its position was worked out wrong, and bytes are never dropped.
        long dataEnd = Math.max(this.start, last);
        this.end = finEnd != SegmentLog.NO_POSITION ? Math.max(finEnd, dataEnd) : dataEnd;
        this.endedByFin = finSeen;
        paint(segments);
        sortChunks();
        markRepeats();
    }

    private void paint(int[] segments) {
        TreeMap<Long, Long> covered = new TreeMap<>();
        for (int s : segments) {
            if (position[s] == SegmentLog.NO_POSITION) {
                continue;
            }
            long from = Math.max(position[s], start);
            long to = Math.min(position[s] + log.capturedPayload(s), end);
            if (to <= from) {
                continue;
            }
            long cursor = from;
            Map.Entry<Long, Long> before = covered.floorEntry(from);
            if (before != null && before.getValue() > cursor) {
                long overlapEnd = Math.min(before.getValue(), to);
                addOverlap(cursor, overlapEnd, s);
                cursor = overlapEnd;
            }
            for (Map.Entry<Long, Long> next : covered.subMap(from, false, to, false).entrySet()) {
                if (next.getKey() > cursor) {
                    addChunk(cursor, next.getKey(), s);
                }
                long overlapEnd = Math.min(next.getValue(), to);
                addOverlap(Math.max(cursor, next.getKey()), overlapEnd, s);
                cursor = Math.max(cursor, overlapEnd);
            }
            if (cursor < to) {
                addChunk(cursor, to, s);
            }
            cover(covered, from, to);
        }
    }

    private static void cover(TreeMap<Long, Long> covered, long from, long to) {
        Map.Entry<Long, Long> before = covered.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
        }
        Map.Entry<Long, Long> after;
        while ((after = covered.higherEntry(from)) != null && after.getKey() <= to) {
            to = Math.max(to, after.getValue());
            covered.remove(after.getKey());
        }
        covered.put(from, to);
    }

    private void addChunk(long from, long to, int segment) {
        if (count == chunkStart.length) {
            int capacity = count + (count >> 1);
            chunkStart = Arrays.copyOf(chunkStart, capacity);
            chunkLength = Arrays.copyOf(chunkLength, capacity);
            chunkSegment = Arrays.copyOf(chunkSegment, capacity);
            chunkFlags = Arrays.copyOf(chunkFlags, capacity);
        }
        chunkStart[count] = from;
        chunkLength[count] = (int) (to - from);
        chunkSegment[count] = segment;
        count++;
    }

    private void addOverlap(long from, long to, int segment) {
        if (to <= from) {
            return;
        }
        if (overlaps == overlapStart.length) {
            int capacity = overlaps * 2;
            overlapStart = Arrays.copyOf(overlapStart, capacity);
            overlapLength = Arrays.copyOf(overlapLength, capacity);
            overlapSegment = Arrays.copyOf(overlapSegment, capacity);
        }
        overlapStart[overlaps] = from;
        overlapLength[overlaps] = (int) (to - from);
        overlapSegment[overlaps] = segment;
        overlaps++;
    }

    /** Chunks come out in packet order, mostly ascending; sort them by position (they never overlap). */
    private void sortChunks() {
        boolean sorted = true;
        for (int i = 1; i < count && sorted; i++) {
            sorted = chunkStart[i - 1] < chunkStart[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(chunkStart[a], chunkStart[b]));
        long[] starts = new long[count];
        int[] lengths = new int[count];
        int[] segments = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = chunkStart[order[i]];
            lengths[i] = chunkLength[order[i]];
            segments[i] = chunkSegment[order[i]];
        }
        chunkStart = starts;
        chunkLength = lengths;
        chunkSegment = segments;
        chunkFlags = new byte[count];
    }

    private void markRepeats() {
        for (int o = 0; o < overlaps; o++) {
            long from = overlapStart[o];
            long to = from + overlapLength[o];
            int again = overlapSegment[o];
            for (int c = chunkAtOrBefore(from); c >= 0 && c < count && chunkStart[c] < to; c++) {
                if (chunkStart[c] + chunkLength[c] <= from) {
                    continue;
                }
                int firstSegment = chunkSegment[c];
                long at = Math.max(from, chunkStart[c]);
                if (log.flow(again) != log.flow(firstSegment)) {
                    chunkFlags[c] |= REINJECTED;
                } else if (tcpPositionOf(again, at) == tcpPositionOf(firstSegment, at)) {
                    chunkFlags[c] |= RETRANSMITTED;
                } else {
                    chunkFlags[c] |= RESENT;
                }
            }
        }
    }

    /** The TCP stream offset at which segment {@code s} carried stream position {@code at}. */
    private long tcpPositionOf(int s, long at) {
        return log.tcpPosition(s) + (at - position[s]);
    }

    /** Index of the last chunk starting at or before {@code at}, or 0. */
    private int chunkAtOrBefore(long at) {
        int found = Arrays.binarySearch(chunkStart, 0, count, at);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    int chunkCount() { return count; }
    long chunkStart(int c) { return chunkStart[c]; }
    int chunkLength(int c) { return chunkLength[c]; }
    int chunkSegment(int c) { return chunkSegment[c]; }
    byte chunkFlags(int c) { return chunkFlags[c]; }
    /** Where chunk {@code c}'s bytes start in its segment's payload. */
    int chunkSkip(int c) { return (int) (chunkStart[c] - position[chunkSegment[c]]); }

    long capturedBytes() {
        long total = 0;
        for (int c = 0; c < count; c++) {
            total += chunkLength[c];
        }
        return total;
    }
}
