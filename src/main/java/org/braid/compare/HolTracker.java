package org.braid.compare;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Head-of-line blocking of one connection and data direction at the receiver's capture point:
 * data above the next expected DSN waits until a packet fills the gap below it.
 */
final class HolTracker {
    private record Pending(long dsn, long end, long arrival, int packet, Integer subflow) {}

    private final int connection;
    private final boolean fromClient;
    private final boolean inA;
    private final List<HolWait> out;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private boolean started;
    private long expected;
    private long blockedSince;
    private long blockedNanos;
    private long firstData;
    private long lastData;

    /** {@code firstExpected}: the first DSN the receiver waits for (1 with the IDSN known), or null to take the first seen. */
    HolTracker(int connection, boolean fromClient, boolean inA, Long firstExpected, List<HolWait> out) {
        this.connection = connection;
        this.fromClient = fromClient;
        this.inA = inA;
        this.out = out;
        if (firstExpected != null) {
            expected = firstExpected;
            started = true;
        }
    }

    /**
     * A data packet reached the receiver on {@code subflow}; {@code firstSentOn} is the subflow its
     * data was first sent on (another one for a reinjection).
     */
    void onData(int packet, long dsn, int length, long time, Integer subflow, Integer firstSentOn) {
        if (firstData == 0) {
            firstData = time;
        }
        lastData = time;
        if (!started) {
            expected = dsn;
            started = true;
        }
        long end = dsn + length;
        if (end <= expected) {
            return; // already delivered: a duplicate
        }
        if (dsn > expected) {
            if (pending.isEmpty()) {
                blockedSince = time;
            }
            pending.putIfAbsent(dsn, new Pending(dsn, end, time, packet, subflow));
            return;
        }
        expected = end;
        while (!pending.isEmpty() && pending.firstKey() <= expected) {
            Pending p = pending.pollFirstEntry().getValue();
            expected = Math.max(expected, p.end);
            out.add(new HolWait(connection, fromClient, inA, p.dsn, p.end - p.dsn, p.subflow, firstSentOn, subflow,
                    p.packet + 1L, packet + 1L, p.arrival, time - p.arrival));
        }
        if (pending.isEmpty() && blockedSince != 0) {
            blockedNanos += time - blockedSince;
            blockedSince = 0;
        }
    }

    /** The capture ended: what still waits never saw its gap filled. */
    void finish() {
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            out.add(new HolWait(connection, fromClient, inA, p.dsn, p.end - p.dsn, p.subflow, null, null,
                    p.packet + 1L, null, p.arrival, null));
        }
        if (blockedSince != 0) {
            blockedNanos += lastData - blockedSince;
        }
    }

    long blockedNanos() { return blockedNanos; }

    long dataNanos() { return lastData - firstData; }
}
