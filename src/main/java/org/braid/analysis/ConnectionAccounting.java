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
    /** Capture-loss events listed on the timeline per connection; the rest are counted. */
    static final int LISTED_EVENTS = 20;

    final List<Reinjection> reinjections = new ArrayList<>();
    long reinjectedBytes;
    /** Same-subflow resends (see {@link DataTracker}): the original is on the same subflow. */
    final List<Reinjection> resends = new ArrayList<>();
    long resentBytes;
    long captureLostBytes;
    int captureLossEvents;

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

    void resent(Reinjection resend) {
        resends.add(resend);
        resentBytes += resend.bytes();
    }

    void dataAt(int side, long nanos) {
        if (!dataSeen[side]) {
            dataSeen[side] = true;
            firstDataNanos[side] = nanos;
        }
        lastDataNanos[side] = nanos;
    }

    DataLevel toModel(ConnectionState connection) {
        return new DataLevel(direction(connection, 0), direction(connection, 1), reinjections.size(), reinjectedBytes,
                reinjections, resends.size(), resentBytes, resends, captureLostBytes);
    }

    private DataDirection direction(ConnectionState connection, int side) {
        long unique = sent[side] == null ? 0 : sent[side].uniqueBytes();
        Long acknowledged = connection.side(side).acknowledgedBytes();
        long synData = fastOpenData(connection, side);
        return dataSeen[side] ? new DataDirection(unique, firstDataNanos[side], lastDataNanos[side], acknowledged, synData)
                : new DataDirection(unique, null, null, acknowledged, synData);
    }

    /** The accepted payload of the side's SYN or SYN/ACK on the initial subflow: TCP Fast Open data. */
    private static long fastOpenData(ConnectionState connection, int side) {
        for (Flow flow : connection.subflows) {
            if (!flow.join) {
                for (int direction = 0; direction < 2; direction++) {
                    if (flow.dataDirection(direction) == side && flow.fastOpenData[direction] > 0) {
                        return flow.fastOpenData[direction];
                    }
                }
                return 0;
            }
        }
        return 0;
    }
}
