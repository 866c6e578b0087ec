package org.braid.analysis;

import java.util.Arrays;

/**
 * The data-level (DSN) ranges one direction of a connection has sent, each kept once with the
 * subflow, packet and time that first sent it, to find reinjections: bytes sent again on another
 * subflow.
 *
 * <p>Each subflow has its own log of the ranges it sent first, in primitive arrays sorted by start.
 * A subflow sends its DSNs in increasing order, so its log grows at the end; and as every byte is
 * logged once, the ranges of all logs are disjoint, so in each log the ends are sorted too. A
 * segment beyond the highest DSN seen so far (new data) costs one append; any other segment one
 * binary search per subflow plus a backward scan over the ranges it overlaps.
 *
 * <p>DSNs are relative to the direction's base, so signed comparisons are safe. The logs hold one
 * entry (24 bytes, in chunks that never move) per segment that brought new data, for the whole
 * pass: ranges cannot be dropped once DATA_ACKed, because a subflow still retransmits its own lost segments after the data level
 * acknowledged them, and such a segment is a reinjection when another subflow's copy was seen first.
 * When every subflow of the connection has closed, {@link #release} drops the logs.
 *
 * <p>{@link #place} leaves its findings in the public-to-the-package fields below (no allocation).
 */
final class SentRanges {
    private SubflowLog[] logs = new SubflowLog[2];
    private int logCount;
    private long highestEnd = Long.MIN_VALUE;
    private long uniqueBytes;
    /** After {@link #release}: DSNs below this were logged and dropped; a segment there is neither new nor reinjected. */
    private long releasedBelow = Long.MIN_VALUE;

    // Overlaps found by the slow path, clipped to the segment: reused scratch arrays.
    private long[] overlapStart = new long[8];
    private long[] overlapEnd = new long[8];
    private int[] overlapPacket = new int[8];
    private int[] overlapFlow = new int[8];
    private long[] overlapNanos = new long[8];
    private int overlaps;

    // Findings of the last place().
    /** Bytes of the segment no subflow had sent before. */
    long newBytes;
    /** Bytes of the segment first sent on another subflow: more than 0 makes it a reinjection. */
    long reinjectedBytes;
    /** Bytes of the segment this subflow had sent before (a retransmission, or a resend with new sequence numbers). */
    long ownBytes;
    /** The first (lowest-DSN) overlap with this subflow's own earlier data: its packet index, or {@link PacketColumns#NO_PACKET}. */
    int ownOriginalPacket;
    long ownOriginalNanos;
    long ownOriginalDsn;
    /** The first (lowest-DSN) overlap on another subflow: its packet index, flow, time and first DSN. */
    int originalPacket;
    int originalFlow;
    long originalNanos;
    long originalDsn;

    long uniqueBytes() {
        return uniqueBytes;
    }

    /** Drops the logs (the connection's subflows have all closed), keeping the counts. */
    void release() {
        releasedBelow = Math.max(releasedBelow, highestEnd);
        logs = new SubflowLog[2];
        logCount = 0;
    }

    /** Ranges held in the logs. */
    int loggedRanges() {
        int ranges = 0;
        for (int i = 0; i < logCount; i++) {
            ranges += logs[i].size;
        }
        return ranges;
    }

    /**
     * Places a segment of subflow {@code flow} carrying DSNs [start, end) (relative), sent by packet
     * {@code packetIndex} at {@code nanos}, and sets the findings fields.
     */
    void place(int flow, long start, long end, int packetIndex, long nanos) {
        newBytes = 0;
        reinjectedBytes = 0;
        ownBytes = 0;
        ownOriginalPacket = PacketColumns.NO_PACKET;
        ownOriginalNanos = 0;
        ownOriginalDsn = 0;
        long length = end - start;
        originalPacket = PacketColumns.NO_PACKET;
        originalFlow = Flow.NONE;
        originalNanos = 0;
        originalDsn = 0;
        overlaps = 0;
        start = Math.max(start, releasedBelow);
        if (start >= end) {
            ownBytes = length; // logged before the logs were released: seen already
            return;
        }
        SubflowLog own = log(flow);
        // Beyond the highest DSN, or below it where this subflow fills the block it was given: new data, one append.
        if (start >= highestEnd || start >= own.newestEnd && end <= own.gapEnd) {
            append(own, start, end, packetIndex, nanos);
            newBytes = end - start;
            uniqueBytes += newBytes;
            highestEnd = Math.max(highestEnd, end);
            return;
        }
        collectOverlaps(start, end);
        long cursor = start;
        for (int i = 0; i < overlaps; i++) {
            if (overlapStart[i] > cursor) {
                logNew(own, cursor, overlapStart[i], packetIndex, nanos);
            }
            cursor = Math.max(cursor, overlapEnd[i]);
            if (overlapFlow[i] != flow) {
                if (reinjectedBytes == 0) {
                    originalPacket = overlapPacket[i];
                    originalFlow = overlapFlow[i];
                    originalNanos = overlapNanos[i];
                    originalDsn = overlapStart[i];
                }
                reinjectedBytes += overlapEnd[i] - overlapStart[i];
            } else if (ownOriginalPacket == PacketColumns.NO_PACKET) {
                ownOriginalPacket = overlapPacket[i];
                ownOriginalNanos = overlapNanos[i];
                ownOriginalDsn = overlapStart[i];
            }
        }
        if (cursor < end) {
            logNew(own, cursor, end, packetIndex, nanos);
        }
        ownBytes = length - newBytes - reinjectedBytes;
        if (end > highestEnd) {
            highestEnd = end;
        }
        if (newBytes == length && end == own.newestEnd) {
            findGap(own);
        }
    }

