package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.report.JsonReport;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read-ahead pass shows the listener exactly what the one-thread pass does, and stops with it. */
class ReadAheadPassTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loss-reinjections.pcap", "two-subflows.pcapng", "dss-checksum.pcap",
            "fastclose.pcap.gz"})
    void theAnalysisIsTheSameAsOnOneThread(String trace) throws IOException {
        Path file = Traces.sampleTrace(trace);
        String oneThread = json(MptcpAnalyzer.analyze(file, false));
        for (int alone : new int[] {0, 100}) {
            try (PacketSource source = TraceReader.open(file)) {
                assertThat(json(MptcpAnalyzer.analyzeReadingAheadAfter(source, alone))).isEqualTo(oneThread);
            }
        }
        assertThat(json(MptcpAnalyzer.analyze(file, true))).isEqualTo(oneThread);
    }

    @Test
    void framesComeInFileOrderWithTheirOwnDecodes() throws IOException {
        Path file = Traces.sampleTrace("loss-reinjections.pcap");
        List<Long> ahead = new ArrayList<>();
        try (PacketSource source = TraceReader.open(file)) {
            assertThat(source.framesOutliveNext()).isTrue();
            ReadAheadPass.run(source, (frame, packet) -> ahead.add(key(frame, packet)), 0);
        }
        assertThat(ahead).hasSizeGreaterThan(ReadAheadPass.BATCH * ReadAheadPass.BATCHES).isEqualTo(onOneThread(file));
    }

    /** A frame's number and its decoded payload length: what a pass must hand over, in order. */
    private static long key(Frame frame, org.braid.decode.DecodedPacket packet) {
        return frame.packetNumber() * 100_000 + packet.payloadWireLength();
    }

    /** The {@link #key}s of the file's frames as the one-thread pass gives them. */
    private static List<Long> onOneThread(Path file) throws IOException {
        List<Long> serial = new ArrayList<>();
        try (PacketSource source = TraceReader.open(file)) {
            PacketPass.run(source, (frame, packet) -> serial.add(key(frame, packet)));
        }
        return serial;
    }

    @Test
    void aSlowListenerPutsTheReaderToSleepAndWakesIt() throws IOException {
        // Every few hundred packets the listener stalls longer than the reader spins and yields, so
        // the reader sleeps on a full ring; each stall must end with it woken, nothing lost or reordered.
        Path file = Traces.sampleTrace("loss-reinjections.pcap");
        List<Long> ahead = new ArrayList<>();
        try (PacketSource source = TraceReader.open(file)) {
            ReadAheadPass.run(source, (frame, packet) -> {
                if (frame.packetNumber() % 300 == 0) {
                    sleep(5);
                }
                ahead.add(key(frame, packet));
            }, 0);
        }
        assertThat(ahead).isEqualTo(onOneThread(file));
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aReaderThatDiesOutsideABatchFailsTheAnalysisInsteadOfHangingIt() throws IOException {
        // A checked exception no batch catches, thrown past the compiler: the reader thread ends on it.
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("loss-reinjections.pcap"))) {
            PacketSource dying = new PacketSource() {
                private int frames;

                @Override
                public boolean next(Frame frame) throws IOException {
                    if (++frames == 300) {
                        ReadAheadPassTest.<RuntimeException>sneakyThrow(new Exception("reader died"));
                    }
                    return source.next(frame);
                }

                @Override
                public boolean framesOutliveNext() {
                    return true;
                }

                @Override
                public org.braid.io.TraceFormat format() {
                    return source.format();
                }

                @Override
                public String formatDetail() {
                    return source.formatDetail();
                }

                @Override
                public java.util.Set<Integer> linkTypes() {
                    return source.linkTypes();
                }

                @Override
                public List<String> comments() {
                    return source.comments();
                }

                @Override
                public String name() {
                    return source.name();
                }

                @Override
                public java.util.List<org.braid.io.TraceWarning> warnings() {
                    return source.warnings();
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
            List<Long> seen = new ArrayList<>();
            assertThatThrownBy(() -> ReadAheadPass.run(dying, (frame, packet) -> seen.add(frame.packetNumber()), 0))
                    .hasRootCauseMessage("reader died");
            assertThat(seen).hasSizeLessThan(300);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aListenerThatFailsStopsTheReader() throws IOException {
        Path file = Traces.sampleTrace("loss-reinjections.pcap");
        try (PacketSource source = TraceReader.open(file)) {
            assertThatThrownBy(() -> ReadAheadPass.run(source, (frame, packet) -> {
                if (frame.packetNumber() == 700) {
                    throw new IllegalStateException("listener failed");
                }
            }, 0)).hasMessage("listener failed");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("braid-read-ahead"));
    }

    @Test
    void aStreamThatReusesItsBufferIsReadOnOneThread() throws IOException {
        try (PacketSource source = TraceReader.open("stdin",
                Files.newInputStream(Traces.sampleTrace("loss-reinjections.pcap")))) {
            assertThat(source.framesOutliveNext()).isFalse();
            assertThat(readerAliveAt(source, 1, 0)).isFalse();
        }
    }

    @Test
    void aMappedFileIsReadAheadWhenThereIsASecondProcessor() throws IOException {
        // More packets than the ring holds: the reader is still at work when the first one is analysed.
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("loss-reinjections.pcap"))) {
            assertThat(readerAliveAt(source, 1, 0)).isEqualTo(Runtime.getRuntime().availableProcessors() >= 2);
        }
    }

    @Test
    void theReaderThreadStartsOnlyAfterThePacketsReadAlone() throws IOException {
        Path file = Traces.sampleTrace("loss-reinjections.pcap");
        try (PacketSource source = TraceReader.open(file)) {
            assertThat(readerAliveAt(source, 200, 200)).isFalse();
        }
        try (PacketSource source = TraceReader.open(file)) {
            assertThat(readerAliveAt(source, 201, 200)).isEqualTo(Runtime.getRuntime().availableProcessors() >= 2);
        }
        // A trace no longer than the packets read alone never starts the thread: the default's small traces.
        try (PacketSource source = TraceReader.open(file)) {
            assertThat(readerAliveAt(source, 1, Integer.MAX_VALUE)).isFalse();
        }
        List<Long> switched = new ArrayList<>();
        try (PacketSource source = TraceReader.open(file)) {
            ReadAheadPass.run(source, (frame, packet) -> switched.add(key(frame, packet)), 200);
        }
        assertThat(switched).isEqualTo(onOneThread(file));
    }

    /** Whether a read-ahead thread ran while the listener saw packet {@code number}, the thread starting after {@code alone}. */
    private static boolean readerAliveAt(PacketSource source, long number, int alone) throws IOException {
        boolean[] alive = new boolean[1];
        ReadAheadPass.run(source, (frame, packet) -> {
            if (frame.packetNumber() == number) {
                alive[0] = Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals("braid-read-ahead"));
            }
        }, alone);
        return alive[0];
    }

    private static String json(AnalysisResult result) throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.write(result, out);
        return out.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
