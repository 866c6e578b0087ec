package org.braid.model;

/**
 * The data-level transfer in one direction of a connection.
 *
 * @param uniqueBytes bytes of distinct DSNs sent (the union of the DSN ranges: without TCP
 *                    retransmissions and reinjections)
 * @param firstNanos  capture time of the first data segment, or null when none
 * @param lastNanos   capture time of the last data segment, or null when none
 * @param acknowledgedBytes data-level bytes the receiver acknowledged (DATA_ACK) while the capture ran,
 *                    from the IDSN when the key is known, else from the first DATA_ACK seen; a DATA_FIN
 *                    is not counted. DATA_ACK proves delivery even of bytes the capture missed. Null
 *                    without a 64-bit DATA_ACK.
 * @param synDataBytes bytes the side's SYN or SYN/ACK on the initial subflow carried (TCP Fast
 *                    Open): RFC 8684 B.3 puts them before the data sequence space, so they are not
 *                    in {@code uniqueBytes}; the application's stream starts with them
 */
public record DataDirection(long uniqueBytes, Long firstNanos, Long lastNanos, Long acknowledgedBytes,
        long synDataBytes) {
    /** From the first to the last data segment, in nanoseconds; 0 without data. */
    public long durationNanos() {
        return firstNanos == null ? 0 : lastNanos - firstNanos;
    }

    /** Unique bytes per second over {@link #durationNanos()}, in bits per second; null when that is 0. */
    public Double goodputBitsPerSecond() {
        long nanos = durationNanos();
        return nanos <= 0 ? null : uniqueBytes * 8e9 / nanos;
    }
}
