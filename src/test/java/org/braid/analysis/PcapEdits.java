package org.braid.analysis;

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
final class PcapEdits {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapEdits() {}

    static byte[] read(Path trace) {
        try {
            return Files.readAllBytes(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace as captured with {@code snaplen}: every record cut to at most that many bytes. */
    static byte[] withSnaplen(byte[] pcap, int snaplen) {
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
    static byte[] without(byte[] pcap, long number) {
        int record = recordOffset(pcap, number);
        int length = RECORD_HEADER + order(pcap).getInt(record + 8);
        byte[] out = new byte[pcap.length - length];
        System.arraycopy(pcap, 0, out, 0, record);
        System.arraycopy(pcap, record + length, out, record, pcap.length - record - length);
        return out;
    }

    /** The trace with the last captured byte of packet {@code number} changed, as a middlebox would. */
    static byte[] withLastByteChanged(byte[] pcap, long number) {
        byte[] out = pcap.clone();
        int record = recordOffset(pcap, number);
        int last = record + RECORD_HEADER + order(pcap).getInt(record + 8) - 1;
        out[last] ^= 0x5a;
        return out;
    }

    /** The captured length of packet {@code number}. */
    static int capturedLength(byte[] pcap, long number) {
        return order(pcap).getInt(recordOffset(pcap, number) + 8);
    }

    static AnalysisResult analyze(byte[] pcap, Path dir, String name) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, pcap);
            return Analysis.of(file);
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
