package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.braid.io.TestTraces.FrameCopy;
import org.braid.io.TestTraces.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng features the public traces do not exercise, on files built block by block. */
class PcapngFeaturesTest {
    private static final int ETHERNET = 1;
    private static final int LINUX_SLL = 113;
    private static final int RAW_IP = 101;
    private static final long SECOND = 1_000_000_000L;

    @TempDir Path dir;

    @Test
    void sectionsInBothByteOrdersNumberTheirInterfacesAfresh() throws IOException {
        byte[] file = new PcapngBuilder()
                .section(ByteOrder.LITTLE_ENDIAN, "first section")
                .iface(ETHERNET, 0, null, null, "eth0")
                .epb(0, 1_000_000, data(60, 1), 60, null)
                .section(ByteOrder.BIG_ENDIAN, "second section")
                .iface(LINUX_SLL)
                .iface(RAW_IP)
                .epb(1, 2_000_000, data(40, 2), 40, "second packet")
                .epb(0, 3_000_000, data(44, 3), 44, null)
                .bytes();

        Reading reading = read(file);

        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.frames()).extracting(FrameCopy::linkType).containsExactly(ETHERNET, RAW_IP, LINUX_SLL);
        assertThat(reading.frames()).extracting(FrameCopy::interfaceId).containsExactly(0, 1, 0);
        assertThat(reading.frames()).extracting(FrameCopy::timestampNanos)
                .containsExactly(1 * SECOND, 2 * SECOND, 3 * SECOND);
        assertThat(reading.frames().get(1).bytes().array()).isEqualTo(data(40, 2));
        assertThat(reading.linkTypes()).containsExactlyInAnyOrder(ETHERNET, LINUX_SLL, RAW_IP);
        assertThat(reading.comments()).containsExactly("first section", "eth0", "second section");
        assertThat(reading.packetComments()).isEqualTo(Map.of(2L, "second packet"));
        assertThat(reading.formatDetail()).contains("little-endian", "big-endian", "2 sections");
    }

    @Test
    void timestampResolutionsAndOffset() throws IOException {
        long ticks = 1_500_000_123L;
        byte[] file = new PcapngBuilder()
                .section(ByteOrder.BIG_ENDIAN)
                .iface(ETHERNET, 0, 9, null, null)                      // 10^-9 s
                .iface(ETHERNET, 0, 3, null, null)                      // 10^-3 s
                .iface(ETHERNET, 0, 0x80 | 20, null, null)              // 2^-20 s
                .iface(ETHERNET, 0, 12, 100L, null)                     // 10^-12 s, 100 s later
                .iface(ETHERNET, 0, 0, null, null)                      // whole seconds
                .epb(0, ticks, data(20, 0), 20, null)
                .epb(1, ticks, data(20, 0), 20, null)
                .epb(2, (5L << 20) + (1L << 19), data(20, 0), 20, null) // 5.5 s
                .epb(3, ticks, data(20, 0), 20, null)
                .epb(4, 42, data(20, 0), 20, null)
                .bytes();

        Reading reading = read(file);

        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.frames()).extracting(FrameCopy::timestampNanos).containsExactly(
                1_500_000_123L,
                1_500_000_123L * 1_000_000,
                5 * SECOND + SECOND / 2,
                1_500_000L + 100 * SECOND, // picoseconds to nanoseconds rounds down
                42 * SECOND);
    }

    @Test
    void unusableResolutionFallsBackToMicrosecondsWithAWarning() throws IOException {
        byte[] file = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN)
                .iface(ETHERNET, 0, 0x7f, null, null)
                .epb(0, 7_000_000, data(20, 0), 20, null)
                .bytes();

        Reading reading = read(file);

        assertThat(reading.frames()).extracting(FrameCopy::timestampNanos).containsExactly(7 * SECOND);
        assertThat(reading.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("if_tsresol"));
    }

    @Test
    void simplePacketsAreCutToTheSnaplenOfInterfaceZeroAndKeepThePreviousTime() throws IOException {
        byte[] file = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN)
                .iface(ETHERNET, 64, null, null, null)
                .epb(0, 9_000_000, data(60, 1), 60, null)
                .spb(data(64, 2), 1500)      // cut by the snaplen
                .spb(data(38, 3), 38)        // padded to 40 in the block
                .bytes();

        Reading reading = read(file);

        assertThat(reading.warnings()).isEmpty();
        FrameCopy cut = reading.frames().get(1);
        FrameCopy padded = reading.frames().get(2);
        assertThat(cut.capturedLength()).isEqualTo(64);
        assertThat(cut.originalLength()).isEqualTo(1500);
        assertThat(cut.bytes().array()).isEqualTo(data(64, 2));
        assertThat(padded.capturedLength()).isEqualTo(38);
        assertThat(padded.bytes().array()).isEqualTo(data(38, 3));
        assertThat(reading.frames()).extracting(FrameCopy::timestampNanos).containsOnly(9 * SECOND);
        assertThat(reading.frames()).extracting(FrameCopy::linkType).containsOnly(ETHERNET);
    }

    @Test
    void obsoletePacketBlocksAndUnknownBlocksAreRead() throws IOException {
        byte[] file = new PcapngBuilder().section(ByteOrder.BIG_ENDIAN)
                .iface(ETHERNET)
                .iface(LINUX_SLL)
                .block(5, new byte[20])                 // interface statistics: skipped
                .opb(1, 4_000_000, data(50, 4), 70)
                .block(0x00000bad, new byte[] {1, 2, 3}) // custom block: skipped
                .block(0x80000001, new byte[0])          // local use: skipped
                .epb(0, 5_000_000, data(30, 5), 30, null)
                .bytes();

        Reading reading = read(file);

        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.frames()).hasSize(2);
        FrameCopy obsolete = reading.frames().get(0);
        assertThat(obsolete.interfaceId()).isEqualTo(1);
        assertThat(obsolete.linkType()).isEqualTo(LINUX_SLL);
        assertThat(obsolete.capturedLength()).isEqualTo(50);
        assertThat(obsolete.originalLength()).isEqualTo(70);
        assertThat(obsolete.timestampNanos()).isEqualTo(4 * SECOND);
        assertThat(reading.position()).isEqualTo(file.length);
    }

    private Reading read(byte[] file) throws IOException {
        Path path = Files.write(dir.resolve("built.pcapng"), file);
        Reading reading = TestTraces.read(path);
        // the same file through windows smaller than its blocks must read the same
        Reading windowed = TestTraces.read(path, 16);
        assertThat(windowed.frames()).isEqualTo(reading.frames());
        assertThat(windowed.warnings()).isEqualTo(reading.warnings());
        return reading;
    }

    /** Recognizable packet bytes: {@code seed} followed by a counting pattern. */
    static byte[] data(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed * 31 + i);
        }
        return data;
    }
}
