package org.braid.analysis;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.braid.model.UnverifiedReason;

/**
 * A checksummed mapping whose bytes are still arriving. Each segment adds the bytes it brings at
 * their offset in the mapping; the covered ranges are kept so a retransmission counts once (the
 * first copy, as the receiver's TCP accepted it). Reused for the next mapping once closed.
 */
final class OpenMapping {
    int row;
    long dsn;
    long subflowSeq;
    int length;
    int dataBytes;
    int checksum;
    /** False when the option carried no checksum, or the capture cut it. */
    boolean checksumCaptured;
    int firstPacketIndex;
    /** Why the sum cannot be checked (a cut option, cut bytes, an unknown DSN), or null while it can. */
    UnverifiedReason missing;
    /** The order it was opened in, to close the oldest first when too many wait. */
    long openedAt;
    private long sum;
    private int[] starts = new int[4];
    private int[] ends = new int[4];
    private int count;

    void open(int mappingRow, CarriedMapping m, int packetIndex, long order) {
        row = mappingRow;
        dsn = m.dsn;
        subflowSeq = m.subflowSeq;
        length = m.length;
        dataBytes = m.dataBytes();
        checksum = m.checksum;
        checksumCaptured = m.hasChecksum && !m.cut;
        firstPacketIndex = packetIndex;
        missing = checksumCaptured ? null : UnverifiedReason.OPTION_CUT;
        openedAt = order;
        sum = 0;
        count = 0;
    }

    /**
     * Adds the segment bytes of mapping offsets [from, to), which start at {@code bufferIndex};
     * bytes from mapping offset {@code capturedTo} on are not in the capture.
     */
    void cover(int from, int to, ByteBuffer buffer, int bufferIndex, int capturedTo) {
        int cursor = from;
        for (int k = 0; k < count && cursor < to; k++) {
            if (ends[k] <= cursor) {
                continue;
            }
            if (starts[k] >= to) {
                break;
            }
            if (starts[k] > cursor) {
                add(cursor, starts[k], buffer, bufferIndex - from, capturedTo);
            }
            cursor = Math.max(cursor, ends[k]);
        }
        if (cursor < to) {
            add(cursor, to, buffer, bufferIndex - from, capturedTo);
        }
        merge(from, to);
    }

    boolean complete() {
        return dataBytes == 0 || (count == 1 && starts[0] == 0 && ends[0] == dataBytes);
    }

    /** Keeps the first reason the sum cannot be checked. */
    void miss(UnverifiedReason why) {
        if (missing == null) {
            missing = why;
        }
    }

    /** True when the pseudo-header, the mapped bytes and the checksum sum to 0xffff. */
    boolean sumMatches() {
        long total = sum + OnesComplement.pseudoHeader(dsn, subflowSeq, length) + checksum;
        return OnesComplement.fold(total) == 0xffff;
    }

    /**
     * The checksum the sender should have sent (RFC 8684 3.3.1): the ones' complement of the sum of
     * the pseudo-header (DSN, subflow sequence, data-level length, zero checksum) and the mapped bytes.
     */
    int expectedChecksum() {
        return ~OnesComplement.fold(sum + OnesComplement.pseudoHeader(dsn, subflowSeq, length)) & 0xffff;
    }

    /** Sums the gap [from, to); {@code base} is the buffer index of mapping offset 0. */
    private void add(int from, int to, ByteBuffer buffer, int base, int capturedTo) {
        int end = Math.min(to, capturedTo);
        if (end < to) {
            miss(UnverifiedReason.BYTES_CUT);
        }
        if (end > from) {
            int part = OnesComplement.sum(buffer, base + from, end - from);
            sum += (from & 1) == 0 ? part : OnesComplement.swap(part);
        }
    }

    private void merge(int from, int to) {
        int first = 0;
        while (first < count && ends[first] < from) {
            first++;
        }
        int last = first;
        int start = from;
        int end = to;
        while (last < count && starts[last] <= to) {
            start = Math.min(start, starts[last]);
            end = Math.max(end, ends[last]);
            last++;
        }
        int removed = last - first;
        if (removed == 0) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            System.arraycopy(starts, first, starts, first + 1, count - first);
            System.arraycopy(ends, first, ends, first + 1, count - first);
        } else if (removed > 1) {
            System.arraycopy(starts, last, starts, first + 1, count - last);
            System.arraycopy(ends, last, ends, first + 1, count - last);
        }
        starts[first] = start;
        ends[first] = end;
        count += 1 - removed;
    }
}
