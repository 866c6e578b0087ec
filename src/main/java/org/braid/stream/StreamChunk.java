package org.braid.stream;

/**
 * Bytes of the stream that one packet delivered first: {@code length} bytes from {@code start}.
 * The bytes stay in the trace; {@link FollowedStream#read} copies them out.
 *
 * @param packetNumber  1-based number of the packet that carried them first
 * @param flow          its TCP flow ({@code tcp.stream})
 * @param subflow       the position of that flow among the connection's subflows; -1 for a TCP stream
 * @param reinjected    some of these bytes were sent again on another subflow
 * @param retransmitted some were sent again on the same subflow with the same TCP sequence numbers
 * @param resent        some were sent again on the same subflow under new TCP sequence numbers
 */
public record StreamChunk(StreamSide side, long start, int length, long packetNumber, long timestampNanos, int flow,
        int subflow, boolean reinjected, boolean retransmitted, boolean resent, int segment, int skip)
        implements StreamItem {
    /** One past the last byte. */
    public long end() {
        return start + length;
    }
}
