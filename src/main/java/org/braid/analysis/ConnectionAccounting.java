package org.braid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.DataDirection;
import org.braid.model.DataLevel;
import org.braid.model.Reinjection;

/** Data-level accounting of one connection, per data direction (side). Filled by {@link DataTracker}. */
final class ConnectionAccounting {
    private final SentRanges[] sent = new SentRanges[2];
    final long[] firstDataNanos = new long[2];
    final long[] lastDataNanos = new long[2];
    final boolean[] dataSeen = new boolean[2];
    final List<Reinjection> reinjections = new ArrayList<>();
    long reinjectedBytes;

    /** The DSN ranges of data direction {@code side}, made on first use. */
    SentRanges sent(int side) {
        if (sent[side] == null) {
            sent[side] = new SentRanges();
        }
        return sent[side];
    }

    /** Drops the DSN range logs of both directions: no subflow is left to send on. */
    void release() {
        for (SentRanges ranges : sent) {
            if (ranges != null) {
                ranges.release();
            }
        }
    }

    void reinjected(Reinjection reinjection) {
        reinjections.add(reinjection);
        reinjectedBytes += reinjection.bytes();
    }

    void dataAt(int side, long nanos) {
        if (!dataSeen[side]) {
            dataSeen[side] = true;
            firstDataNanos[side] = nanos;
        }
        lastDataNanos[side] = nanos;
    }

    DataLevel toModel() {
        return new DataLevel(direction(0), direction(1), reinjections.size(), reinjectedBytes, reinjections);
    }

    private DataDirection direction(int side) {
        long unique = sent[side] == null ? 0 : sent[side].uniqueBytes();
        return dataSeen[side] ? new DataDirection(unique, firstDataNanos[side], lastDataNanos[side])
                : new DataDirection(unique, null, null);
    }
}
