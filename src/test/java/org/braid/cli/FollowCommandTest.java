package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.braid.stream.KnownPayload;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** braid follow on the follow-* traces, whose payload is known from a seed (make-traces.sh, payload.py). */
class FollowCommandTest {
    private static final String TWO = Traces.sampleDir().resolve("follow-two-subflows.pcap").toString();

    @TempDir Path dir;

    @Test
    void rawOutputOfOneDirectionIsExactlyTheApplicationsBytes() throws IOException {
        Path client = dir.resolve("client.bin");
        Path server = dir.resolve("server.bin");
        assertThat(CliRunner.run("follow", TWO, "--connection", "0", "--direction", "client", "--format", "raw",
                "-o", client.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("follow", TWO, "--connection", "0", "--direction", "server", "--format", "raw",
                "-o", server.toString()).exitCode()).isZero();
        assertThat(sha256(client)).isEqualTo(KnownPayload.sha256(11, 300_000));
        assertThat(sha256(server)).isEqualTo(KnownPayload.sha256(12, 90_000));
    }

    @Test
    void threeSubflowsReassembleToo() throws IOException {
        Path out = dir.resolve("three.bin");
        String trace = Traces.sampleDir().resolve("follow-three-subflows.pcap").toString();
        CliRunner.Result result = CliRunner.run("follow", trace, "--connection", "0", "--direction", "client",
                "--format", "raw", "-o", out.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(sha256(out)).isEqualTo(KnownPayload.sha256(21, 300_000));
    }

    @Test
    void textFormatsInterleaveBothDirectionsWithWhoCarriedEachChunk() {
        CliRunner.Result hex = CliRunner.run("follow", TWO, "--connection", "0", "--format", "hex");
        assertThat(hex.exitCode()).isZero();
        assertThat(hex.out()).startsWith("=".repeat(67) + "\nFollow: MPTCP connection 0, both\n")
                .contains("Client: 192.0.2.1:", "(300000 bytes)", "Server: 192.0.2.2:5201 (90000 bytes)")
                .contains(">> client, 1424 bytes at DSN 1, packet 4, subflow 0 (tcp.stream 0)\n00000001  ")
                .contains("<< server, ", ", subflow 1 (tcp.stream 1)")
                .doesNotContain("missing");
        CliRunner.Result ascii = CliRunner.run("follow", TWO, "--connection", "0", "--direction", "server");
        assertThat(ascii.out()).doesNotContain(">> ", "<< ").contains("Follow: MPTCP connection 0, server");
    }

    @Test
    void aSubflowOrTcpStreamIsFollowedInTcpSequenceOrder() throws IOException {
        Path bySubflow = dir.resolve("subflow.bin");
        Path byStream = dir.resolve("stream.bin");
        assertThat(CliRunner.run("follow", TWO, "--connection", "0", "--subflow", "1", "--direction", "client",
                "--format", "raw", "-o", bySubflow.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("follow", TWO, "--tcp-stream", "1", "--direction", "client", "--format", "raw",
                "-o", byStream.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(bySubflow)).isEqualTo(Files.readAllBytes(byStream)).isNotEmpty();
        assertThat(Files.size(byStream)).isLessThan(300_000);
    }

    @Test
    void holesAreReportedAndLeftOutOfRawOutput() throws IOException {
        String headersOnly = Traces.sampleDir().resolve("headers-only-s96.pcap").toString();
        Path out = dir.resolve("cut.bin");
        CliRunner.Result raw = CliRunner.run("follow", headersOnly, "--connection", "0", "--direction", "client",
                "--format", "raw", "-o", out.toString());
        assertThat(raw.exitCode()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(Files.size(out)).isZero();
        assertThat(raw.err()).contains("1500000 bytes missing");
        CliRunner.Result text = CliRunner.run("follow", headersOnly, "--connection", "0", "--direction", "client");
        assertThat(text.out()).contains("[1500000 bytes missing: DSN 1–1500000, not in the capture]");
    }

    @Test
    void wrongArgumentsAreRefused() {
        assertThat(CliRunner.run("follow", TWO, "--connection", "0", "--format", "raw").err())
                .contains("--format raw writes one direction");
        CliRunner.Result none = CliRunner.run("follow", TWO, "--connection", "7");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(none.err()).contains("no MPTCP connection 7: the trace has 1");
        assertThat(CliRunner.run("follow", TWO).exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(CliRunner.run("follow", TWO, "--connection", "0", "--subflow", "5").err())
                .contains("connection 0 has 2 subflows, no subflow 5");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