    /**
     * Sets the free DSN space above the subflow's newest range: up to the first range of another
     * subflow above it, at most the highest end. Two subflows sending alternate blocks of the data
     * fill a block each below the highest DSN; with the gap known, each segment there is an append.
     * Gaps of different subflows never overlap; a range another subflow inserts into one shortens it
     * ({@link #logNew}), so each stays valid without being searched again.
     */
    private void findGap(SubflowLog own) {
        long gapEnd = highestEnd;
        for (int l = 0; l < logCount; l++) {
            SubflowLog log = logs[l];
            if (log != own) {
                int above = log.lastStartingBefore(own.newestEnd) + 1;
                if (above < log.size) {
                    gapEnd = Math.min(gapEnd, log.start(above));
                }
            }
        }
        own.gapEnd = gapEnd;
    }

    /** How many overlaps of the last slow-path {@link #place} were with other subflows (original packets). */
    int originalCount(int flow) {
        int count = 0;
        for (int i = 0; i < overlaps; i++) {
            if (overlapFlow[i] != flow) {
                count++;
            }
        }
        return count;
    }

    /** The packet index of the {@code k}-th overlap with another subflow than {@code flow} (see {@link #originalCount}). */
    int originalPacket(int flow, int k) {
        for (int i = 0; i < overlaps; i++) {
            if (overlapFlow[i] != flow && k-- == 0) {
                return overlapPacket[i];
            }
        }
        throw new IndexOutOfBoundsException(k);
    }

    private void logNew(SubflowLog own, long start, long end, int packetIndex, long nanos) {
        insert(own, start, end, packetIndex, nanos);
        for (int l = 0; l < logCount; l++) {
            SubflowLog log = logs[l];
            // New data lies in free space, so it starts at or above the newest end of a gap it enters.
            if (log != own && start < log.gapEnd && end > log.newestEnd) {
                log.gapEnd = Math.max(log.newestEnd, start);
            }
        }
        newBytes += end - start;
        uniqueBytes += end - start;
    }

    /** Fills the scratch arrays with every logged range overlapping [start, end), clipped, sorted by start. */
    private void collectOverlaps(long start, long end) {
        overlaps = 0;
        for (int l = 0; l < logCount; l++) {
            SubflowLog log = logs[l];
            // Last range starting before end; ends are sorted too, so scan back while they pass start.
            int i = log.lastStartingBefore(end);
            int first = i;
            while (first >= 0 && log.end(first) > start) {
                first--;
            }
            for (int k = first + 1; k <= i; k++) {
                addOverlap(Math.max(start, log.start(k)), Math.min(end, log.end(k)), log.packet(k), log.flow,
                        log.nanos(k));
            }
        }
        // Few overlaps, and each log's are already in order: insertion sort.
        for (int i = 1; i < overlaps; i++) {
            for (int j = i; j > 0 && overlapStart[j - 1] > overlapStart[j]; j--) {
                swap(j - 1, j);
            }
        }
    }

    private void addOverlap(long start, long end, int packet, int flow, long nanos) {
        if (overlaps == overlapStart.length) {
            int capacity = overlaps * 2;
            overlapStart = Arrays.copyOf(overlapStart, capacity);
            overlapEnd = Arrays.copyOf(overlapEnd, capacity);
            overlapPacket = Arrays.copyOf(overlapPacket, capacity);
            overlapFlow = Arrays.copyOf(overlapFlow, capacity);
            overlapNanos = Arrays.copyOf(overlapNanos, capacity);
        }
        overlapStart[overlaps] = start;
        overlapEnd[overlaps] = end;
        overlapPacket[overlaps] = packet;
        overlapFlow[overlaps] = flow;
        overlapNanos[overlaps] = nanos;
        overlaps++;
    }

    private void swap(int a, int b) {
        long s = overlapStart[a];
        overlapStart[a] = overlapStart[b];
        overlapStart[b] = s;
        long e = overlapEnd[a];
        overlapEnd[a] = overlapEnd[b];
        overlapEnd[b] = e;
        int p = overlapPacket[a];
        overlapPacket[a] = overlapPacket[b];
        overlapPacket[b] = p;
        int f = overlapFlow[a];
        overlapFlow[a] = overlapFlow[b];
        overlapFlow[b] = f;
        long n = overlapNanos[a];
        overlapNanos[a] = overlapNanos[b];
        overlapNanos[b] = n;
    }

