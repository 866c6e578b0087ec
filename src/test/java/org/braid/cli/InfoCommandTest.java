package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code braid info --json} against Wireshark's packet and MPTCP option counts for every real trace. */
class InfoCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Traces.Expected> traces() {
        return Traces.allExpected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void countsAgreeWithWireshark(Traces.Expected expected) throws Exception {
        CliRunner.Result result = CliRunner.run("info", "--json", expected.trace().toString());
        assertThat(result.err()).isEmpty();
        JsonNode info = MAPPER.readTree(result.out());

        assertThat(info.get("packets").asLong()).isEqualTo(expected.json().get("packets").asLong());
        Map<String, Long> counted = new HashMap<>();
        info.get("mptcpOptions").fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) {
                counted.put(e.getKey(), e.getValue().asLong());
            }
        });
        Map<String, Long> wireshark = new HashMap<>();
        expected.json().get("option_counts").fields().forEachRemaining(e -> wireshark.put(e.getKey(), e.getValue().asLong()));
        assertThat(counted).isEqualTo(wireshark);
        assertThat(info.get("mptcpOptions").has("MP_TCPRST")).as("every subtype is listed, zero or not").isTrue();
        assertThat(info.get("tunnels").size()).as("only the VXLAN trace is tunnelled")
                .isEqualTo(expected.toString().startsWith("vxlan") ? 1 : 0);
    }

    /** Packets per tunnel protocol, as tshark 4.0 counts them with {@code -Y gtp}, {@code -Y pppoes} and {@code -Y mpls}. */
    @Test
    void tunnelsAreCountedByProtocol() throws Exception {
        CliRunner.Result result = CliRunner.run("info", "--json",
                Traces.sampleTrace("tunnels/hybrid-pppoe-gtpu-mpls.pcap").toString());
        JsonNode tunnels = MAPPER.readTree(result.out()).get("tunnels");
        assertThat(MAPPER.convertValue(tunnels, Map.class)).isEqualTo(Map.of("gtp", 177, "pppoes", 158, "mpls", 183));
        CliRunner.Result text = CliRunner.run("info", Traces.sampleTrace("vxlan-two-subflows.pcap").toString());
        assertThat(text.out()).contains("Tunnels:            vxlan 342 packets");
    }
}
