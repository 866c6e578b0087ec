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
 */
public record DataLevel(DataDirection client, DataDirection server, long reinjectedPackets, long reinjectedBytes,
        List<Reinjection> reinjections) {
    public DataLevel {
        reinjections = List.copyOf(reinjections);
    }
}
