package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged input: files that are no trace fail at open with a {@link TraceFormatException};
 * damage inside a trace keeps every whole packet before it and becomes one warning naming the
 * file, the packet number and the byte offset.
 */
@Timeout(30)
class DamagedTracesTest {
    private static final String PCAP = "tcpdump-mptcp-fclose.pcap";     // little-endian, microseconds
    private static final String PCAPNG = "dpi-mptcp-short.pcapng";      // little-endian, one interface
    private static final int RECORD_HEADER = 16;

    @TempDir Path dir;
    private byte[] pcap;
    private Reading pcapReading;
    private byte[] pcapng;
    private Reading pcapngReading;

    @BeforeEach
    void readOriginals() throws IOException {
        pcap = Files.readAllBytes(TestTraces.publicTrace(PCAP));
        pcapReading = TestTraces.read(TestTraces.publicTrace(PCAP));
        pcapng = Files.readAllBytes(TestTraces.publicTrace(PCAPNG));
        pcapngReading = TestTraces.read(TestTraces.publicTrace(PCAPNG));
        assertThat(pcapReading.frames()).hasSizeGreaterThan(4);
        assertThat(pcapngReading.frames()).hasSizeGreaterThan(4);
    }

    // ---- not a trace at all ----

    @Test
    void garbageIsNotATrace() {
        assertOpenFails("garbage.pcap", "This is a text file, not a packet trace.\n".getBytes(StandardCharsets.UTF_8),
                "not a pcap or pcapng trace");
    }

    @Test
    void zeroLengthFileIsNotATrace() {
        assertOpenFails("empty.pcap", new byte[0], "empty file");
    }

    @Test
    void filesShorterThanAHeaderAreNotTraces() {
        assertOpenFails("three-bytes.pcap", Arrays.copyOf(pcap, 3), "too short");
        assertOpenFails("short-header.pcap", Arrays.copyOf(pcap, 20), "pcap file header truncated: 20 of 24");
        assertOpenFails("short-section.pcapng", Arrays.copyOf(pcapng, 20), "bad pcapng section header");
    }

    @Test
    void sectionHeaderWithUnknownByteOrderMagicIsNotATrace() {
        byte[] damaged = pcapng.clone();
        damaged[8] = 0x55;
        assertOpenFails("bad-bom.pcapng", damaged, "byte-order magic");
    }

    @Test
    void gzipThatDecompressesToNothingIsNotATrace() {
        assertOpenFails("only-magic.pcap.gz", new byte[] {0x1f, (byte) 0x8b}, "gzip");
        assertOpenFails("empty.pcap.gz", PcapRewriter.gzip(new byte[0]), "gzip file decompresses to 0 bytes");
        assertOpenFails("garbage.gz", PcapRewriter.gzip("no trace".getBytes(StandardCharsets.UTF_8)),
                "not a pcap or pcapng trace");
    }

    // ---- classic pcap ----

    @Test
    void recordLongerThanTheRestOfTheFileStopsWithAWarning() throws IOException {
        int third = offset(pcapReading, 3);
        byte[] damaged = pcap.clone();
        le(damaged).putInt(third + 8, 5000);

        Reading reading = read("long-record.pcap", damaged);

        assertThat(reading.frames()).isEqualTo(pcapReading.frames().subList(0, 2));
        assertSingleWarning(reading, "long-record.pcap", 3, third, "record truncated: 5000 bytes declared");
    }

    @ParameterizedTest
    @ValueSource(ints = {256 * 1024 + 1, 0x7fffffff, 0xffffffff})
    void absurdRecordLengthStopsWithAWarning(int captured) throws IOException {
        int third = offset(pcapReading, 3);
        byte[] damaged = pcap.clone();
        le(damaged).putInt(third + 8, captured);

        Reading reading = read("absurd.pcap", damaged);

        assertThat(reading.frames()).isEqualTo(pcapReading.frames().subList(0, 2));
        assertSingleWarning(reading, "absurd.pcap", 3, third, "is absurd");
    }

