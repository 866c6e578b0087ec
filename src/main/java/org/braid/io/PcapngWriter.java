package org.braid.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes frames as pcapng (little-endian, nanosecond timestamps, one interface per link type and
 * snaplen), for saving live captures and exporting filtered packets. {@link #atomic(Path, String)} writes to a
 * temporary file beside the target and moves it into place on close, so a crash never leaves a
 * half-written trace under the real name.
 */
public final class PcapngWriter implements Closeable {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int IF_TSRESOL = 9;
    private static final int SNAPLEN = 262_144;

    private final OutputStream out;
    private final Path temporary;
    private final Path target;
    private final Map<Integer, Integer> interfaceOfLinkType = new HashMap<>();
    private ByteBuffer block = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
    private long packets;

    private PcapngWriter(OutputStream out, Path temporary, Path target, String comment) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.temporary = temporary;
        this.target = target;
        writeSectionHeader(comment);
    }

    /** A writer on any stream; the caller owns where the bytes go. */
    public static PcapngWriter to(OutputStream out, String comment) throws IOException {
        return new PcapngWriter(out, null, null, comment);
    }

    /** A writer that only replaces {@code target} when closed without error. */
    public static PcapngWriter atomic(Path target, String comment) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            return new PcapngWriter(Files.newOutputStream(temporary), temporary, target, comment);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Appends the frame's captured bytes, keeping its timestamp, original length and link type. */
    public void write(Frame frame) throws IOException {
        int iface = interfaceFor(frame.linkType());
        int captured = frame.capturedLength();
        int padded = pad4(captured);
        int length = 32 + padded;
        ByteBuffer b = begin(EPB, length);
        b.putInt(iface);
        long ts = frame.timestampNanos();
        b.putInt((int) (ts >>> 32));
        b.putInt((int) ts);
        b.putInt(captured);
        b.putInt(frame.originalLength());
        b.put(b.position(), frame.buffer(), frame.offset(), captured);
        b.position(b.position() + captured);
        zeros(b, padded - captured);
        end(b, length);
        packets++;
    }

    public long packets() { return packets; }

    /** Flushes and, for an atomic writer, moves the finished file into place. */
    @Override
    public void close() throws IOException {
        out.close();
        if (temporary != null) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Closes without publishing: the temporary file is deleted and the target left as it was. */
    public void abandon() throws IOException {
        out.close();
        if (temporary != null) {
            Files.deleteIfExists(temporary);
        }
    }

    private int interfaceFor(int linkType) throws IOException {
        Integer known = interfaceOfLinkType.get(linkType);
        if (known != null) {
            return known;
        }
        int id = interfaceOfLinkType.size();
        interfaceOfLinkType.put(linkType, id);
        int length = 20 + 8 + 4; // header + tsresol option (padded) + end of options
        ByteBuffer b = begin(IDB, length);
        b.putShort((short) linkType);
        b.putShort((short) 0);
        b.putInt(SNAPLEN);
        b.putShort((short) IF_TSRESOL).putShort((short) 1).put((byte) 9).put(new byte[3]);
        b.putShort((short) OPT_END).putShort((short) 0);
        end(b, length);
        return id;
    }

    private void writeSectionHeader(String comment) throws IOException {
        byte[] text = comment == null ? new byte[0] : comment.getBytes(StandardCharsets.UTF_8);
        int options = text.length == 0 ? 0 : 4 + pad4(text.length) + 4;
        int length = 28 + options;
        ByteBuffer b = begin(SHB, length);
        b.putInt(0x1A2B3C4D);
        b.putShort((short) 1).putShort((short) 0);
        b.putLong(-1L); // section length unknown
        if (options > 0) {
            b.putShort((short) OPT_COMMENT).putShort((short) text.length).put(text);
            zeros(b, pad4(text.length) - text.length);
            b.putShort((short) OPT_END).putShort((short) 0);
        }
        end(b, length);
    }

    private ByteBuffer begin(int type, int length) {
        if (block.capacity() < length) {
            block = ByteBuffer.allocate(Integer.highestOneBit(length) << 1).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.clear();
        block.putInt(type).putInt(length);
        return block;
    }

    private void end(ByteBuffer b, int length) throws IOException {
        b.putInt(length);
        if (b.position() != length) {
            throw new IllegalStateException("pcapng block built with " + b.position() + " bytes, declared " + length);
        }
        out.write(b.array(), b.arrayOffset(), length);
    }

    private static void zeros(ByteBuffer b, int count) {
        for (int i = 0; i < count; i++) {
            b.put((byte) 0);
        }
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
