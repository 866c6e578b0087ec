package org.braid.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A reusable cursor over a pcapng block's options (code, length, value padded to 4 bytes),
 * so walking a packet's options allocates nothing.
 */
final class PcapngOptions {
    static final int END_OF_OPTIONS = 0;
    static final int COMMENT = 1;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;
    private static final int OPTION_HEADER = 4;

    private ByteBuffer buffer;
    private int position;
    private int end;
    private int code;
    private int length;
    private int value;
    private boolean malformed;

    /** Starts walking the options in {@code [start, end)} of a buffer in the section's byte order. */
    void reset(ByteBuffer buffer, int start, int end) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
        this.malformed = false;
    }

    /** Moves to the next option; false at opt_endofopt, at the end, or at an option overrunning the block. */
    boolean next() {
        if (end - position < OPTION_HEADER) {
            return false;
        }
        code = buffer.getShort(position) & 0xffff;
        length = buffer.getShort(position + 2) & 0xffff;
        if (code == END_OF_OPTIONS) {
            return false;
        }
        value = position + OPTION_HEADER;
        if (length > end - value) {
            malformed = true;
            return false;
        }
        position = value + Math.min(end - value, (length + 3) & ~3);
        return true;
    }

    int code() { return code; }
    int length() { return length; }
    /** Index of the option's value in the buffer. */
    int value() { return value; }
    /** True when an option's length ran past the end of its block. */
    boolean malformed() { return malformed; }

    String string() {
        byte[] bytes = new byte[length];
        buffer.get(value, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
