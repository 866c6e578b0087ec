package org.braid.stream;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Renders stream items as text in a {@link StreamFormat}; shared by the command line and the window. */
public final class StreamText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int HEX_LINE = 16;
    private static final int RAW_LINE = 32;
    private static final int C_LINE = 8;

    private StreamText() {}

    /** The line drawn for a hole, e.g. "[1448 bytes missing: DSN 2897–4344, not in the capture]". */
    public static String hole(StreamHole hole, String positionName) {
        if (!hole.lengthKnown()) {
            return String.format(Locale.ROOT, "[bytes before %s %d missing: the capture started mid-connection]",
                    positionName, hole.start());
        }
        return String.format(Locale.ROOT, "[%d bytes missing: %s %d\u2013%d, not in the capture]", hole.length(),
                positionName, hole.start(), hole.start() + hole.length() - 1);
    }

    /** A one-line description of a chunk: side, size, position, packet, subflow and repeats. */
    public static String describe(StreamChunk chunk, String positionName) {
        StringBuilder out = new StringBuilder();
        out.append(chunk.side().label()).append(", ").append(chunk.length()).append(" bytes at ").append(positionName)
                .append(' ').append(chunk.start()).append(", packet ").append(chunk.packetNumber());
        if (chunk.subflow() >= 0) {
            out.append(", subflow ").append(chunk.subflow());
        }
        out.append(" (tcp.stream ").append(chunk.flow()).append(')');
        if (chunk.reinjected()) {
            out.append(", also reinjected");
        }
        if (chunk.retransmitted()) {
            out.append(", also retransmitted");
        }
        if (chunk.resent()) {
            out.append(", also resent on its subflow");
        }
        return out.toString();
    }

    /**
     * Appends {@code length} bytes of a chunk in {@code format}. {@code start} is the stream
     * position of {@code bytes[0]} (hex dump offsets); {@code name} names a C array.
     */
    public static void render(StreamFormat format, byte[] bytes, int length, long start, String name, StringBuilder out) {
        switch (format) {
            case ASCII -> ascii(bytes, length, out);
            case HEX -> hexDump(bytes, length, start, out);
            case C_ARRAY -> cArray(bytes, length, name, out);
            case RAW -> raw(bytes, length, out);
            case UTF8 -> out.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }

    private static void ascii(byte[] bytes, int length, StringBuilder out) {
        for (int i = 0; i < length; i++) {
            out.append(asciiChar(bytes[i], true));
        }
    }

    private static char asciiChar(byte b, boolean keepLayout) {
        int c = b & 0xff;
        if (c >= 0x20 && c < 0x7f) {
            return (char) c;
        }
        return keepLayout && (c == '\n' || c == '\r' || c == '\t') ? (char) c : '.';
    }

    private static void hexDump(byte[] bytes, int length, long start, StringBuilder out) {
        for (int line = 0; line < length; line += HEX_LINE) {
            out.append(String.format(Locale.ROOT, "%08x  ", start + line));
            for (int i = 0; i < HEX_LINE; i++) {
                if (line + i < length) {
                    hexByte(bytes[line + i], out);
                    out.append(' ');
                } else {
                    out.append("   ");
                }
                if (i == HEX_LINE / 2 - 1) {
                    out.append(' ');
                }
            }
            out.append(' ');
            for (int i = line; i < Math.min(length, line + HEX_LINE); i++) {
                out.append(asciiChar(bytes[i], false));
            }
            out.append('\n');
        }
    }

    private static void cArray(byte[] bytes, int length, String name, StringBuilder out) {
        out.append("char ").append(name).append("[] = { /* ").append(length).append(" bytes */\n");
        for (int i = 0; i < length; i++) {
            out.append(i % C_LINE == 0 ? "" : " ").append("0x");
            hexByte(bytes[i], out);
            if (i < length - 1) {
                out.append(',');
            }
            if (i % C_LINE == C_LINE - 1 || i == length - 1) {
                out.append('\n');
            }
        }
        out.append("};\n");
    }

    private static void raw(byte[] bytes, int length, StringBuilder out) {
        for (int i = 0; i < length; i++) {
            hexByte(bytes[i], out);
            if (i % RAW_LINE == RAW_LINE - 1 || i == length - 1) {
                out.append('\n');
            }
        }
    }

    private static void hexByte(byte b, StringBuilder out) {
        out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
}
