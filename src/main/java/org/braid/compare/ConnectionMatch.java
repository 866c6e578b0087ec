package org.braid.compare;

import java.util.List;
import org.braid.model.MptcpConnection;

/**
 * One MPTCP connection seen in both captures.
 *
 * @param a          the connection in the first capture
 * @param b          the same connection in the second
 * @param matchedBy  what tied them: "keys", "tokens", "addresses" (same 4-tuples and TCP
 *                   sequence numbers) or "sequence numbers" (behind different addresses: NAT)
 * @param subflows   the first capture's subflows, each with its twin in the second when there is one
 */
public record ConnectionMatch(MptcpConnection a, MptcpConnection b, String matchedBy, List<SubflowMatch> subflows) {
    public ConnectionMatch {
        subflows = List.copyOf(subflows);
    }

    /**
     * One subflow of the first capture's connection.
     *
     * @param position   its position among the first capture's subflows of the connection
     * @param flowA      its TCP flow index in the first capture
     * @param positionB  the position of its twin in the second capture, or null when it has none
     * @param flowB      the twin's flow index, or null
     */
    public record SubflowMatch(int position, int flowA, Integer positionB, Integer flowB) {}
}
