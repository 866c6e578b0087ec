package org.braid.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * pcapng: any number of sections, each in its own byte order, with their interfaces (link type,
 * snaplen, timestamp resolution and offset) and Enhanced, Simple and obsolete Packet Blocks.
 * Other block types are skipped once their framing is checked. A block whose framing is wrong
 * ends the scan with a warning, since nothing after it can be located.
 */
final class PcapngReader implements PacketSource {
    static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;

    /** Type and total length before the body, total length again after it. */
    private static final int BLOCK_FRAMING = 12;
    private static final int MIN_SECTION_HEADER = 28;
    private static final int MIN_INTERFACE_DESCRIPTION = 20;
    private static final int MIN_PACKET = 32;
    private static final int MIN_SIMPLE_PACKET = 16;
    /** Offset of the packet data in Enhanced and obsolete Packet Blocks. */
    private static final int PACKET_DATA = 28;
    private static final int SIMPLE_PACKET_DATA = 12;

    private final TraceFile file;
    private final ByteWindow window;
    private final List<TraceWarning> warnings;
    private final List<String> comments = new ArrayList<>();
    private final Map<Long, String> packetComments = new LinkedHashMap<>();
    private final Set<Integer> linkTypes = new LinkedHashSet<>();
    private final Set<ByteOrder> orders = new LinkedHashSet<>();
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private final PcapngOptions options = new PcapngOptions();
    private ByteOrder order;
    private int sections;
    private long position;
    private long packetNumber;
    /** Simple Packet Blocks carry no timestamp; they get the previous packet's, so time never runs back. */
    private long lastTimestamp;
    private boolean ended;

    PcapngReader(TraceFile file) throws IOException {
        this.file = file;
        this.window = file.window();
        this.warnings = file.openWarnings();
        // Only a section header can be read while no byte order is known, so this reads no packet.
        String damage = readBlock(new Frame());
        if (damage != null) {
            throw new TraceFormatException(file.name(), 0, "bad pcapng section header: " + damage);
        }
    }

    @Override
    public boolean framesOutliveNext() {
        return window instanceof MappedWindow; // a new window is a new mapping: frames keep the old one
    }

