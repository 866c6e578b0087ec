package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The {@code window} section of {@code braid analyze --json} (public names) and its text lines. */
class AnalyzeWindowTest {
    @Test
    void jsonNamesTheDirectionsAfterTheDataSender() throws Exception {
        CliRunner.Result result = CliRunner.run("analyze", "--json", Traces.sampleTrace("zero-window.pcap").toString());
        assertThat(result.exitCode()).isZero();
        JsonNode window = new ObjectMapper().readTree(result.out()).get("connections").get(0).get("window");
        JsonNode client = window.get("client");
        assertThat(client.get("advertisedBy").asText()).isEqualTo("server");
        assertThat(window.get("server").get("advertisedBy").asText()).isEqualTo("client");
        assertThat(client.get("advertisements").asLong()).isPositive();
        assertThat(client.get("maxRightEdge").asLong()).isGreaterThanOrEqualTo(client.get("highestSent").asLong());
        // 600,000 bytes from DSN 1, then the DATA_FIN, which takes one more DSN and is acknowledged too.
        assertThat(client.get("highestSent").asLong()).isEqualTo(600_001);
        assertThat(client.get("highestDataAck").asLong()).isEqualTo(600_002);
        assertThat(client.get("belowMaxEdge").isNumber()).isTrue();
        assertThat(client.get("shrinks").isNumber()).isTrue();
        assertThat(client.get("beyondWindow").get("checked").asBoolean()).isTrue();
        assertThat(client.get("beyondWindow").get("packets").asLong()).isZero();
        assertThat(client.get("beyondWindow").get("bytes").asLong()).isZero();
        JsonNode zero = client.get("zeroWindow");
        assertThat(zero.get("packets").asLong()).isEqualTo(2);
        assertThat(zero.get("periods").asLong()).isEqualTo(1);
        // Packets 149 (window 0) to 152 (window 81,920): tshark -r zero-window.pcap -Y tcp.analysis.zero_window
        // lists 149 first, and frame.time_epoch gives 1795730822.657865 - 1795730822.262107 = 0.395758 s.
        assertThat(zero.get("seconds").asDouble()).isEqualTo(0.395758);
        JsonNode period = zero.get("list").get(0);
        assertThat(period.get("subflow").asInt()).isZero();
        assertThat(period.get("startPacket").asLong()).isEqualTo(149);
        assertThat(period.get("endPacket").asLong()).isEqualTo(152);
        assertThat(period.get("start").asText()).endsWith("Z");
        assertThat(period.get("end").asText()).endsWith("Z");
        assertThat(period.get("seconds").asDouble()).isEqualTo(0.395758);
        assertThat(client.get("windowLimitedSeconds").asDouble()).isPositive();
        assertThat(client.get("disagreements").asLong()).isZero();
        assertThat(client.get("subflows")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("scaleKnown").asBoolean()).isTrue();
            assertThat(s.get("scaleShift").asInt()).isEqualTo(10);
            assertThat(s.get("advertisements").asLong()).isPositive();
            assertThat(s.get("unscaledAdvertisements").asLong()).isZero();
            assertThat(s.get("lastRightEdge").isNumber()).isTrue();
        });
        assertThat(client.get("subflows").get(1).get("subflow").asInt()).isEqualTo(1);
    }

    /**
     * The shape of the lines; their figures (max edges 87,498 and 88,886, frozen from Braid's own run)
     * are in the golden file golden/mptcpanalyzer_client_2.pcap/analyze.txt, regenerated and reviewed
     * with GoldenFilesTest.
     */
    @Test
    void textHasOneLinePerDirectionAndNamesUnknownScales() {
        CliRunner.Result result = CliRunner.run("analyze", Traces.publicTrace("mptcpanalyzer_client_2.pcap").toString());
        assertThat(result.out()).containsPattern("\\n  window client -> server: max edge [0-9,]+, 0 beyond, zero window 0");
        assertThat(result.out()).containsPattern("\\n  window server -> client: max edge [0-9,]+, 0 beyond \\(not checked\\), "
                + "zero window 0 \\(0\\.000000 s\\), limited unknown");
        assertThat(result.out()).contains("scale unknown on subflow 1, 3");
    }
}
