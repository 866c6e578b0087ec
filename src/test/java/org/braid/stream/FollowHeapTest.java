package org.braid.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.braid.cli.SyntheticTrace;
import org.braid.testing.BraidJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a connection needs heap for its segment records, not for its bytes: {@code braid
 * follow} runs in a child JVM whose heap is smaller than the trace and writes the client's stream,
 * whose SHA-256 must be what the generator sent. The 1 GB run (heap 256 MB) writes 1 GB to the
 * temporary folder, so it runs only with {@code -Dbraid.hugeTraces=true}.
 */
class FollowHeapTest {
    @TempDir Path dir;

    @Test
    void aTraceLargerThanTheHeapIsFollowed() throws Exception {
        followInChildJvm(96L << 20, "-Xmx64m");
    }

    @Test
    @EnabledIfSystemProperty(named = "braid.hugeTraces", matches = "true")
    void aOneGigabyteTraceIsFollowedIn256Megabytes() throws Exception {
        followInChildJvm(1L << 30, "-Xmx256m");
    }

    /** Full-size captures of pseudorandom data, 16 KB mappings over several segments, alternating subflows. */
    private static SyntheticTrace.Options randomDataIn16KbMappings(long traceBytes) {
        return SyntheticTrace.Options.bytes(traceBytes).snaplen(65_535).mappingBytes(16_384).mappingsPerBurst(1)
                .segmentsPerAck(4).randomPayload(42);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = KnownPayload.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void followInChildJvm(long traceBytes, String heap) throws IOException, InterruptedException {
        Path trace = dir.resolve("large.pcap");
        String expected = SyntheticTrace.write(trace, randomDataIn16KbMappings(traceBytes)).payloadSha256()
                .orElseThrow();
        assertThat(Files.size(trace)).isGreaterThanOrEqualTo(traceBytes);
        Path out = dir.resolve("client.bin");
        Path log = dir.resolve("child.log");
        List<String> command = BraidJvm.command(List.of(), List.of(heap), "follow", trace.toString(),
                "--connection", "0", "--direction", "client", "--format", "raw", "-o", out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("child ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(sha256(out)).isEqualTo(expected);
    }
}