    @Override
    public boolean next(Frame frame) throws IOException {
        while (!ended && window.available(position, 1) > 0) {
            long before = packetNumber;
            String damage = readBlock(frame);
            if (damage != null) {
                warn(packetNumber + 1, damage);
                ended = true;
                position = Math.max(position, file.size()); // progress shows the end; a stream's size is unknown
                return false;
            }
            if (packetNumber != before) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the block at {@link #position} and moves past it. Returns null when it was fine,
     * otherwise what is wrong with it (the position then stays on the bad block).
     */
    private String readBlock(Frame frame) throws IOException {
        long left = window.available(position, BLOCK_FRAMING);
        if (left < BLOCK_FRAMING) {
            return "block header truncated: " + left + " bytes left in file";
        }
        int at = window.map(position, BLOCK_FRAMING);
        int type = window.bigEndian().getInt(at);
        ByteOrder blockOrder = type == SECTION_HEADER ? sectionByteOrder(window.bigEndian().getInt(at + 8)) : order;
        if (blockOrder == null) {
            return type == SECTION_HEADER
                    ? String.format(Locale.ROOT, "section header with unknown byte-order magic 0x%08x",
                            window.bigEndian().getInt(at + 8))
                    : String.format(Locale.ROOT, "file does not start with a section header (block type 0x%08x)", type);
        }
        type = window.view(blockOrder).getInt(at);
        long length = window.view(blockOrder).getInt(at + 4) & 0xffffffffL;
        left = window.available(position, Math.max(length, BLOCK_FRAMING));
        String framing = checkFraming(type, length, left);
        if (framing != null) {
            return framing;
        }
        boolean parsed = type == SECTION_HEADER || type == INTERFACE_DESCRIPTION || type == ENHANCED_PACKET
                || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
        if (parsed && length > Limits.MAX_READ_BLOCK) {
            return "block of type " + type + " is " + length + " bytes long, which is absurd";
        }
        // Blocks to parse are mapped whole; skipped ones only need their trailer.
        int trailerAt;
        if (parsed) {
            at = window.map(position, (int) length);
            trailerAt = at + (int) length - 4;
        } else {
            trailerAt = window.map(position + length - 4, 4);
        }
        ByteBuffer view = window.view(blockOrder);
        long trailer = view.getInt(trailerAt) & 0xffffffffL;
        if (trailer != length) {
            return "block trailer length " + trailer + " differs from header length " + length;
        }
        int size = (int) length;
        String damage = switch (type) {
            case SECTION_HEADER -> readSectionHeader(view, at, size, blockOrder);
            case INTERFACE_DESCRIPTION -> readInterface(view, at, size);
            case ENHANCED_PACKET -> readPacket(frame, view, at, size, view.getInt(at + 8) & 0xffffffffL);
            case OBSOLETE_PACKET -> readPacket(frame, view, at, size, view.getShort(at + 8) & 0xffff);
            case SIMPLE_PACKET -> readSimplePacket(frame, view, at, size);
            default -> null;
        };
        if (damage == null) {
            position += length;
        }
        return damage;
    }

    /** A section may switch byte order; its magic says which, before its length can be read. */
    private static ByteOrder sectionByteOrder(int magic) {
        if (magic == BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        return magic == Integer.reverseBytes(BYTE_ORDER_MAGIC) ? ByteOrder.LITTLE_ENDIAN : null;
    }

    private static String checkFraming(int type, long length, long left) {
        if (length < BLOCK_FRAMING) {
            return "block length " + length + " is below the minimum of " + BLOCK_FRAMING;
        }
        if (length % 4 != 0) {
            return "block length " + length + " is not a multiple of 4";
        }
        if (length > left) {
            return "block truncated: " + length + " bytes declared, " + left + " left in file";
        }
        int minimum = switch (type) {
            case SECTION_HEADER -> MIN_SECTION_HEADER;
            case INTERFACE_DESCRIPTION -> MIN_INTERFACE_DESCRIPTION;
            case ENHANCED_PACKET, OBSOLETE_PACKET -> MIN_PACKET;
            case SIMPLE_PACKET -> MIN_SIMPLE_PACKET;
            default -> BLOCK_FRAMING;
        };
        if (length < minimum) {
            return "block of type " + type + " is " + length + " bytes long, below its minimum of " + minimum;
        }
        return null;
    }

    private String readSectionHeader(ByteBuffer view, int at, int length, ByteOrder blockOrder) {
        int major = view.getShort(at + 12) & 0xffff;
        if (major != 1) {
            return "unsupported pcapng version " + major + "." + (view.getShort(at + 14) & 0xffff);
        }
        order = blockOrder;
        orders.add(blockOrder);
        sections++;
        interfaces.clear(); // interface ids are numbered per section
        options.reset(view, at + 24, at + length - 4);
        while (options.next()) {
            if (options.code() == PcapngOptions.COMMENT) {
                comments.add(options.string());
            }
        }
        warnIfMalformed(0, "section header");
        return null;
    }

    private String readInterface(ByteBuffer view, int at, int length) {
        int linkType = view.getShort(at + 8) & 0xffff;
        long snapLength = view.getInt(at + 12) & 0xffffffffL;
        TimestampUnit unit = TimestampUnit.MICROSECONDS;
        long offsetNanos = 0;
        options.reset(view, at + 16, at + length - 4);
        while (options.next()) {
            switch (options.code()) {
                case PcapngOptions.COMMENT -> comments.add(options.string());
                case PcapngOptions.IF_TSRESOL -> {
                    int resolution = view.get(options.value()) & 0xff;
                    TimestampUnit declared = options.length() >= 1 ? TimestampUnit.fromResolution(resolution) : null;
                    if (declared == null) {
                        warn(0, String.format(Locale.ROOT, "interface %d: unsupported if_tsresol 0x%02x, using microseconds",
                                interfaces.size(), resolution));
                    } else {
                        unit = declared;
                    }
                }
                case PcapngOptions.IF_TSOFFSET -> {
                    if (options.length() == 8) {
                        offsetNanos = view.getLong(options.value()) * 1_000_000_000L;
                    }
                }
                default -> { }
            }
        }
        warnIfMalformed(0, "interface description");
        interfaces.add(new PcapngInterface(linkType, snapLength, unit, offsetNanos));
        linkTypes.add(linkType);
        return null;
    }

    /** Enhanced and obsolete Packet Blocks: same layout but for the width of the interface id. */
    private String readPacket(Frame frame, ByteBuffer view, int at, int length, long interfaceId) {
        if (interfaceId >= interfaces.size()) {
            return "packet refers to interface " + interfaceId + ", but its section declares "
                    + interfaces.size();
        }
        long ticks = (view.getInt(at + 12) & 0xffffffffL) << 32 | (view.getInt(at + 16) & 0xffffffffL);
        long captured = view.getInt(at + 20) & 0xffffffffL;
        long original = view.getInt(at + 24) & 0xffffffffL;
        if (captured > Limits.MAX_FRAME) {
            return "captured length " + captured + " is absurd (over " + Limits.MAX_FRAME + " bytes)";
        }
        int room = length - PACKET_DATA - 4;
        if (captured > room) {
            return "captured length " + captured + " does not fit the block's " + room + " bytes of data";
        }
        PcapngInterface declared = interfaces.get((int) interfaceId);
        long number = packetNumber + 1;
        int padded = (int) ((captured + 3) & ~3L);
        options.reset(view, at + PACKET_DATA + Math.min(padded, room), at + length - 4);
        while (options.next()) {
            if (options.code() == PcapngOptions.COMMENT) {
                packetComments.put(number, options.string());
            }
        }
        warnIfMalformed(number, "packet");
        long timestamp = declared.timestampNanos(ticks);
        deliver(frame, at + PACKET_DATA, (int) captured, original, declared.linkType(), (int) interfaceId, timestamp);
        return null;
    }

    private String readSimplePacket(Frame frame, ByteBuffer view, int at, int length) {
        if (interfaces.isEmpty()) {
            return "simple packet block before any interface description";
        }
        PcapngInterface first = interfaces.get(0);
        long original = view.getInt(at + 8) & 0xffffffffL;
        long captured = Math.min(original, length - SIMPLE_PACKET_DATA - 4);
        if (first.snapLength() > 0) {
            captured = Math.min(captured, first.snapLength());
        }
        if (captured > Limits.MAX_FRAME) {
            return "captured length " + captured + " is absurd (over " + Limits.MAX_FRAME + " bytes)";
        }
        deliver(frame, at + SIMPLE_PACKET_DATA, (int) captured, original, first.linkType(), 0, lastTimestamp);
        return null;
    }

    private void deliver(Frame frame, int data, int captured, long original, int linkType, int interfaceId,
                         long timestamp) {
        long number = packetNumber + 1;
        int wireLength = (int) Math.min(Math.max(original, captured), Integer.MAX_VALUE);
        frame.set(window.bigEndian(), data, captured, wireLength, linkType, interfaceId, timestamp, number, position);
        packetNumber = number;
        lastTimestamp = timestamp;
    }

    private void warnIfMalformed(long number, String block) {
        if (options.malformed()) {
            warn(number, block + " option overruns its block; later options ignored");
        }
    }

    private void warn(long number, String message) {
        warnings.add(new TraceWarning(file.name(), number, position, message));
    }

    @Override public TraceFormat format() { return TraceFormat.PCAPNG; }

    @Override
    public String formatDetail() {
        StringBuilder detail = new StringBuilder("pcapng");
        for (ByteOrder seen : orders) {
            detail.append(seen == ByteOrder.BIG_ENDIAN ? ", big-endian" : ", little-endian");
        }
        if (sections > 1) {
            detail.append(", ").append(sections).append(" sections");
        }
        return detail.append(file.compressed() ? ", gzip" : "").toString();
    }

    @Override public Set<Integer> linkTypes() { return Collections.unmodifiableSet(linkTypes); }
    @Override public List<TraceWarning> warnings() { return warnings; }
    @Override public List<String> comments() { return Collections.unmodifiableList(comments); }
    @Override public Map<Long, String> packetComments() { return Collections.unmodifiableMap(packetComments); }
    @Override public String name() { return file.name(); }
    @Override public long position() { return position; }
    @Override public long size() { return file.size(); }
    @Override public void close() throws IOException { file.close(); }
}
