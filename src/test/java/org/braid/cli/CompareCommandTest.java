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
    }
}
