package org.braid.model;

/**
 * A zero-window period of one connection direction: from a zero receive window advertised with a
 * DATA_ACK until the next advertisement, on any subflow of that direction, with a window above zero.
 *
 * @param flow        index of the TCP flow of the subflow that advertised the zero window
 * @param startNanos  capture time of the first zero-window advertisement
 * @param startPacket 1-based packet number of that advertisement
 * @param endNanos    capture time of the advertisement that reopened the window, or of the
 *                    connection's last packet when it never reopened
 * @param endPacket   1-based packet number of the reopening advertisement, or null when the window
 *                    was still zero at the end of the trace
 */
public record WindowPeriod(int flow, long startNanos, long startPacket, long endNanos, Long endPacket) {
    public long durationNanos() {
        return endNanos - startNanos;
    }

    public boolean reopened() {
        return endPacket != null;
    }
}
