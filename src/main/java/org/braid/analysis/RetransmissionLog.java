package org.braid.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The TCP retransmissions of MPTCP subflows as growable primitive columns: a burst of them (a
 * dead path, a replayed trace) costs no object each; the records are made when the findings ask.
 */
final class RetransmissionLog {
    private int size;
    private int[] connection = new int[64];
    private int[] flow = new int[64];
    private byte[] direction = new byte[64];
    private long[] packet = new long[64];
    private long[] nanos = new long[64];
    private long[] sequence = new long[64];
    private long[] ackStalledNanos = new long[64];
    private long[] ackStalledPacket = new long[64];

    void add(int connectionIndex, int flowIndex, int flowDirection, long packetNumber, long time, long start,
            long stalledNanos, long stalledPacket) {
        if (size == flow.length) {
            int capacity = size * 2;
            connection = Arrays.copyOf(connection, capacity);
            flow = Arrays.copyOf(flow, capacity);
            direction = Arrays.copyOf(direction, capacity);
            packet = Arrays.copyOf(packet, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            sequence = Arrays.copyOf(sequence, capacity);
            ackStalledNanos = Arrays.copyOf(ackStalledNanos, capacity);
            ackStalledPacket = Arrays.copyOf(ackStalledPacket, capacity);
        }
        connection[size] = connectionIndex;
        flow[size] = flowIndex;
        direction[size] = (byte) flowDirection;
        packet[size] = packetNumber;
        nanos[size] = time;
        sequence[size] = start;
        ackStalledNanos[size] = stalledNanos;
        ackStalledPacket[size] = stalledPacket;
        size++;
    }

    List<PathObservations.Retransmission> records() {
        List<PathObservations.Retransmission> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new PathObservations.Retransmission(connection[i], flow[i], direction[i], packet[i], nanos[i],
                    sequence[i], ackStalledNanos[i], ackStalledPacket[i]));
        }
        return out;
    }
}
