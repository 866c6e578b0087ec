package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The progress bar's line, its silence off a terminal and with --quiet, and the bytes of several reads. */
class ProgressTest {
    private static final Path TWO = Traces.sampleTrace("two-subflows.pcap");

    /** A quarter of 200 MB done. */
    private static final Progress.Work QUARTER = new Progress.Work() {
        @Override
        public long done() {
            return 50_000_000;
        }

        @Override
        public long total() {
            return 200_000_000;
        }
    };

    @Test
    void lineShowsTheShareReadTheRateAndTheTimeLeft() throws Exception {
        try (PacketSource source = TraceReader.open(TWO)) {
            Progress progress = Progress.start(source, new PrintWriter(new StringWriter()), true);
            assertThat(progress.line(50_000_000, 200_000_000, 2.0))
                    .isEqualTo("[#######.......................]  25%  50 MB of 200 MB, 25 MB/s, 6 s left");
            progress.close();
        }
    }

    @Test
    void onATerminalTheBarIsDrawnOnOneLineAndErasedAtTheEnd() throws Exception {
        StringWriter terminal = new StringWriter();
        Progress bar = Progress.start(QUARTER, new PrintWriter(terminal), true, 0);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!terminal.toString().contains("%") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        bar.close();
        String drawn = terminal.toString();
        assertThat(drawn).startsWith("\r[#######.......................]  25%  50 MB of 200 MB, ").doesNotContain("\n");
        // Erased at the end: blanks over the bar, and the cursor back at the start of the line.
        assertThat(drawn).matches("(?s).*\r {40,}\r$");
    }

    @Test
    void outputPrintedDuringTheBarStartsOnACleanLine() throws Exception {
        StringWriter terminal = new StringWriter();
        PrintWriter err = new PrintWriter(terminal);
        try (Progress bar = Progress.start(QUARTER, err, true, 0)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!terminal.toString().contains("%") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            bar.whileErased(() -> {
                err.print("== trace\n");
                return 0;
            });
        }
        assertThat(terminal.toString()).contains(" \r== trace\n");
    }

    @Test
    void nothingIsPrintedWhenStderrIsNotATerminal() throws Exception {
        StringWriter err = new StringWriter();
        try (PacketSource source = TraceReader.open(TWO);
                Progress progress = Progress.start(source, new PrintWriter(err), false)) {
            Thread.sleep(1300); // past the second after which a bar would appear
            assertThat(progress).isNotNull();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingIsPrintedWhenNotShownEvenAfterTheFirstSecond() throws Exception {
        StringWriter err = new StringWriter();
        try (Progress bar = Progress.start(QUARTER, new PrintWriter(err), false, 0)) {
            Thread.sleep(300);
            assertThat(bar).isNotNull();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void severalReadsCountTheirFilesWholeOnceDoneAndInProportionWhileOpen() throws Exception {
        Path other = Traces.sampleTrace("dead-path.pcap");
        long sizeTwo = Files.size(TWO);
        long sizeOther = Files.size(other);
        TraceBytes bytes = new TraceBytes(List.of(TWO, other, Path.of("no-such-file.pcap")));
        assertThat(bytes.total()).isEqualTo(sizeTwo + sizeOther);
        assertThat(bytes.done()).isZero();
        try (PacketSource first = TraceReader.open(TWO)) {
            bytes.openedNext(first);
            readAll(first);
            assertThat(bytes.done()).isEqualTo(sizeTwo);
        }
        try (PacketSource second = TraceReader.open(other)) {
            bytes.openedNext(second);
            assertThat(bytes.done()).isBetween(sizeTwo, sizeTwo + sizeOther / 2);
            readAll(second);
            assertThat(bytes.done()).isEqualTo(sizeTwo + sizeOther);
        }
        bytes.finished(1);
        assertThat(bytes.done()).isEqualTo(bytes.total());
    }

    @Test
    void compareAndFollowTakeQuietAndPrintTheSame() {
        String client = Traces.sampleTrace("pairs/path-loss-client.pcap").toString();
        String server = Traces.sampleTrace("pairs/path-loss-server.pcap").toString();
        CliRunner.Result compare = CliRunner.run("compare", client, server);
        CliRunner.Result quietCompare = CliRunner.run("compare", "--quiet", client, server);
        assertThat(quietCompare.exitCode()).isEqualTo(compare.exitCode());
        assertThat(quietCompare.out()).isEqualTo(compare.out()).isNotEmpty();
        assertThat(quietCompare.err()).isEqualTo(compare.err()).doesNotContain("\r");

        String[] follow = {"follow", TWO.toString(), "--connection", "0", "--subflow", "1"};
        CliRunner.Result followed = CliRunner.run(follow);
        CliRunner.Result quietFollowed = CliRunner.run(append(follow, "--quiet"));
        assertThat(quietFollowed.exitCode()).isEqualTo(followed.exitCode());
        assertThat(quietFollowed.out()).isEqualTo(followed.out()).isNotEmpty();
        assertThat(quietFollowed.err()).isEqualTo(followed.err()).doesNotContain("\r");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    private static void readAll(PacketSource source) throws Exception {
        Frame frame = new Frame();
        while (source.next(frame)) {
            // only the position matters here
        }
    }
}
