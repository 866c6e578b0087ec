package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault outside the file format is one line naming the file and the reason, with exit code 2. */
class FaultMessagesTest {
    private static final String TRACE = Traces.sampleTrace("two-subflows.pcap").toString();

    @TempDir Path temp;

    @Test
    void aFolderIsNamedAsAFolder() {
        CliRunner.Result result = CliRunner.run("analyze", temp.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        // A folder is read for the traces in it (braid analyze DIR); one without traces is refused.
        assertThat(result.err()).isEqualTo("braid: " + temp + ": is a directory, not a trace file\n");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path locked = Files.copy(Path.of(TRACE), temp.resolve("locked.pcap"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not lock root out");
        CliRunner.Result result = CliRunner.run("info", locked.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("braid: " + locked + ": permission denied\n");
    }

    @Test
    void outPointingAtAFileSaysSo() throws IOException {
        Path file = Files.writeString(temp.resolve("afile"), "mine");
        CliRunner.Result result = CliRunner.run("report", TRACE, "--out", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("braid: " + file + ": is a file, not a folder for the report\n");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void anEmptyOutIsRefused() {
        CliRunner.Result result = CliRunner.run("report", TRACE, "--out", "");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("--out needs a folder name, not an empty one");
        assertThat(result.out()).doesNotContain("written to");
    }

    @Test
    void captureIntoAMissingFolderNamesTheFolderNotAHiddenFile() {
        Path missing = temp.resolve("no-such-folder").resolve("out.pcapng");
        CliRunner.Result result = CliRunner.run("capture", "-i", "lo", "-w", missing.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("cannot save to " + missing + ": folder " + missing.getParent()
                + " does not exist").doesNotContain(".part");
    }

    @Test
    void aBufferTooLargeForLibpcapIsARangeErrorNotAnOverflow() {
        CliRunner.Result result = CliRunner.run("capture", "-i", "lo", "-B", "99999999");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).startsWith("--buffer-size 99999999 KiB is out of range: give 1 to 2097151 KiB")
                .doesNotContain("overflow");
    }

    @Test
    void aDurationThatIsNoNumberIsRefused() {
        for (String duration : new String[] {"NaN", "-1", "0", "Infinity"}) {
            CliRunner.Result result = CliRunner.run("capture", "-i", "lo", "--duration", duration);
            assertThat(result.exitCode()).as(duration).isEqualTo(ExitCodes.ERROR);
            assertThat(result.err()).as(duration).contains("is not a number of seconds above 0");
        }
    }

    @Test
    void controlCharactersFromATraceAreEscaped() throws IOException {
        // A pcapng comment that would retitle the terminal, clear the line and forge a line of output.
        String hostile = "\u001b]0;owned\u0007\r\u001b[2KFile format: forged\r\nnext";
        Path trace = temp.resolve("hostile.pcapng");
        Files.write(trace, commentedPcapng(hostile));
        CliRunner.Result result = CliRunner.run("info", trace.toString());
        assertThat(result.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                .contains("Comment:            \\x1b]0;owned\\x07\\r\\x1b[2KFile format: forged\\r\\nnext\n")
                .doesNotContain("\nFile format: forged").doesNotContain("\nnext");
    }

    @Test
    void escapingKeepsLineEndsAndTabs() {
        assertThat(TerminalSafeWriter.escape("a\tb\r\nc\n\u009b\u007f")).isEqualTo("a\tb\r\nc\n\\u009b\\x7f");
        assertThat(org.braid.report.ControlCharacters.escapeLine("a\tb\r\nc")).isEqualTo("a\\tb\\r\\nc");
    }

    /** A pcapng with one section comment and no packets, built by hand. */
    private static byte[] commentedPcapng(String comment) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 3) & ~3;
        int length = 28 + 4 + padded + 4;
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        block.putInt(0x0a0d0d0a).putInt(length).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0)
                .putLong(-1).putShort((short) 1).putShort((short) text.length).put(text);
        block.position(24 + 4 + padded);
        block.putInt(0).putInt(length); // opt_endofopt, then the trailing length
        return block.array();
    }
}