    @Test
    void truncatedLastRecordKeepsEveryWholePacket() throws IOException {
        int count = pcapReading.frames().size();
        int last = offset(pcapReading, count);

        Reading cutInData = read("cut-data.pcap", Arrays.copyOf(pcap, last + RECORD_HEADER + 10));
        Reading cutInHeader = read("cut-header.pcap", Arrays.copyOf(pcap, last + 5));

        assertThat(cutInData.frames()).isEqualTo(pcapReading.frames().subList(0, count - 1));
        assertSingleWarning(cutInData, "cut-data.pcap", count, last, "record truncated");
        assertThat(cutInHeader.frames()).isEqualTo(pcapReading.frames().subList(0, count - 1));
        assertSingleWarning(cutInHeader, "cut-header.pcap", count, last, "record header truncated: 5 of 16");
    }

    // ---- pcapng ----

    @Test
    void badTrailerLengthStopsWithAWarning() throws IOException {
        int third = offset(pcapngReading, 3);
        int length = le(pcapng).getInt(third + 4);
        byte[] damaged = pcapng.clone();
        le(damaged).putInt(third + length - 4, length + 4);

        Reading reading = read("bad-trailer.pcapng", damaged);

        assertThat(reading.frames()).isEqualTo(pcapngReading.frames().subList(0, 2));
        assertSingleWarning(reading, "bad-trailer.pcapng", 3, third,
                "trailer length " + (length + 4) + " differs from header length " + length);
    }

