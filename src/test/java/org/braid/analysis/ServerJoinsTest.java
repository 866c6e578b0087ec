package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/**
 * server-joins.pcap (make-traces.sh server_joins): the client announces 198.51.100.1 port 10100
 * and the server's path manager joins it, so the MP_JOIN SYN goes from the connection's server to
 * its client, carrying the client's token. The join belongs to the connection, its HMACs verify
 * with the keys the other way round, and each end's bytes on it count for the right side.
 */
class ServerJoinsTest {
    @Test
    void aJoinFromTheServerIsASubflowOfTheConnection() throws IOException {
        MptcpConnection c = MptcpAnalyzer.analyze(Traces.sampleTrace("server-joins.pcap")).connections().get(0);
        assertThat(c.subflows()).hasSize(2);
        Subflow join = c.subflows().get(1);
        assertThat(join.join()).isTrue();
        assertThat(join.client().toString()).startsWith("198.51.100.2:");
        assertThat(join.server().toString()).isEqualTo("198.51.100.1:10100");
        assertThat(c.hmacVerified()).isEqualTo(2);
        assertThat(c.hmacFailed()).isZero();
        assertThat(c.data().client().uniqueBytes()).isEqualTo(200_000);
        assertThat(c.data().server().uniqueBytes()).isEqualTo(200_000);
        long clientSent = c.subflows().get(0).data().client().payloadBytes() + join.data().server().payloadBytes();
        assertThat(clientSent).as("the connection's client sent on the join as its subflow server").isEqualTo(200_000);
    }
}
