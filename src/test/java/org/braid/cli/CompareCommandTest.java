package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static String pair(String end) {
        return Traces.sampleTrace("pairs/path-loss-" + end + ".pcap").toString();
    }

    @Test
    void summaryNamesTheClockTheLossesAndTheBlocking() {
        CliRunner.Result r = CliRunner.run("compare", pair("client"), pair("server"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("matched by keys").contains("clock: B = A").contains("lost in the network: 9 from client")
                .contains("head-of-line:");
    }

    @Test
    void jsonAndCsvFiles(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("compare", "--json", "--out", dir.toString(), pair("client"), pair("server"));
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("connections")).hasSize(1);
        JsonNode connection = doc.path("connections").get(0);
        assertThat(connection.path("clientSide").asText()).isEqualTo("a");
        long network = 0;
        for (JsonNode s : connection.path("subflows")) {
            network += s.path("losses").path("networkClient").asLong();
        }
        assertThat(network).isEqualTo(9);
        assertThat(doc.path("clock").path("offsetUncertaintySeconds").asDouble()).isLessThan(1e-4);
        for (String file : new String[] {"owd.csv", "losses.csv", "reinjections.csv", "hol.csv"}) {
            assertThat(dir.resolve(file)).exists();
        }
        assertThat(Files.readAllLines(dir.resolve("losses.csv"))).hasSize(1 + 9);
        assertThat(Files.readAllLines(dir.resolve("losses.csv")).get(0)).endsWith(",dsn,icmp_error_packet,icmp_error");
    }

    /** The PMTU pair's refused segments, in the text, the JSON document and losses.csv. */
    @Test
    void refusedSegmentsNameTheRoutersError(@TempDir Path dir) throws Exception {
        String client = Traces.sampleTrace("pairs/pmtu-client.pcap").toString();
        String server = Traces.sampleTrace("pairs/pmtu-server.pcap").toString();
        CliRunner.Result text = CliRunner.run("compare", client, server);
        assertThat(text.out()).contains("lost in the network: 10 from client (10 refused by a router, which said why)")
                .contains("ICMP \"Destination unreachable (Fragmentation needed)\", next-hop MTU 1280 from 10.2.0.254:"
                        + " 10 packet(s), first A #23 (error #28)");
        CliRunner.Result json = CliRunner.run("compare", "--json", "--out", dir.toString(), client, server);
        JsonNode subflow = new ObjectMapper().readTree(json.out()).path("connections").get(0).path("subflows").get(1);
        assertThat(subflow.path("losses").path("refusedClient").asLong()).isEqualTo(10);
        assertThat(Files.readAllLines(dir.resolve("losses.csv"))).filteredOn(line -> line.contains(",network,"))
                .hasSize(10).allSatisfy(line -> assertThat(line).contains("next-hop MTU 1280 from 10.2.0.254"));
    }
}