    @Test
    void blockLengthNotAMultipleOfFourStopsWithAWarning() throws IOException {
        int third = offset(pcapngReading, 3);
        byte[] damaged = pcapng.clone();
        le(damaged).putInt(third + 4, le(pcapng).getInt(third + 4) + 2);

        Reading reading = read("odd-length.pcapng", damaged);

        assertThat(reading.frames()).isEqualTo(pcapngReading.frames().subList(0, 2));
        assertSingleWarning(reading, "odd-length.pcapng", 3, third, "not a multiple of 4");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 8})
    void tinyBlockLengthCannotLoopForever(int length) throws IOException {
        int third = offset(pcapngReading, 3);
        byte[] damaged = pcapng.clone();
        le(damaged).putInt(third + 4, length);

        Reading reading = read("tiny-block.pcapng", damaged);

        assertThat(reading.frames()).hasSize(2);
        assertSingleWarning(reading, "tiny-block.pcapng", 3, third, "below the minimum of 12");
    }

    @Test
    void blockLongerThanTheFileStopsWithAWarning() throws IOException {
        int third = offset(pcapngReading, 3);
        byte[] damaged = pcapng.clone();
        le(damaged).putInt(third + 4, 0x7ffffff0);

        Reading reading = read("huge-block.pcapng", damaged);

        assertThat(reading.frames()).hasSize(2);
        assertSingleWarning(reading, "huge-block.pcapng", 3, third, "block truncated");
    }

    @Test
    void truncatedLastBlockKeepsEveryWholePacket() throws IOException {
        int count = pcapngReading.frames().size();
        int last = offset(pcapngReading, count);

        Reading reading = read("cut.pcapng", Arrays.copyOf(pcapng, last + 30));

        assertThat(reading.frames()).isEqualTo(pcapngReading.frames().subList(0, count - 1));
        assertSingleWarning(reading, "cut.pcapng", count, last, "block truncated");
    }

    @Test
    void capturedLengthBeyondItsBlockStopsWithAWarning() throws IOException {
        int third = offset(pcapngReading, 3);
        byte[] damaged = pcapng.clone();
        le(damaged).putInt(third + 20, le(pcapng).getInt(third + 4));

        Reading reading = read("overlong-packet.pcapng", damaged);

        assertThat(reading.frames()).hasSize(2);
        assertSingleWarning(reading, "overlong-packet.pcapng", 3, third, "does not fit the block");
    }

    @Test
    void packetOfAnUndeclaredInterfaceStopsWithAWarning() throws IOException {
        PcapngBuilder builder = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1)
                .epb(0, 1, PcapngFeaturesTest.data(20, 1), 20, null);
        int second = builder.bytes().length;
        byte[] file = builder.epb(1, 2, PcapngFeaturesTest.data(20, 2), 20, null).bytes();

        Reading reading = read("undeclared.pcapng", file);

        assertThat(reading.frames()).hasSize(1);
        assertSingleWarning(reading, "undeclared.pcapng", 2, second, "refers to interface 1");
    }

    @Test
    void sectionWithUnknownByteOrderMagicMidFileStopsWithAWarning() throws IOException {
        PcapngBuilder builder = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1)
                .epb(0, 1, PcapngFeaturesTest.data(20, 1), 20, null);
        int second = builder.bytes().length;
        byte[] file = builder.section(ByteOrder.LITTLE_ENDIAN).bytes();
        file[second + 8] = 0;

        Reading reading = read("bad-second-section.pcapng", file);

        assertThat(reading.frames()).hasSize(1);
        assertSingleWarning(reading, "bad-second-section.pcapng", 2, second, "byte-order magic");
    }

    // ---- gzip ----

    @Test
    void truncatedGzipKeepsWhatWasDecompressed() throws IOException {
        Path original = TestTraces.publicTrace("dpi-mptcp-capture.pcap");
        Reading whole = TestTraces.read(original);
        byte[] gzip = PcapRewriter.gzip(Files.readAllBytes(original));

        Reading reading = read("cut.pcap.gz", Arrays.copyOf(gzip, gzip.length / 2));

        assertThat(reading.frames()).isNotEmpty().hasSizeLessThan(whole.frames().size())
                .isEqualTo(whole.frames().subList(0, reading.frames().size()));
        assertThat(reading.warnings()).first().satisfies(w -> {
            assertThat(w.file()).isEqualTo("cut.pcap.gz");
            assertThat(w.message()).contains("gzip stream truncated");
        });
        // the decompressed part usually ends inside a record, which is then a second warning
        assertThat(reading.warnings()).allSatisfy(w -> assertThat(w.file()).isEqualTo("cut.pcap.gz"));
    }

    @Test
    void corruptGzipIsAWarningNotAnException() throws IOException {
        byte[] gzip = PcapRewriter.gzip(Files.readAllBytes(TestTraces.publicTrace("dpi-mptcp-capture.pcap")));
        for (int i = gzip.length / 2; i < gzip.length / 2 + 16; i++) {
            gzip[i] ^= 0x5a;
        }

        Reading reading = read("corrupt.pcap.gz", gzip);

        assertThat(reading.warnings()).isNotEmpty()
                .anySatisfy(w -> assertThat(w.message()).contains("gzip stream damaged"));
    }

    // ---- helpers ----

    private void assertOpenFails(String name, byte[] bytes, String message) {
        Path file = write(name, bytes);
        assertThatThrownBy(() -> TraceReader.open(file).close())
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(name + ": offset 0: ")
                .hasMessageContaining(message);
    }

    private Reading read(String name, byte[] bytes) throws IOException {
        Path file = write(name, bytes);
        Reading reading = TestTraces.read(file);
        // remapping must not change how damage is found or reported
        Reading windowed = TestTraces.read(file, 64);
        assertThat(windowed.frames()).isEqualTo(reading.frames());
        assertThat(windowed.warnings()).isEqualTo(reading.warnings());
        return reading;
    }

    private static void assertSingleWarning(Reading reading, String file, long packet, long offset, String message) {
        assertThat(reading.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(file);
            assertThat(w.packetNumber()).isEqualTo(packet);
            assertThat(w.offset()).isEqualTo(offset);
            assertThat(w.message()).contains(message);
            assertThat(w.toString()).startsWith(file + ": packet " + packet + " at offset " + offset + ": ");
        });
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int offset(Reading reading, int packetNumber) {
        return Math.toIntExact(reading.fileOffsets().get(packetNumber - 1));
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
