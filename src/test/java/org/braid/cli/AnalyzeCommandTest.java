package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** {@code braid analyze}: the JSON names scripts rely on, and the text summary. */
class AnalyzeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode analyzeJson(String trace) throws Exception {
        CliRunner.Result result = CliRunner.run("analyze", "--json", Traces.publicTrace(trace).toString());
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return MAPPER.readTree(result.out());
    }

    @Test
    void jsonHasThePublicNames() throws Exception {
        JsonNode doc = analyzeJson("tcpdump-mptcp-v0.pcap");
        assertThat(doc.get("packets").isNumber()).isTrue();
        assertThat(doc.get("tcpConnections").isArray()).isTrue();
        assertThat(doc.get("warnings").isArray()).isTrue();
        assertThat(doc.get("connections")).hasSize(1);
        JsonNode c = doc.get("connections").get(0);
        assertThat(c.get("version").asInt()).isZero();
        assertThat(c.get("handshake").asBoolean()).isTrue();
        assertThat(c.get("clientToken").asText()).isEqualTo(String.format(Locale.ROOT, "%08x", 2945910507L));
        assertThat(c.get("serverToken").asText()).isEqualTo(String.format(Locale.ROOT, "%08x", 3833528642L));
        assertThat(c.get("clientKey").asText()).isEqualTo(Long.toHexString(Long.parseUnsignedLong("11285646634205721522")));
        assertThat(c.get("serverKey").asText()).matches("[0-9a-f]{16}");
        assertThat(c.get("checksum").get("negotiated").isBoolean()).isTrue();
        assertThat(c.get("firstTime").asText()).startsWith("20");
        assertThat(c.get("hmac").get("verified").asInt()).isEqualTo(2);
        assertThat(c.get("events").isArray()).isTrue();
        assertThat(c.get("events").get(0).get("type").asText()).isEqualTo("MP_CAPABLE");
        assertThat(c.get("events").get(0).get("packet").asLong()).isEqualTo(2);
        assertThat(c.get("events").get(0).has("time")).isTrue();
        JsonNode subflows = c.get("subflows");
        assertThat(subflows).hasSize(2);
        for (JsonNode s : subflows) {
            assertThat(s.get("client").asText()).matches(".+:\\d+");
            assertThat(s.get("server").asText()).matches(".+:\\d+");
            assertThat(s.get("join").isBoolean()).isTrue();
            assertThat(s.get("backup").isBoolean()).isTrue();
            assertThat(s.get("packets").asLong()).isPositive();
            assertThat(s.get("end").asText()).isIn("fin", "half_closed", "rst", "open");
        }
        assertThat(subflows.get(0).get("join").asBoolean()).isFalse();
        assertThat(subflows.get(1).get("join").asBoolean()).isTrue();
    }

    @Test
    void unknownValuesAreNullAndIpv6EndpointsAreBracketed() throws Exception {
        JsonNode doc = analyzeJson("dpi-mptcp-flood.pcap");
        JsonNode c = doc.get("connections").get(0);
        assertThat(c.get("handshake").asBoolean()).isFalse();
        assertThat(c.get("version").isNull()).isTrue();
        assertThat(c.get("clientToken").isNull()).isTrue();
        assertThat(c.get("clientKey").isNull()).isTrue();
        assertThat(c.get("checksum").get("negotiated").isNull()).isTrue();
        assertThat(c.get("serverToken").asText()).isEqualTo("d6ef0a17");
        assertThat(c.get("subflows").get(0).get("server").asText()).isEqualTo("[2604:a880:800:10::74:c001]:80");
    }

    @Test
    void refusedMptcpIsATcpConnectionWithItsReason() throws Exception {
        JsonNode doc = analyzeJson("dpi-mptcp-mp_rejected.pcap");
        assertThat(doc.get("connections")).isEmpty();
        assertThat(doc.get("tcpConnections").get(0).get("mptcpRefused").asText()).contains("SYN/ACK without MP_CAPABLE");
    }

    @Test
    void textHasABlockPerConnectionWithItsSubflows() {
        CliRunner.Result result = CliRunner.run("analyze", Traces.publicTrace("dpi-mptcp-mp_capable.pcapng").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("MPTCP connection 0:").contains("MPTCP connection 1:")
                .contains("tokens  client 304c27fa  server d6ef0a17")
                .contains("MP_JOIN HMACs 4 verified, 0 failed")
                .contains("TCP connections:");
        assertThat(result.out().lines().filter(l -> l.startsWith("  subflow "))).hasSize(8);
    }

    @Test
    void warningsGiveTheWarningExitCode() {
        CliRunner.Result result = CliRunner.run("analyze", Traces.publicTrace("dpi-mptcp-mp_key_change.pcap").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(result.out()).contains("key changed");
    }
}
