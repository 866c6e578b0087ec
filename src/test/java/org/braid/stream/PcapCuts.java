package org.braid.stream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Partial captures made from a full classic pcap: one that started late, one with a small snaplen. */
public final class PcapCuts {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapCuts() {}

    /** The trace without its first {@code skipped} packets, as if the capture had started after them. */
    public static byte[] startingAfter(byte[] pcap, int skipped) {
        ByteBuffer in = order(pcap);
        int record = FILE_HEADER;
        for (int n = 0; n < skipped; n++) {
            record += RECORD_HEADER + in.getInt(record + 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcap.length);
        out.write(pcap, 0, FILE_HEADER);
        out.write(pcap, record, pcap.length - record);
        return out.toByteArray();
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

    private static ByteBuffer order(byte[] pcap) {
        ByteBuffer buffer = ByteBuffer.wrap(pcap);
        int magic = buffer.getInt(0);
        boolean big = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d;
        return buffer.order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
