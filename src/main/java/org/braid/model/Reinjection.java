package org.braid.model;

import java.util.List;

/**
 * A data segment whose data-level (DSN) bytes were already sent on another subflow of the same
 * connection and direction (RFC 8684 3.3.6).
 *
 * @param packet          1-based number of the reinjected segment
 * @param timeNanos       its capture time, nanoseconds since the epoch
 * @param fromClient      true for data sent by the connection's client
 * @param originalPackets 1-based numbers of the packets on other subflows that first sent the overlapped bytes, by DSN
 * @param fromFlow        flow index of the subflow of the first original packet
 * @param toFlow          flow index of the subflow the bytes were sent again on
 * @param dsn             relative DSN of the first overlapped byte
 * @param bytes           bytes of the segment that overlap data first sent on another subflow
 * @param delayNanos      time since the first original packet
 */
public record Reinjection(long packet, long timeNanos, boolean fromClient, List<Long> originalPackets, int fromFlow,
        int toFlow, long dsn, long bytes, long delayNanos) {
    public Reinjection {
        originalPackets = List.copyOf(originalPackets);
    }
}
