package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connections, subflows and tokens of every real trace against Wireshark's (expected-tshark.json).
 * Wireshark counts connections whose MP_CAPABLE SYN is in the trace and lists the tokens it derives
 * from keys; we compare connections with a handshake and tokens from keys the same way.
 */
class PublicTracesAnalysisTest {
    static Stream<Traces.Expected> traces() {
        return Traces.allExpected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void connectionsSubflowsAndTokensAgreeWithWireshark(Traces.Expected expected) {
        AnalysisResult result = Analysis.of(expected.trace());
        List<MptcpConnection> withHandshake = result.connections().stream().filter(MptcpConnection::handshake).toList();

        assertThat(result.packets()).isEqualTo(expected.json().get("packets").asLong());
        assertThat(withHandshake).hasSize(expected.json().get("mptcp_connections").asInt());

        List<Integer> subflows = new ArrayList<>(withHandshake.stream().map(c -> c.subflows().size()).sorted().toList());
        List<Integer> wiresharkSubflows = new ArrayList<>();
        expected.json().get("subflows_per_connection").forEach(n -> wiresharkSubflows.add(n.asInt()));
        wiresharkSubflows.sort(null);
        assertThat(subflows).isEqualTo(wiresharkSubflows);

        Set<Long> tokens = new TreeSet<>();
        for (MptcpConnection c : result.connections()) {
            if (c.clientKey() != null) {
                tokens.add(c.clientToken());
            }
            if (c.serverKey() != null) {
                tokens.add(c.serverToken());
            }
        }
        Set<Long> wiresharkTokens = new TreeSet<>();
        expected.json().get("tokens").forEach(t -> wiresharkTokens.add(Long.parseLong(t.asText())));
        assertThat(tokens).isEqualTo(wiresharkTokens);
    }
}
