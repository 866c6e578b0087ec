package org.braid.stream;

import java.util.Arrays;

/**
 * The data segments of the followed stream as growable primitive columns (53 bytes a segment):
 * where each one's payload lies in the file and where it belongs in the stream. No payload
 * byte is kept; {@link FollowedStream} reads them back from the file by offset.
 */
final class SegmentLog {
    /** Value of {@link #relativeDsn} when the analysis knows no DSN for the segment. */
    static final long NO_POSITION = Long.MIN_VALUE;

    private int size;
    private int[] packetIndex = new int[64];
    private long[] fileOffset = new long[64];
    private long[] timestamp = new long[64];
    private int[] payloadOffset = new int[64];
    private int[] capturedPayload = new int[64];
    private int[] wirePayload = new int[64];
    private long[] relativeDsn = new long[64];
    private long[] tcpPosition = new long[64];
    private int[] flow = new int[64];
    private boolean[] fromFirstSender = new boolean[64];

    void add(int packet, long offset, long nanos, int payloadAt, int captured, int wire, long dsn,
             long tcp, int flowIndex, boolean firstSender) {
        if (size == packetIndex.length) {
            int capacity = size + (size >> 1);
            packetIndex = Arrays.copyOf(packetIndex, capacity);
            fileOffset = Arrays.copyOf(fileOffset, capacity);
            timestamp = Arrays.copyOf(timestamp, capacity);
            payloadOffset = Arrays.copyOf(payloadOffset, capacity);
            capturedPayload = Arrays.copyOf(capturedPayload, capacity);
            wirePayload = Arrays.copyOf(wirePayload, capacity);
            relativeDsn = Arrays.copyOf(relativeDsn, capacity);
            tcpPosition = Arrays.copyOf(tcpPosition, capacity);
            flow = Arrays.copyOf(flow, capacity);
            fromFirstSender = Arrays.copyOf(fromFirstSender, capacity);
        }
        packetIndex[size] = packet;
        fileOffset[size] = offset;
        timestamp[size] = nanos;
        payloadOffset[size] = payloadAt;
        capturedPayload[size] = captured;
        wirePayload[size] = wire;
        relativeDsn[size] = dsn;
        tcpPosition[size] = tcp;
        flow[size] = flowIndex;
        fromFirstSender[size] = firstSender;
        size++;
    }

    int size() { return size; }
    /** 0-based packet index (packet number - 1). */
    int packetIndex(int s) { return packetIndex[s]; }
    long fileOffset(int s) { return fileOffset[s]; }
    long timestamp(int s) { return timestamp[s]; }
    /** The frame's bytes up to the end of the captured payload: all a read of the payload needs. */
    int frameLength(int s) { return payloadOffset[s] + capturedPayload[s]; }
    /** Where the TCP payload starts in the frame. */
    int payloadOffset(int s) { return payloadOffset[s]; }
    int capturedPayload(int s) { return capturedPayload[s]; }
    int wirePayload(int s) { return wirePayload[s]; }
    /** The analysis's relative DSN of the first payload byte, or {@link #NO_POSITION}. */
    long relativeDsn(int s) { return relativeDsn[s]; }
    /** Offset of the first payload byte in its subflow's byte stream (0 = first byte after the SYN). */
    long tcpPosition(int s) { return tcpPosition[s]; }
    int flow(int s) { return flow[s]; }
    /** True when the end that sent the flow's first captured packet sent this segment. */
    boolean fromFirstSender(int s) { return fromFirstSender[s]; }
}
