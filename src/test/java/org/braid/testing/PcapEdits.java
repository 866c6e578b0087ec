package org.braid.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.model.AnalysisResult;

/**
 * Damages a classic pcap file the way captures get damaged, for tests: a smaller snaplen, a lost
 * packet, a byte changed on the way. Works on the raw records, either byte order.
 */
public final class PcapEdits {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapEdits() {}

    /** The trace as a classic pcap (nanosecond, little-endian), whatever its format: pcapng is converted. */
    public static byte[] read(Path trace) {
        try {
            byte[] bytes = Files.readAllBytes(trace);
            int magic = ByteBuffer.wrap(bytes).getInt(0);
            return magic == 0x0a0d0d0a ? toPcap(trace) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toPcap(Path trace) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.braid.io.PacketSource source = org.braid.io.TraceReader.open(trace)) {
            org.braid.io.Frame frame = new org.braid.io.Frame();
            boolean first = true;
            while (source.next(frame)) {
                if (first) {
                    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER).order(ByteOrder.LITTLE_ENDIAN);
                    header.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                            .putInt(262144).putInt(frame.linkType());
                    out.write(header.array());
                    first = false;
                }
                ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN);
                long nanos = frame.timestampNanos();
                record.putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L))
                        .putInt(frame.capturedLength()).putInt(frame.originalLength());
                out.write(record.array());
                out.write(frame.copyBytes());
            }
        }
        return out.toByteArray();
    }

    public static byte[] readRaw(Path trace) {
        try {
            return Files.readAllBytes(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace as captured with {@code snaplen}: every record cut to at most that many bytes. */
    public static byte[] withSnaplen(byte[] pcap, int snaplen) {
        ByteBuffer in = order(pcap);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcap.length);
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER).order(in.order());
        header.put(pcap, 0, FILE_HEADER).putInt(16, snaplen);
        out.write(header.array(), 0, FILE_HEADER);
        for (int record = FILE_HEADER; record < pcap.length; ) {
            int captured = in.getInt(record + 8);
            int kept = Math.min(captured, snaplen);
            ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER).order(in.order());
            recordHeader.put(pcap, record, RECORD_HEADER).putInt(8, kept);
            out.write(recordHeader.array(), 0, RECORD_HEADER);
            out.write(pcap, record + RECORD_HEADER, kept);
            record += RECORD_HEADER + captured;
        }
        return out.toByteArray();
    }

    /** The trace without packet {@code number} (1-based), as if the capture had dropped it. */
    public static byte[] without(byte[] pcap, long number) {
        int record = recordOffset(pcap, number);
        int length = RECORD_HEADER + order(pcap).getInt(record + 8);
        byte[] out = new byte[pcap.length - length];
        System.arraycopy(pcap, 0, out, 0, record);
        System.arraycopy(pcap, record + length, out, record, pcap.length - record - length);
        return out;
    }

    /**
     * The trace as a capture started just before packet {@code first} (1-based) would have it:
     * packets {@code first} and after, renumbered from 1.
     */
    public static byte[] from(byte[] pcap, long first) {
        int record = recordOffset(pcap, first);
        byte[] out = new byte[pcap.length - record + FILE_HEADER];
        System.arraycopy(pcap, 0, out, 0, FILE_HEADER);
        System.arraycopy(pcap, record, out, FILE_HEADER, pcap.length - record);
        return out;
    }

    /** The trace without every {@code every}-th packet from {@code first} on, as a capture dropping under load. */
    public static byte[] withoutEvery(byte[] pcap, long first, int every) {
        ByteBuffer in = order(pcap);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcap.length);
        out.write(pcap, 0, FILE_HEADER);
        long number = 1;
        for (int record = FILE_HEADER; record < pcap.length; number++) {
            int length = RECORD_HEADER + in.getInt(record + 8);
            if (number < first || (number - first) % every != 0) {
                out.write(pcap, record, length);
            }
            record += length;
        }
        return out.toByteArray();
    }

    /** Packets in the trace. */
    public static long count(byte[] pcap) {
        ByteBuffer in = order(pcap);
        long count = 0;
        for (int record = FILE_HEADER; record < pcap.length; count++) {
            record += RECORD_HEADER + in.getInt(record + 8);
        }
        return count;
    }

    /** The trace with the last captured byte of packet {@code number} changed, as a middlebox would. */
    public static byte[] withLastByteChanged(byte[] pcap, long number) {
        byte[] out = pcap.clone();
        int record = recordOffset(pcap, number);
        int last = record + RECORD_HEADER + order(pcap).getInt(record + 8) - 1;
        out[last] ^= 0x5a;
        return out;
    }

    /** The trace with {@code bytes} written into packet {@code number} at {@code offset} from its first byte. */
    public static byte[] withBytes(byte[] pcap, long number, int offset, byte[] bytes) {
        byte[] out = pcap.clone();
        System.arraycopy(bytes, 0, out, recordOffset(pcap, number) + RECORD_HEADER + offset, bytes.length);
        return out;
    }

    /** The captured length of packet {@code number}. */
    public static int capturedLength(byte[] pcap, long number) {
        return order(pcap).getInt(recordOffset(pcap, number) + 8);
    }

    public static AnalysisResult analyze(byte[] pcap, Path dir, String name) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, pcap);
            return org.braid.analysis.MptcpAnalyzer.analyze(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int recordOffset(byte[] pcap, long number) {
        ByteBuffer in = order(pcap);
        int record = FILE_HEADER;
        for (long n = 1; n < number; n++) {
            record += RECORD_HEADER + in.getInt(record + 8);
        }
        if (record >= pcap.length) {
            throw new IllegalArgumentException("no packet " + number);
        }
        return record;
    }

    private static ByteBuffer order(byte[] pcap) {
        ByteBuffer buffer = ByteBuffer.wrap(pcap);
        int magic = buffer.getInt(0);
        boolean big = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d;
        return buffer.order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
