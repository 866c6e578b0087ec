package org.braid.analysis;

/** A failed mapping during the pass, and what followed it so far (1-based packet numbers, 0 = not yet). */
final class ChecksumFailureLink {
    final int row;
    final int flow;
    final long failedPacket;
    long mpFailPacket;
    long resetPacket;
    int resetReason = Flow.NONE;
    long fallbackPacket;

    ChecksumFailureLink(int row, int flow, long failedPacket) {
        this.row = row;
        this.flow = flow;
        this.failedPacket = failedPacket;
    }
}
