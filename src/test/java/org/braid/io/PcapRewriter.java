package org.braid.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPOutputStream;

/**
 * Rewrites the raw bytes of a classic pcap file into equivalent variants, without going through
 * the reader under test: the other byte order, nanosecond timestamps, gzip.
 */
final class PcapRewriter {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;

    private PcapRewriter() {}

    /** The same trace written by a machine of the other byte order. */
    static byte[] swapByteOrder(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(orderOf(pcap));
        ByteBuffer out = ByteBuffer.allocate(pcap.length).order(in.order() == ByteOrder.BIG_ENDIAN
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        out.putInt(in.getInt(0)).putShort(in.getShort(4)).putShort(in.getShort(6));
        for (int field = 8; field < FILE_HEADER; field += 4) {
            out.putInt(in.getInt(field));
        }
        eachRecord(in, (record, captured) -> {
            for (int field = 0; field < RECORD_HEADER; field += 4) {
                out.putInt(in.getInt(record + field));
            }
            out.put(pcap, record + RECORD_HEADER, captured);
        });
        return out.array();
    }

    /** The same microsecond trace with nanosecond timestamps (magic 0xa1b23c4d). */
    static byte[] toNanoseconds(byte[] pcap) {
        ByteBuffer buffer = ByteBuffer.wrap(pcap.clone()).order(orderOf(pcap));
        if (buffer.getInt(0) != MAGIC_MICROS) {
            throw new IllegalArgumentException("not a microsecond pcap");
        }
        buffer.putInt(0, MAGIC_NANOS);
        eachRecord(buffer, (record, captured) -> buffer.putInt(record + 4, buffer.getInt(record + 4) * 1000));
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ByteOrder orderOf(byte[] pcap) {
        int magic = ByteBuffer.wrap(pcap).getInt(0);
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private interface RecordVisitor {
        void visit(int recordOffset, int capturedLength);
    }

    private static void eachRecord(ByteBuffer pcap, RecordVisitor visitor) {
        for (int record = FILE_HEADER; record < pcap.limit(); ) {
            int captured = pcap.getInt(record + 8);
            visitor.visit(record, captured);
            record += RECORD_HEADER + captured;
        }
    }
}
