package org.braid.model;

/**
 * A mapping whose DSS checksum failed, and what the peers did about it (RFC 8684 3.7): the
 * receiver's MP_FAIL, then a reset of the subflow or a fallback to plain TCP.
 *
 * @param dsn           64-bit DSN of the mapping
 * @param relativeDsn   the DSN relative to the sender's IDSN (or first DSN seen)
 * @param flow          the subflow (TCP flow index) that carried it
 * @param subflowSeq    relative subflow sequence number of its first byte
 * @param length        data-level length
 * @param checksum      the checksum the mapping carried
 * @param expectedChecksum the checksum computed over the pseudo-header and the mapped bytes, which it should have carried
 * @param firstPacket   1-based number of the packet that first carried the mapping
 * @param failedPacket  the packet whose bytes completed the mapping (where the sum was checked)
 * @param mpFailPacket  the MP_FAIL that followed (its DSN falls in the mapping, or the next one), or null
 * @param resetPacket   the reset of the failing subflow that followed, or null
 * @param resetReason   the MP_TCPRST reason code sent with that reset, or null
 * @param fallbackPacket the packet where the connection fell back after the failure, or null
 */
public record ChecksumFailure(long dsn, long relativeDsn, int flow, long subflowSeq, int length, int checksum,
        int expectedChecksum, long firstPacket,
        long failedPacket, Long mpFailPacket, Long resetPacket, Integer resetReason, Long fallbackPacket) {}
