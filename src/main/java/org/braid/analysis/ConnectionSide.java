package org.braid.analysis;

/**
 * One end of an MPTCP connection during the pass: its key and what follows from it (token, IDSN),
 * and the data-sequence space of the data it sends. A value is meaningful only when its
 * {@code *Known} flag is set: the capture may lack the packet that carries it.
 */
final class ConnectionSide {
    long key;
    boolean keyKnown;
    long token;
    boolean tokenKnown;
    /** The initial data sequence number, from the key. */
    long idsn;

    /** The last 64-bit DSN this side sent: the reference to expand its next 4-byte DSN. */
    long lastDsn;
    boolean lastDsnKnown;
    /** The base of this side's relative DSNs: the IDSN, or the first 64-bit DSN seen without the key. */
    long dsnBase;
    boolean dsnBaseKnown;
    boolean baseFromFirstDsn;
    /** The last DATA_ACK this side sent, 64 bits: it acknowledges the other side's data. */
    long lastDataAckSent;
    boolean lastDataAckSentKnown;
    boolean dataFinSeen;
    /** DATA_ACKs of this side's data (sent by the other side): the first and the highest, 64 bits. */
    long firstAckOfData;
    long highestAckOfData;
    boolean ackOfDataKnown;

    /** Records a 64-bit DSN this side sent; the first one is the base of relative DSNs until the key is known. */
    void dsnSent(long dsn) {
        lastDsn = dsn;
        lastDsnKnown = true;
        if (!dsnBaseKnown) {
            dsnBase = dsn;
            dsnBaseKnown = true;
            baseFromFirstDsn = true;
        }
    }

    void dataAckSent(long dataAck) {
        lastDataAckSent = dataAck;
        lastDataAckSentKnown = true;
    }

    /** A 64-bit DATA_ACK of this side's data. */
    void dataAcknowledged(long dataAck) {
        if (!ackOfDataKnown) {
            firstAckOfData = dataAck;
            highestAckOfData = dataAck;
            ackOfDataKnown = true;
        } else if (dataAck - highestAckOfData > 0) {
            highestAckOfData = dataAck;
        }
    }

    /**
     * Data-level bytes acknowledged while the capture ran: from IDSN + 1 when the key is known, else
     * from the first DATA_ACK seen; the DATA_FIN's unit is not data. Null without a DATA_ACK.
     */
    Long acknowledgedBytes() {
        if (!ackOfDataKnown) {
            return null;
        }
        long from = keyKnown ? idsn + 1 : firstAckOfData;
        long bytes = highestAckOfData - from - (dataFinSeen && highestAckOfData - lastDsn > 0 ? 1 : 0);
        return Math.max(0, bytes);
    }

    void setToken(long value) {
        if (!tokenKnown) {
            token = value;
            tokenKnown = true;
        }
    }
}
