package org.braid.stream;

import org.braid.model.column.ByteColumn;
import org.braid.model.column.IntColumn;
import org.braid.model.column.LongColumn;

/**
 * The data segments of the followed stream as chunked primitive columns (53 bytes a segment):
 * where each one's payload lies in the file and where it belongs in the stream. No payload
 * byte is kept; {@link FollowedStream} reads them back from the file by offset.
 */
final class SegmentLog {
    /** Value of {@link #relativeDsn} when the analysis knows no DSN for the segment. */
    static final long NO_POSITION = Long.MIN_VALUE;

    private int size;
    private final IntColumn packetIndex = new IntColumn(0);
    private final LongColumn fileOffset = new LongColumn(0);
    private final LongColumn timestamp = new LongColumn(0);
    private final IntColumn payloadOffset = new IntColumn(0);
    private final IntColumn capturedPayload = new IntColumn(0);
    private final IntColumn wirePayload = new IntColumn(0);
    private final LongColumn relativeDsn = new LongColumn(NO_POSITION);
    private final LongColumn tcpPosition = new LongColumn(0);
    private final IntColumn flow = new IntColumn(0);
    private final ByteColumn fromFirstSender = new ByteColumn((byte) 0);

    void add(int packet, long offset, long nanos, int payloadAt, int captured, int wire, long dsn,
             long tcp, int flowIndex, boolean firstSender) {
        packetIndex.set(size, packet);
        fileOffset.set(size, offset);
        timestamp.set(size, nanos);
        payloadOffset.set(size, payloadAt);
        capturedPayload.set(size, captured);
        wirePayload.set(size, wire);
        relativeDsn.set(size, dsn);
        tcpPosition.set(size, tcp);
        flow.set(size, flowIndex);
        fromFirstSender.set(size, firstSender ? (byte) 1 : 0);
        size++;
    }

    int size() { return size; }
    /** 0-based packet index (packet number - 1). */
    int packetIndex(int s) { return packetIndex.get(s); }
    long fileOffset(int s) { return fileOffset.get(s); }
    long timestamp(int s) { return timestamp.get(s); }
    /** The frame's bytes up to the end of the captured payload: all a read of the payload needs. */
    int frameLength(int s) { return payloadOffset.get(s) + capturedPayload.get(s); }
    /** Where the TCP payload starts in the frame. */
    int payloadOffset(int s) { return payloadOffset.get(s); }
    int capturedPayload(int s) { return capturedPayload.get(s); }
    int wirePayload(int s) { return wirePayload.get(s); }
    /** The analysis's relative DSN of the first payload byte, or {@link #NO_POSITION}. */
    long relativeDsn(int s) { return relativeDsn.get(s); }
    /** Offset of the first payload byte in its subflow's byte stream (0 = first byte after the SYN). */
    long tcpPosition(int s) { return tcpPosition.get(s); }
    int flow(int s) { return flow.get(s); }
    /** True when the end that sent the flow's first captured packet sent this segment. */
    boolean fromFirstSender(int s) { return fromFirstSender.get(s) != 0; }
}
