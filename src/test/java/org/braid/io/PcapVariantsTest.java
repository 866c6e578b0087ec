package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.braid.io.TestTraces.FrameCopy;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public pcap trace, rewritten into the other byte order, nanosecond timestamps, gzip and
 * pcapng, gives exactly the original's frames: timestamps, lengths, link type and bytes.
 */
class PcapVariantsTest {
    @TempDir Path dir;

    /** The classic pcap traces, told by their content: mptcpanalyzer's *_2.pcap files are pcapng. */
    static Stream<String> pcapTraces() {
        return TestTraces.expectedPacketCounts().keySet().stream().filter(PcapVariantsTest::isClassicPcap);
    }

    static Stream<String> allTraces() {
        return TestTraces.expectedPacketCounts().keySet().stream();
    }

    private static boolean isClassicPcap(String trace) {
        try (PacketSource source = TraceReader.open(TestTraces.publicTrace(trace))) {
            return source.format() == TraceFormat.PCAP;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pcapTraces")
    void rewrittenVariantsGiveTheSameFrames(String trace) throws IOException {
        byte[] original = Files.readAllBytes(TestTraces.publicTrace(trace));
        Reading expected = TestTraces.read(TestTraces.publicTrace(trace));
        byte[] swapped = PcapRewriter.swapByteOrder(original);
        boolean micros = expected.formatDetail().contains("microsecond");

        assertSameFrames(expected, write("swapped.pcap", swapped), "pcap");
        assertSameFrames(expected, write("trace.pcap.gz", PcapRewriter.gzip(original)), "gzip");
        // gzip is recognized by its magic number, not by the file's name
        assertSameFrames(expected, write("gzip-without-extension.pcap", PcapRewriter.gzip(swapped)), "gzip");
        if (micros) {
            assertSameFrames(expected, write("nanos.pcap", PcapRewriter.toNanoseconds(original)), "nanosecond");
            assertSameFrames(expected, write("nanos-swapped.pcap", PcapRewriter.toNanoseconds(swapped)), "nanosecond");
        }
        assertThat(TestTraces.read(write("swapped.pcap", swapped)).formatDetail())
                .isNotEqualTo(expected.formatDetail());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTraces")
    void pcapngInBothByteOrdersGivesTheSameFrames(String trace) throws IOException {
        Reading expected = TestTraces.read(TestTraces.publicTrace(trace));
        assertThat(expected.linkTypes()).hasSize(1);
        int linkType = expected.linkTypes().iterator().next();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            // nanosecond ticks (if_tsresol 9) carry every timestamp exactly
            PcapngBuilder pcapng = new PcapngBuilder().section(order).iface(linkType, 0, 9, null, null);
            for (FrameCopy frame : expected.frames()) {
                pcapng.epb(0, frame.timestampNanos(), bytes(frame), frame.originalLength(), null);
            }
            Path file = write("converted.pcapng", pcapng.bytes());
            assertSameFrames(expected, file, "pcapng");
            assertSameFrames(expected, write("converted.pcapng.gz", PcapRewriter.gzip(pcapng.bytes())), "gzip");
        }
    }

    @Test
    void editcapConversionsGiveTheSameFrames() throws IOException {
        Reading fclose = TestTraces.read(TestTraces.publicTrace("tcpdump-mptcp-fclose.pcap"));
        assertSameFrames(fclose, TestTraces.resource("fclose-nsec.pcap"), "nanosecond");

        Reading commented = assertSameFrames(fclose, TestTraces.resource("fclose-commented.pcapng"), "pcapng");
        assertThat(commented.packetComments()).containsExactly(
                java.util.Map.entry(2L, "second packet, commented by editcap"));

        Reading client = TestTraces.read(TestTraces.publicTrace("mptcpanalyzer_client_2.pcap"));
        Reading firstTen = TestTraces.read(TestTraces.resource("client_2-first10.pcapng"));
        assertThat(firstTen.warnings()).isEmpty();
        assertThat(firstTen.frames()).isEqualTo(client.frames().subList(0, 10));
        assertThat(firstTen.comments()).as("dumpcap writes if_os, not opt_comment").isEmpty();
    }

    @Test
    void linkTypeIgnoresFcsBitsAndAnySnaplenIsAccepted() throws IOException {
        Reading expected = TestTraces.read(TestTraces.publicTrace("tcpdump-mptcp-fclose.pcap"));
        byte[] pcap = Files.readAllBytes(TestTraces.publicTrace("tcpdump-mptcp-fclose.pcap"));
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(20)).isEqualTo(1);
        // libpcap: 0x04000000 says an FCS length is present, the top 4 bits give it in 16-bit words
        header.putInt(20, 0x2000_0000 | 0x0400_0000 | 1);
        for (int snaplen : new int[] {0, 1, -1}) {
            header.putInt(16, snaplen);
            Reading reading = assertSameFrames(expected, write("fcs-snaplen.pcap", pcap), "pcap");
            assertThat(reading.linkTypes()).containsExactly(1);
        }
    }

    private Reading assertSameFrames(Reading expected, Path variant, String detail) throws IOException {
        Reading actual = TestTraces.read(variant);
        assertThat(actual.warnings()).isEmpty();
        assertThat(actual.formatDetail()).contains(detail);
        assertThat(actual.frames()).hasSameSizeAs(expected.frames());
        for (int i = 0; i < expected.frames().size(); i++) {
            assertThat(actual.frames().get(i)).as("frame %d of %s", i + 1, variant).isEqualTo(expected.frames().get(i));
        }
        return actual;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytes(FrameCopy frame) {
        byte[] bytes = new byte[frame.bytes().remaining()];
        frame.bytes().duplicate().get(bytes);
        return bytes;
    }
}
