package org.braid.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pcapng blocks for tests, in the byte order of the current section. */
final class PcapngBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    /** Starts a section (SHB) in the given byte order, with optional comments. */
    PcapngBuilder section(ByteOrder order, String... comments) {
        this.order = order;
        Body body = new Body().i32(0x1a2b3c4d).i16(1).i16(0).i64(-1);
        for (String comment : comments) {
            body.option(1, comment.getBytes(StandardCharsets.UTF_8));
        }
        return block(0x0a0d0d0a, body.endOptions(comments.length > 0));
    }

    /** An interface (IDB); {@code tsresol} and {@code tsoffset} are left out when null. */
    PcapngBuilder iface(int linkType, int snapLength, Integer tsresol, Long tsoffsetSeconds, String comment) {
        Body body = new Body().i16(linkType).i16(0).i32(snapLength);
        if (tsresol != null) {
            body.option(9, new byte[] {(byte) tsresol.intValue()});
        }
        if (tsoffsetSeconds != null) {
            body.option(14, ByteBuffer.allocate(8).order(order).putLong(tsoffsetSeconds).array());
        }
        if (comment != null) {
            body.option(1, comment.getBytes(StandardCharsets.UTF_8));
        }
        return block(1, body.endOptions(tsresol != null || tsoffsetSeconds != null || comment != null));
    }

    PcapngBuilder iface(int linkType) {
        return iface(linkType, 0, null, null, null);
    }

    /** An Enhanced Packet Block, optionally with a comment. */
    PcapngBuilder epb(int interfaceId, long ticks, byte[] data, int originalLength, String comment) {
        Body body = new Body().i32(interfaceId).i32((int) (ticks >>> 32)).i32((int) ticks)
                .i32(data.length).i32(originalLength).bytes(data).pad();
        if (comment != null) {
            body.option(1, comment.getBytes(StandardCharsets.UTF_8)).endOptions(true);
        }
        return block(6, body);
    }

    /** An obsolete Packet Block (16-bit interface id, then a drop count). */
    PcapngBuilder opb(int interfaceId, long ticks, byte[] data, int originalLength) {
        return block(2, new Body().i16(interfaceId).i16(0).i32((int) (ticks >>> 32)).i32((int) ticks)
                .i32(data.length).i32(originalLength).bytes(data).pad());
    }

    /** A Simple Packet Block: only the original length and the (possibly snaplen-cut) data. */
    PcapngBuilder spb(byte[] data, int originalLength) {
        return block(3, new Body().i32(originalLength).bytes(data).pad());
    }

    /** Any block, such as one of a type the reader does not know. */
    PcapngBuilder block(int type, byte[] body) {
        return block(type, new Body().bytes(body).pad());
    }

    /** Raw bytes, for damage. */
    PcapngBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private PcapngBuilder block(int type, Body body) {
        byte[] content = body.out.toByteArray();
        int length = 12 + content.length;
        out.writeBytes(ByteBuffer.allocate(8).order(order).putInt(type).putInt(length).array());
        out.writeBytes(content);
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(length).array());
        return this;
    }

    private final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body i16(int value) { return bytes(ByteBuffer.allocate(2).order(order).putShort((short) value).array()); }
        Body i32(int value) { return bytes(ByteBuffer.allocate(4).order(order).putInt(value).array()); }
        Body i64(long value) { return bytes(ByteBuffer.allocate(8).order(order).putLong(value).array()); }

        Body bytes(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        Body pad() {
            while (out.size() % 4 != 0) {
                out.write(0);
            }
            return this;
        }

        Body option(int code, byte[] value) {
            return i16(code).i16(value.length).bytes(value).pad();
        }

        Body endOptions(boolean any) {
            return any ? i16(0).i16(0) : this;
        }
    }
}
