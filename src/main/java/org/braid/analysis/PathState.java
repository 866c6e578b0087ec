package org.braid.analysis;

/**
 * The {@link PathTracker}'s state, one object per subflow and per connection, so a packet touches
 * a few fields of two objects rather than a dozen arrays. Allocated once per flow or connection.
 */
final class PathState {
    private PathState() {}

    /** One direction of a subflow: its sequence space, acknowledgements and timed segments. */
    static final class Space {
        boolean started;
        /** The end of the highest sequence sent (unwrapped). */
        long highest;
        boolean ackKnown;
        long highestAck;
        long ackAdvancedNanos;
        long ackAdvancedPacket;
        long lastFlight;
        /** New segments being timed for RTT samples, oldest at the head (a ring). */
        long[] timedEnd;
        long[] timedNanos;
        int timedHead;
        int timedSize;
    }

    /** A subflow: both sequence spaces and what the findings need. */
    static final class Subflow {
        final Space[] spaces = {new Space(), new Space()};
        long lastNewDataNanos;
        long lastNewDataPacket;
        /** The connection's new-data bytes when this subflow last sent new data. */
        long connectionBytesAtLast;
        long lastPacketNanos;
        boolean handshakeSampled;
        PathTracker.BackupUseState backupUse;
        PathTracker.RemovalState removal;
    }

    /** One data direction of a connection: the DATA_ACK hold and the recent DSN ranges by sender. */
    static final class DataDirection {
        boolean ackKnown;
        long dataAck;
        long ackNanos;
        long ackPacket;
        int holderFlow = -1;
        long bytesAbove;
        long firstAbovePacket;
        /** Made at the direction's first data. */
        DsnSenders senders;
    }

    /** A connection: its new-data bytes, what the capture lacks, and its two data directions. */
    static final class Connection {
        /** The analysis's own state of the connection. */
        final ConnectionState model;
        final DataDirection[] directions = {new DataDirection(), new DataDirection()};
        long bytes;
        long lastDataNanos;
        long cutPackets;
        LongList cutEvidence;
        long lostBytes;
        LongList lossEvidence;

        Connection(ConnectionState model) {
            this.model = model;
        }
    }
}
