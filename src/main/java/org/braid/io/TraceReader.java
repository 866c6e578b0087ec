package org.braid.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a trace file, choosing the reader from its magic number. */
public final class TraceReader {
    private TraceReader() {}

    public static PacketSource open(Path path) throws IOException {
        String name = path.getFileName().toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new TraceFormatException(name, 0, "empty file, not a pcap or pcapng trace");
            }
            if (size > Integer.MAX_VALUE) {
                throw new TraceFormatException(name, 0, "files over 2 GiB are not supported yet");
            }
            ByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            if (size < 4) {
                throw new TraceFormatException(name, 0, "file of " + size + " bytes is too short to be a trace");
            }
            int magic = map.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (PcapReader.isPcapMagic(magic)) {
                return new PcapReader(name, map);
            }
            throw new TraceFormatException(name, 0,
                    String.format("not a pcap or pcapng trace (magic 0x%08x)", magic));
        }
    }
}
