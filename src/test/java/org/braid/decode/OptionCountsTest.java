package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MPTCP option counts by subtype for every public pcap trace equal Wireshark's. */
class OptionCountsTest {
    static Stream<String> pcapTraces() {
        return Traces.pcapNames().stream();
    }

    @ParameterizedTest
    @MethodSource("pcapTraces")
    void optionCountsMatchTshark(String trace) throws IOException {
        JsonNode expected = expectedFor(trace);
        Map<String, Integer> counts = new TreeMap<>();
        int packets = Traces.forEach(trace, (frame, packet) -> {
            for (int i = 0; i < packet.mptcpOptionCount(); i++) {
                counts.merge(packet.mptcpOption(i).subtype().name(), 1, Integer::sum);
            }
        });
        Map<String, Integer> want = new TreeMap<>();
        expected.get("option_counts").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asInt()));
        assertThat(packets).isEqualTo(expected.get("packets").asInt());
        assertThat(counts).isEqualTo(want);
    }

    private static JsonNode expectedFor(String trace) throws IOException {
        JsonNode all = new ObjectMapper().readTree(Traces.dir().resolve("expected-tshark.json").toFile());
        for (JsonNode node : all) {
            if (node.get("trace").asText().equals(trace)) {
                return node;
            }
        }
        throw new AssertionError("no expectations for " + trace);
    }
}
