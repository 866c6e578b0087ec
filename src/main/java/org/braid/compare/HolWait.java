package org.braid.compare;

/**
 * A byte range that reached the receiver above the next expected DSN and waited for the gap below it.
 *
 * @param connection       the connection's index in the first capture
 * @param fromClient       true for data the connection's client sent
 * @param inA              true when measured in the first capture (the receiver's side)
 * @param dsn              relative DSN of its first byte (receiver's capture)
 * @param bytes            its length
 * @param subflow          the subflow it arrived on (position in the first capture's connection), or null
 * @param blockingSubflow  the subflow that held the gap: the one the missing data was first sent on (for a gap
 *                         filled by a reinjection, its original's subflow); null when the gap never filled
 * @param filledBySubflow  the subflow of the packet that filled the gap, or null
 * @param packet           1-based number of the packet that brought it
 * @param releasePacket    1-based number of the packet that filled the gap, or null
 * @param arrivalNanos     when it arrived (receiver's clock)
 * @param waitNanos        how long it waited, or null when the gap never filled in the capture
 */
public record HolWait(int connection, boolean fromClient, boolean inA, long dsn, long bytes, Integer subflow,
        Integer blockingSubflow, Integer filledBySubflow, long packet, Long releasePacket, long arrivalNanos, Long waitNanos) {}
