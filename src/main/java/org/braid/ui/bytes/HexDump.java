package org.braid.ui.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bytes pane's text, Wireshark's layout: 16 bytes a line as offset, hex (a gap after 8) and
 * ASCII. It is cut into segments so the pane can highlight one byte range in both the hex and the
 * ASCII part; lines without highlighted bytes merge into few long segments.
 */
public final class HexDump {
    public static final int BYTES_PER_LINE = 16;

    /** A run of text, highlighted or not. */
    public record Segment(String text, boolean highlighted) {}

    private HexDump() {}

    /** The whole dump of {@code bytes} as one string. */
    public static String text(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        segments(bytes, 0, 0).forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /**
     * The dump of {@code bytes} with {@code [start, start + length)} highlighted (clipped to the
     * bytes; nothing highlighted when the range is empty or outside).
     */
    public static List<Segment> segments(byte[] bytes, int start, int length) {
        int from = Math.max(0, Math.min(start, bytes.length));
        int to = length <= 0 ? from : (int) Math.max(from, Math.min((long) start + length, bytes.length));
        Builder out = new Builder();
        for (int line = 0; line < bytes.length; line += BYTES_PER_LINE) {
            int end = Math.min(line + BYTES_PER_LINE, bytes.length);
            out.add(String.format(Locale.ROOT, "%04x  ", line), false);
            for (int i = line; i < line + BYTES_PER_LINE; i++) {
                String cell = i < end ? String.format(Locale.ROOT, "%02x", bytes[i] & 0xff) : "  ";
                boolean lit = i >= from && i < to;
                // The space after a byte is lit only when the next byte is too, so runs look joined.
                boolean nextLit = i + 1 >= from && i + 1 < to && i + 1 < end;
                out.add(cell, lit);
                String gap = i - line == BYTES_PER_LINE / 2 - 1 ? "  " : " ";
                out.add(gap, lit && nextLit && i + 1 < line + BYTES_PER_LINE);
            }
            out.add(" ", false);
            for (int i = line; i < end; i++) {
                int b = bytes[i] & 0xff;
                out.add(String.valueOf(b >= 0x20 && b < 0x7f ? (char) b : '.'), i >= from && i < to);
            }
            out.add("\n", false);
        }
        return out.finish();
    }

    /** Joins neighbouring pieces of the same highlighting into one segment. */
    private static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private boolean runLit;

        void add(String text, boolean lit) {
            if (lit != runLit && run.length() > 0) {
                segments.add(new Segment(run.toString(), runLit));
                run.setLength(0);
            }
            runLit = lit;
            run.append(text);
        }

        List<Segment> finish() {
            if (run.length() > 0) {
                segments.add(new Segment(run.toString(), runLit));
            }
            return segments;
        }
    }
}
