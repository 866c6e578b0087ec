package org.braid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/** The progress bar's line, and its silence off a terminal. */
class ProgressTest {
    @Test
    void lineShowsTheShareReadTheRateAndTheTimeLeft() throws Exception {
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("two-subflows.pcap"))) {
            Progress progress = Progress.start(source, new PrintWriter(new StringWriter()), true);
            assertThat(progress.line(50_000_000, 200_000_000, 2.0))
                    .isEqualTo("[#######.......................]  25%  50 MB of 200 MB, 25 MB/s, 6 s left");
            progress.close();
        }
    }

    @Test
    void nothingIsPrintedWhenStderrIsNotATerminal() throws Exception {
        StringWriter err = new StringWriter();
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("two-subflows.pcap"));
                Progress progress = Progress.start(source, new PrintWriter(err), false)) {
            Thread.sleep(1300); // past the second after which a bar would appear
            assertThat(progress).isNotNull();
        }
        assertThat(err.toString()).isEmpty();
    }
}
