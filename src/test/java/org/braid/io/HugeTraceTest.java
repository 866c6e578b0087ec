package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real pcap file over 2 GiB, whose records cross the 1 GiB window ends and the 2 GiB mark.
 * It writes 2.3 GB to the temporary folder, so it runs only with {@code -Dbraid.hugeTraces=true}.
 */
@EnabledIfSystemProperty(named = "braid.hugeTraces", matches = "true")
class HugeTraceTest {
    private static final long TARGET_SIZE = (1L << 31) + (256L << 20);
    private static final int BASE_LENGTH = 65_000;
    private static final long SECOND = 1_000_000_000L;

    @TempDir Path dir;

    @Test
    void readsEveryRecordOfAFileOverTwoGigabytes() throws IOException {
        Path file = dir.resolve("huge.pcap");
        long written = writeHugePcap(file);

        for (int window : new int[] {MappedWindow.DEFAULT_WINDOW, 100 << 20}) {
            try (PacketSource source = TraceReader.open(file, window)) {
                Frame frame = new Frame();
                long number = 0;
                long lastOffset = 0;
                while (source.next(frame)) {
                    number++;
                    int length = lengthOf(number);
                    assertThat(frame.packetNumber()).isEqualTo(number);
                    assertThat(frame.capturedLength()).isEqualTo(length);
                    assertThat(frame.timestampNanos()).isEqualTo(number * SECOND + 1000);
                    assertThat(frame.buffer().getLong(frame.offset())).isEqualTo(number);
                    assertThat(frame.buffer().getLong(frame.offset() + length - 8)).isEqualTo(~number);
                    lastOffset = frame.fileOffset();
                }
                assertThat(source.warnings()).isEmpty();
                assertThat(number).isEqualTo(written);
                assertThat(lastOffset).isGreaterThan(1L << 31);
                assertThat(source.position()).isEqualTo(source.size()).isGreaterThan(TARGET_SIZE);
            }
        }
    }

    /** Lengths vary so that records straddle the window ends at odd offsets. */
    private static int lengthOf(long number) {
        return BASE_LENGTH + (int) (number % 7) * 13;
    }

    /** Writes microsecond little-endian pcap records until the file passes {@link #TARGET_SIZE}. */
    private static long writeHugePcap(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(1);
        long size = 24;
        long number = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (size <= TARGET_SIZE) {
                number++;
                int length = lengthOf(number);
                if (buffer.remaining() < 16 + length) {
                    flush(out, buffer);
                }
                buffer.putInt((int) number).putInt(1).putInt(length).putInt(length);
                int data = buffer.position();
                buffer.order(ByteOrder.BIG_ENDIAN).putLong(data, number).putLong(data + length - 8, ~number)
                        .order(ByteOrder.LITTLE_ENDIAN).position(data + length);
                size += 16 + length;
            }
            flush(out, buffer);
        }
        return number;
    }

    private static void flush(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}
