package org.braid.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braid.cli.BraidCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code braid capture} end to end, in a JVM of its own inside the client's namespace, stopped by Ctrl-C (SIGINT). */
class CaptureCliNetnsTest {
    @BeforeAll
    static void needsRootAndNamespaces() {
        TwoPathNetwork.assumeAvailable();
    }

    @Test
    void ctrlCPrintsTheAnalysisAndPublishesTheSave(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("cli.pcapng");
        Path out = dir.resolve("stdout.json");
        Path err = dir.resolve("stderr.txt");
        try (TwoPathNetwork network = TwoPathNetwork.create("40mbit")) {
            Process server = network.startServer(1);
            List<String> command = ChildJvm.command(List.of("ip", "netns", "exec", network.clientNamespace()),
                    List.of(), "capture", "-i", "any", "-f", "tcp port " + TwoPathNetwork.PORT, "-w", saved.toString(),
                    "--json");
            Process braid = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            try {
                assertThat(waitForText(err, "braid: capturing on any", Duration.ofSeconds(20))).isTrue();
                network.runClient(1_000_000);
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
                // Under --json the live lines go to stderr, so stdout stays one document.
                assertThat(waitForText(err, "+   subflow of connection 0: 198.51.100.1:", Duration.ofSeconds(10)))
                        .as(Files.readString(err)).isTrue();
                Thread.sleep(500); // the FINs reach the analysis
                TwoPathNetwork.run("kill", "-INT", String.valueOf(braid.pid())); // ip netns exec execs java: its pid
                assertThat(braid.waitFor(20, TimeUnit.SECONDS)).as("braid ends on Ctrl-C").isTrue();
            } finally {
                braid.destroyForcibly();
            }
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(errText).contains("+ MPTCP connection 0: 192.0.2.1:")
                    .contains("+   subflow of connection 0: 192.0.2.1:")
                    .contains(" dropped by the kernel")
                    .contains("braid: saved ");
            assertThat(braid.exitValue()).isEqualTo(130); // 128 + SIGINT, as any program stopped by Ctrl-C

            ObjectMapper mapper = new ObjectMapper();
            JsonNode live = mapper.readTree(out.toFile());
            assertThat(live.at("/connections").size()).isEqualTo(1);
            assertThat(live.at("/connections/0/subflows").size()).isEqualTo(2);
            long uniqueBytes = live.at("/connections/0/data/client/uniqueBytes").asLong();
            if (kernelDrops(errText) == 0) {
                assertThat(uniqueBytes).isEqualTo(1_000_000);
            } else {
                // A loaded machine can make the kernel drop packets before libpcap reads them: then
                // what was seen is less, never more, and the analysis counts the bytes it missed.
                assertThat(uniqueBytes).isLessThanOrEqualTo(1_000_000);
                if (uniqueBytes < 1_000_000) {
                    assertThat(live.at("/connections/0/captureLostBytes").asLong()).isPositive();
                }
            }
            assertThat(Files.exists(saved)).isTrue();
            assertThat(analyzeJson(saved)).isEqualTo(live);
        }
    }

    /** The kernel drops in the capture's closing statistics line. */
    private static long kernelDrops(String stderr) {
        Matcher drops = Pattern.compile("([\\d,]+) dropped by the kernel").matcher(stderr);
        assertThat(drops.find()).as(stderr).isTrue();
        return Long.parseLong(drops.group(1).replace(",", ""));
    }

    private static JsonNode analyzeJson(Path file) throws Exception {
        CommandLine cli = BraidCommand.commandLine();
        StringWriter text = new StringWriter();
        cli.setOut(new PrintWriter(text));
        assertThat(cli.execute("analyze", "--json", file.toString())).isZero();
        return new ObjectMapper().readTree(text.toString());
    }

    private static boolean waitForText(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
