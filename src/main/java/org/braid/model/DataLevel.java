package org.braid.model;

import java.util.List;

/**
 * The data level of a connection: unique bytes and goodput each way, and the reinjections.
 *
 * @param client            data sent by the connection's client
 * @param server            data sent by the connection's server
 * @param reinjectedPackets segments that carried bytes first sent on another subflow
 * @param reinjectedBytes   the bytes they carried again (only the overlapping bytes, each time)
 * @param reinjections      every reinjection, in packet order
 * @param resentPackets     segments that sent data again on the subflow that had sent it, with new
 *                          subflow sequence numbers (MPTCP-level resends, not TCP retransmissions)
 * @param resentBytes       the bytes they carried again
 * @param resends           every resend, in packet order; original and resend are on the same subflow
 * @param captureLostBytes  subflow bytes the receivers acknowledged that the capture never saw
 */
public record DataLevel(DataDirection client, DataDirection server, long reinjectedPackets, long reinjectedBytes,
        List<Reinjection> reinjections, long resentPackets, long resentBytes, List<Reinjection> resends,
        long captureLostBytes) {
    public DataLevel {
        reinjections = List.copyOf(reinjections);
        resends = List.copyOf(resends);
    }
}
