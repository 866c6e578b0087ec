package org.braid.ui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a big pcap by repeating a small pcap's records, each copy one hour later than the last. */
final class RepeatedTrace {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final long COPY_SHIFT_SECONDS = 3600;

    private RepeatedTrace() {}

    static Path write(Path source, int copies, Path target) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(source));
        int magic = in.getInt(0);
        in.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            out.write(in.array(), 0, FILE_HEADER);
            ByteBuffer copy = ByteBuffer.wrap(in.array().clone()).order(in.order());
            for (int c = 0; c < copies; c++) {
                int at = FILE_HEADER;
                while (at + RECORD_HEADER <= in.limit()) {
                    int length = in.getInt(at + 8);
                    copy.putInt(at, (int) (in.getInt(at) + c * COPY_SHIFT_SECONDS));
                    out.write(copy.array(), at, RECORD_HEADER + length);
                    at += RECORD_HEADER + length;
                }
            }
        }
        return target;
    }
}
