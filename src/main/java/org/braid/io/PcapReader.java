package org.braid.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;

/** Classic libpcap format: microsecond or nanosecond timestamps, either byte order, any snaplen. */
final class PcapReader implements PacketSource {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** The link type's low bits; libpcap keeps FCS details in the upper ones (LT_LINKTYPE). */
    private static final int LINK_TYPE_MASK = 0x03ffffff;

    private final TraceFile file;
    private final ByteWindow window;
    private final ByteOrder order;
    private final boolean nanos;
    private final int linkType;
    private final List<TraceWarning> warnings;
    private long position = FILE_HEADER;
    private long packetNumber;
    private boolean ended;

    static boolean isPcapMagic(int magic) {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS
                || magic == Integer.reverseBytes(MAGIC_MICROS) || magic == Integer.reverseBytes(MAGIC_NANOS);
    }

    PcapReader(TraceFile file) throws IOException {
        this.file = file;
        this.window = file.window();
        this.warnings = file.openWarnings();
        long header = window.available(0, FILE_HEADER);
        if (header < FILE_HEADER) {
            throw new TraceFormatException(file.name(), 0,
                    "pcap file header truncated: " + header + " of " + FILE_HEADER + " bytes");
        }
        int at = window.map(0, FILE_HEADER);
        int magic = window.bigEndian().getInt(at);
        this.order = magic == MAGIC_MICROS || magic == MAGIC_NANOS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        this.nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        this.linkType = window.view(order).getInt(at + 20) & LINK_TYPE_MASK;
    }

    @Override
    public boolean framesOutliveNext() {
        return window instanceof MappedWindow; // a new window is a new mapping: frames keep the old one
    }

    @Override
    public boolean next(Frame frame) throws IOException {
        long left = ended ? 0 : window.available(position, RECORD_HEADER);
        if (left <= 0) {
            return false;
        }
        long number = packetNumber + 1;
        if (left < RECORD_HEADER) {
            return stop(number, "record header truncated: " + left + " of " + RECORD_HEADER + " bytes left in file");
        }
        int at = window.map(position, RECORD_HEADER);
        ByteBuffer header = window.view(order);
        long seconds = header.getInt(at) & 0xffffffffL;
        long fraction = header.getInt(at + 4) & 0xffffffffL;
        long captured = header.getInt(at + 8) & 0xffffffffL;
        long original = header.getInt(at + 12) & 0xffffffffL;
        if (original == 0) {
            // Nothing on the wire is no packet: zeros (a sparse or preallocated file) or garbage from here on.
            return stop(number, "record of 0 bytes on the wire is no packet; the rest of the file is not read");
        }
        if (captured > Limits.MAX_FRAME) {
            return stop(number, "captured length " + captured + " is absurd (over " + Limits.MAX_FRAME + " bytes)");
        }
        left = window.available(position, RECORD_HEADER + captured);
        if (captured > left - RECORD_HEADER) {
            return stop(number, "record truncated: " + captured + " bytes declared, "
                    + (left - RECORD_HEADER) + " left in file");
        }
        at = window.map(position, RECORD_HEADER + (int) captured);
        long nanosOfSecond = nanos ? fraction : fraction * 1000;
        frame.set(window.bigEndian(), at + RECORD_HEADER, (int) captured, (int) Math.min(Math.max(original, captured),
                Integer.MAX_VALUE), linkType, 0, seconds * 1_000_000_000L + nanosOfSecond, number, position);
        packetNumber = number;
        position += RECORD_HEADER + captured;
        return true;
    }

    /** Records the damage and ends the scan: nothing after a bad length can be trusted. */
    private boolean stop(long number, String message) {
        warnings.add(new TraceWarning(file.name(), number, position, message));
        ended = true;
        position = Math.max(position, file.size()); // progress shows the end; a stream's size is unknown
        return false;
    }

    @Override public TraceFormat format() { return TraceFormat.PCAP; }

    @Override
    public String formatDetail() {
        return "pcap, " + (nanos ? "nanosecond" : "microsecond") + " timestamps, "
                + (order == ByteOrder.BIG_ENDIAN ? "big" : "little") + "-endian"
                + (file.compressed() ? ", gzip" : "");
    }

    @Override public Set<Integer> linkTypes() { return Set.of(linkType); }
    @Override public List<TraceWarning> warnings() { return warnings; }
    @Override public List<String> comments() { return List.of(); }
    @Override public String name() { return file.name(); }
    @Override public long position() { return position; }
    @Override public long size() { return file.size(); }
    @Override public void close() throws IOException { file.close(); }
}
