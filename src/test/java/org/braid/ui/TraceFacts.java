package org.braid.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;

/** Facts about a trace computed straight from the decoder, to check the window against. */
final class TraceFacts {
    private TraceFacts() {}

    static long count(Path trace, Predicate<DecodedPacket> which) throws IOException {
        long[] count = new long[1];
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, (frame, packet) -> count[0] += which.test(packet) ? 1 : 0);
        }
        return count[0];
    }

    static byte[] bytesOf(Path trace, long packetNumber) throws IOException {
        byte[][] found = new byte[1][];
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, (frame, packet) -> {
                if (frame.packetNumber() == packetNumber) {
                    found[0] = frame.copyBytes();
                }
            });
        }
        return found[0];
    }
}