    private SubflowLog log(int flow) {
        for (int i = 0; i < logCount; i++) {
            if (logs[i].flow == flow) {
                return logs[i];
            }
        }
        if (logCount == logs.length) {
            logs = Arrays.copyOf(logs, logCount * 2);
        }
        SubflowLog log = new SubflowLog(flow);
        logs[logCount++] = log;
        return log;
    }

    private void append(SubflowLog log, long start, long end, int packet, long nanos) {
        log.set(log.size++, start, end, packet, nanos);
        log.newestStart = start;
        log.newestEnd = end;
    }

    /** Inserts in start order; usually at the end, since a subflow sends its DSNs in order. */
    private void insert(SubflowLog log, long start, long end, int packet, long nanos) {
        int at = log.lastStartingBefore(start) + 1;
        for (int i = log.size - 1; i >= at; i--) {
            log.copy(i, i + 1);
        }
        log.set(at, start, end, packet, nanos);
        log.size++;
        log.newestStart = log.start(log.size - 1);
        log.newestEnd = log.end(log.size - 1);
    }

    /**
     * The ranges first sent on one subflow, sorted by start: each range is three longs side by side
     * (start; length and packet; time) in chunks of {@value #CHUNK} ranges that never move, so logging
     * a segment, the commonest write of the analysis, finds one chunk and fills one cache line.
     */
    private static final class SubflowLog {
        private static final int SHIFT = 12;
        private static final int CHUNK = 1 << SHIFT;
        private static final int MASK = CHUNK - 1;
        private static final int FIELDS = 3;
        /** Ranges the first chunk starts with: it doubles up to a full chunk, as few subflows send many. */
        private static final int FIRST_CHUNK = 16;
        final int flow;
        private long[][] chunks = new long[1][];
        int size;
        /** The start of the range at {@code size - 1}, read on every segment: kept out of the column. */
        long newestStart;
        /** The end of the range at {@code size - 1}: the highest DSN this subflow logged. */
        long newestEnd;
        /**
         * Above {@link #newestEnd}, no subflow has logged a range below this DSN: see
         * {@link SentRanges#findGap}.
         */
        long gapEnd = Long.MIN_VALUE;
        /** The last answer of a binary search in {@link #lastStartingBefore}, -1 for none. */
        int hint = -1;

        SubflowLog(int flow) {
            this.flow = flow;
        }

        void set(int i, long s, long e, int p, long n) {
            long[] chunk = chunkFor(i);
            int at = (i & MASK) * FIELDS;
            chunk[at] = s;
            chunk[at + 1] = (e - s) << 32 | (p & 0xffffffffL); // a range is part of one segment: an int long
            chunk[at + 2] = n;
        }

        void copy(int from, int to) {
            long[] source = chunks[from >>> SHIFT];
            int at = (from & MASK) * FIELDS;
            long[] target = chunkFor(to);
            int into = (to & MASK) * FIELDS;
            target[into] = source[at];
            target[into + 1] = source[at + 1];
            target[into + 2] = source[at + 2];
        }

        long start(int i) {
            return chunks[i >>> SHIFT][(i & MASK) * FIELDS];
        }

        long end(int i) {
            long[] chunk = chunks[i >>> SHIFT];
            int at = (i & MASK) * FIELDS;
            return chunk[at] + (chunk[at + 1] >>> 32);
        }

        int packet(int i) {
            return (int) chunks[i >>> SHIFT][(i & MASK) * FIELDS + 1];
        }

        long nanos(int i) {
            return chunks[i >>> SHIFT][(i & MASK) * FIELDS + 2];
        }

        /** The chunk that holds range {@code i}, allocated or grown to hold it. */
        private long[] chunkFor(int i) {
            int c = i >>> SHIFT;
            if (c >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(c + 1, chunks.length * 2));
            }
            long[] chunk = chunks[c];
            int needed = ((i & MASK) + 1) * FIELDS;
            if (chunk == null || chunk.length < needed) {
                int ranges = c > 0 ? CHUNK : FIRST_CHUNK;
                while (ranges * FIELDS < needed) {
                    ranges *= 2;
                }
                chunk = chunk == null ? new long[ranges * FIELDS] : Arrays.copyOf(chunk, ranges * FIELDS);
                chunks[c] = chunk;
            }
            return chunk;
        }

        /** Index of the last range whose start is below {@code value}, or -1. */
        int lastStartingBefore(long value) {
            if (size > 0 && newestStart < value) {
                return size - 1; // the common case: at or beyond the newest range
            }
            // Another subflow's segments query the same place over and over while it fills its own
            // mapping block: try the previous answer before a binary search.
            int h = hint;
            if (h < size - 1 && (h < 0 || start(h) < value) && start(h + 1) >= value) {
                return h;
            }
            // Searches are near the end, where the subflows are sending: gallop back from it, so the
            // search reads the recent (cached) part of the log rather than halving all of it.
            int low = 0;
            int high = size - 1;
            for (int step = 1; high - step >= 0; step <<= 1) {
                if (start(high - step) < value) {
                    low = high - step;
                    break;
                }
                high -= step;
            }
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (start(mid) < value) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            hint = high;
            return high;
        }
    }
}
