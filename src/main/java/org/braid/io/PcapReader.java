package org.braid.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Classic libpcap format: microsecond or nanosecond timestamps, either byte order. */
final class PcapReader implements PacketSource {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** Larger than any link MTU; a longer record means the length field is garbage. */
    private static final int MAX_RECORD = 256 * 1024;

    private final String name;
    private final ByteBuffer header;   // in the file's byte order, for record headers
    private final ByteBuffer data;     // big-endian view of the same bytes, handed out in frames
    private final boolean nanos;
    private final int linkType;
    private final List<TraceWarning> warnings = new ArrayList<>();
    private int position = FILE_HEADER;
    private long packetNumber;

    static boolean isPcapMagic(int magic) {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS
                || magic == Integer.reverseBytes(MAGIC_MICROS) || magic == Integer.reverseBytes(MAGIC_NANOS);
    }

    PcapReader(String name, ByteBuffer map) throws TraceFormatException {
        this.name = name;
        int magic = map.order(ByteOrder.BIG_ENDIAN).getInt(0);
        boolean bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        this.nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        this.header = map.duplicate().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        this.data = map.duplicate().order(ByteOrder.BIG_ENDIAN);
        if (map.limit() < FILE_HEADER) {
            throw new TraceFormatException(name, 0, "pcap file header truncated: " + map.limit() + " of 24 bytes");
        }
        this.linkType = header.getInt(20) & 0x0fffffff; // upper bits may carry FCS length
    }

    @Override
    public boolean next(Frame frame) {
        int limit = header.limit();
        if (position >= limit) {
            return false;
        }
        long number = packetNumber + 1;
        if (limit - position < RECORD_HEADER) {
            warn(number, "truncated record header: " + (limit - position) + " of 16 bytes");
            return false;
        }
        long seconds = header.getInt(position) & 0xffffffffL;
        long fraction = header.getInt(position + 4) & 0xffffffffL;
        long captured = header.getInt(position + 8) & 0xffffffffL;
        long original = header.getInt(position + 12) & 0xffffffffL;
        if (captured > MAX_RECORD) {
            warn(number, "captured length " + captured + " is absurd (over " + MAX_RECORD + " bytes)");
            return false;
        }
        int body = position + RECORD_HEADER;
        if (captured > limit - body) {
            warn(number, "record truncated: " + captured + " bytes declared, " + (limit - body) + " left in file");
            return false;
        }
        long nanosOfSecond = nanos ? fraction : fraction * 1000;
        frame.set(data, body, (int) captured, (int) Math.max(original, captured), linkType, 0,
                seconds * 1_000_000_000L + nanosOfSecond, number, position);
        packetNumber = number;
        position = body + (int) captured;
        return true;
    }

    private void warn(long number, String message) {
        warnings.add(new TraceWarning(name, number, position, message));
        position = header.limit();
    }

    @Override public TraceFormat format() { return TraceFormat.PCAP; }

    @Override
    public String formatDetail() {
        return "pcap, " + (nanos ? "nanosecond" : "microsecond") + " timestamps, "
                + (header.order() == ByteOrder.BIG_ENDIAN ? "big" : "little") + "-endian";
    }

    @Override public Set<Integer> linkTypes() { return Set.of(linkType); }
    @Override public List<TraceWarning> warnings() { return warnings; }
    @Override public List<String> comments() { return List.of(); }
    @Override public String name() { return name; }
    @Override public void close() {}
}
