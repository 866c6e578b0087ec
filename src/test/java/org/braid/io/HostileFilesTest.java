package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to hurt: sparse giants, gzip bombs, FIFOs without a writer, folders. All made here, none committed. */
class HostileFilesTest {
    private static final long FOUR_GIB = 4L << 30;

    @TempDir Path dir;

    @Test
    void aSparseFourGigabyteFileAfterAValidHeaderEndsAtTheFirstEmptyRecord() throws IOException {
        Path sparse = dir.resolve("sparse.pcap");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.write(Arrays.copyOf(Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap")), 24));
            file.setLength(FOUR_GIB); // a hole: no disk used
        }
        TestTraces.Reading reading = TestTraces.read(sparse);
        assertThat(reading.frames()).isEmpty();
        assertThat(reading.warnings()).singleElement().extracting(TraceWarning::message).asString()
                .contains("record of 0 bytes on the wire is no packet");
    }

    @Test
    void aSparsePcapngEndsAtTheFirstZeroBlock() throws IOException {
        Path sparse = dir.resolve("sparse.pcapng");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.write(new PcapngBuilder().section(java.nio.ByteOrder.LITTLE_ENDIAN).iface(1).bytes());
            file.setLength(FOUR_GIB);
        }
        TestTraces.Reading reading = TestTraces.read(sparse);
        assertThat(reading.frames()).isEmpty();
        assertThat(reading.warnings()).singleElement().extracting(TraceWarning::message).asString()
                .contains("block length 0 is below the minimum");
    }

    @Test
    void aGzipBombIsCutAtTheLimitWithAWarning() throws IOException {
        Path bomb = gzipBomb(64 << 20); // 64 MiB of zeros after a pcap header: a few kilobytes of gzip
        Path temporary = Files.createDirectory(dir.resolve("tmp"));
        long limit = 1 << 20;
        try (TraceFile file = TraceFile.open(bomb, MappedWindow.DEFAULT_WINDOW, temporary, limit);
             PacketSource source = new PcapReader(file)) {
            assertThat(file.size()).isEqualTo(limit);
            Frame frame = new Frame();
            while (source.next(frame)) {
                // read to the end
            }
            assertThat(source.warnings()).first().extracting(TraceWarning::message).asString()
                    .contains("gzip contents cut at 1048576 bytes")
                    .contains("limit on decompressed size is reached").contains("braid.gunzip.limit");
        }
    }

    @Test
    void theDecompressedCopyIsUnlinkedWhileStillOpen() throws IOException {
        Path gzip = dir.resolve("trace.pcap.gz");
        Files.write(gzip, PcapRewriter.gzip(Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap"))));
        Path temporary = Files.createDirectory(dir.resolve("tmp"));
        try (TraceFile file = TraceFile.open(gzip, MappedWindow.DEFAULT_WINDOW, temporary, Gunzip.DEFAULT_LIMIT);
             PacketSource source = new PcapReader(file)) {
            // Nothing on disk even now: a SIGKILL at this point would leave nothing behind.
            try (var left = Files.list(temporary)) {
                assertThat(left).isEmpty();
            }
            int packets = 0;
            Frame frame = new Frame();
            while (source.next(frame)) {
                packets++;
            }
            assertThat(packets).isEqualTo(TestTraces.read(Traces.sampleTrace("two-subflows.pcap")).frames().size());
        }
    }

    @Test
    void aTemporaryFolderThatCannotBeUsedIsNamedWithTheTrace() throws IOException {
        Path gzip = dir.resolve("trace.pcap.gz");
        Files.write(gzip, PcapRewriter.gzip(Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap"))));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
        try {
            Assumptions.assumeFalse(Files.isWritable(readOnly), "running as root: a read-only folder stays writable");
            assertThatThrownBy(() -> TraceFile.open(gzip, MappedWindow.DEFAULT_WINDOW, readOnly, Gunzip.DEFAULT_LIMIT))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining(gzip.toString())
                    .hasMessageContaining("temporary folder " + readOnly + " is not usable");
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void aMissingTemporaryFolderIsNamedWithTheTrace() throws IOException {
        Path gzip = dir.resolve("trace.pcap.gz");
        Files.write(gzip, PcapRewriter.gzip(Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap"))));
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> TraceFile.open(gzip, MappedWindow.DEFAULT_WINDOW, missing, Gunzip.DEFAULT_LIMIT))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(gzip.toString())
                .hasMessageContaining("temporary folder " + missing + " is not usable");
    }

    @Test
    void aFolderIsNoTrace() {
        assertThatThrownBy(() -> TraceReader.open(dir)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("is a directory");
    }

    @Test
    void aFifoIsReadAsAStream() throws Exception {
        Path fifo = mkfifo("trace.fifo");
        byte[] trace = Files.readAllBytes(Traces.sampleTrace("two-subflows.pcapng"));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(fifo, trace));
        TestTraces.Reading reading = TestTraces.read(fifo);
        writer.get(30, TimeUnit.SECONDS);
        assertThat(reading.frames()).isEqualTo(TestTraces.read(Traces.sampleTrace("two-subflows.pcapng")).frames());
    }

    @Test
    void aFifoWithoutWriterSaysItIsWaiting() throws Exception {
        Path fifo = mkfifo("idle.fifo");
        PrintStream standardError = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<TestTraces.Reading> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return TestTraces.read(fifo);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!said.toString(StandardCharsets.UTF_8).contains("waiting") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(said.toString(StandardCharsets.UTF_8))
                    .contains("braid: waiting for a program to write to the FIFO " + fifo);
            write(fifo, Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap")));
            assertThat(reader.get(30, TimeUnit.SECONDS).frames()).isNotEmpty();
        } finally {
            System.setErr(standardError);
        }
    }

    private Path gzipBomb(int zeros) throws IOException {
        Path bomb = dir.resolve("bomb.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write(Arrays.copyOf(Files.readAllBytes(Traces.sampleTrace("two-subflows.pcap")), 24));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < zeros / block.length; i++) {
                out.write(block);
            }
        }
        return bomb;
    }

    private Path mkfifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this platform: " + e.getMessage());
            throw e;
        }
        assertThat(mkfifo.waitFor()).isZero();
        return fifo;
    }

    private static void write(Path fifo, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
