package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets it: help, version, exit codes and messages for bad input. */
class CommandLineTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"", "info", "packets", "analyze", "report", "bench"})
    void everyCommandHasHelpAndVersion(String command) {
        String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
        CliRunner.Result helpResult = CliRunner.run(help);
        assertThat(helpResult.exitCode()).isZero();
        assertThat(helpResult.out()).contains("Usage: braid");
        CliRunner.Result versionResult = CliRunner.run(version);
        assertThat(versionResult.exitCode()).isZero();
        assertThat(versionResult.out()).matches("Braid \\d+\\.\\d+\\.\\d+\\R"
                + "Java \\S+ \\(JIT: [a-z ,]+\\)\\s*");
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNamesAndHelpListsThemAll() {
        assertThat(BraidCommand.commandLine("analyze", "x.pcap").getSubcommands().keySet()).containsExactly("analyze");
        assertThat(BraidCommand.commandLine("--help").getSubcommands().keySet())
                .containsExactly("info", "packets", "analyze", "report", "bench", "capture", "follow", "compare",
                        "expert");
        assertThat(BraidCommand.isSubcommand("follow")).isTrue();
        assertThat(BraidCommand.isSubcommand("two-subflows.pcap")).isFalse();
    }

    @Test
    void missingFileIsAClearErrorNotAStackTrace() {
        CliRunner.Result result = CliRunner.run("info", temp.resolve("nope.pcap").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("nope.pcap").doesNotContain("Exception");
    }

    @Test
    void garbageIsNamedAsNotATrace() throws Exception {
        Path garbage = temp.resolve("garbage.pcap");
        Files.writeString(garbage, "this is not a packet capture at all\n");
        CliRunner.Result result = CliRunner.run("packets", garbage.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("garbage.pcap").contains("offset 0").doesNotContain("Exception");
    }

    @Test
    void truncatedTraceKeepsEveryWholePacketAndWarns() throws Exception {
        Path original = Traces.publicTrace("tcpdump-mptcp-v1.pcap");
        byte[] bytes = Files.readAllBytes(original);
        Path cut = temp.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));

        CliRunner.Result result = CliRunner.run("info", "--json", cut.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.WARNINGS);
        JsonNode info = new ObjectMapper().readTree(result.out());
        assertThat(info.get("packets").asLong()).isEqualTo(19);
        assertThat(info.get("warnings").get(0).asText()).contains("cut.pcap").contains("packet 20").contains("offset");
    }

    @Test
    void malformedOptionIsAWarningWithItsPacket() throws Exception {
        CliRunner.Result result = CliRunner.run("info", "--json",
                Traces.publicTrace("tcpdump-mptcp-dss-oobr.pcap").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.WARNINGS);
        JsonNode info = new ObjectMapper().readTree(result.out());
        assertThat(info.get("mptcpOptions").get("DSS").asLong()).isEqualTo(1);
        assertThat(info.get("warnings")).hasSize(1);
        assertThat(info.get("warnings").get(0).asText()).contains("packet 1").contains("DSS");
    }

    @Test
    void packetsListsOneLinePerPacketWithMptcpInWords() {
        CliRunner.Result result = CliRunner.run("packets", Traces.publicTrace("tcpdump-mptcp-v1.pcap").toString());
        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(20);
        assertThat(lines[0]).contains("MPTCP").contains("[SYN]").contains("MP_CAPABLE");
        assertThat(result.out()).contains("DSS");
    }

    @Test
    void verbosePacketsPrintsTheDecodeTree() {
        CliRunner.Result result = CliRunner.run("packets", "-V", "-c", "1",
                Traces.publicTrace("tcpdump-mptcp-v1.pcap").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Transmission Control Protocol").contains("Multipath TCP");
    }
}
