package org.braid.ui.find;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.braid.filter.FilterInput;
import org.braid.io.Frame;
import org.braid.render.DetailNode;
import org.braid.ui.analysis.ShownDetails;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketDecoding;
import org.braid.ui.packets.PacketRows;

/**
 * Finds the next (or previous) shown row whose packet matches a {@link FindQuery}, starting after
 * the selected row and wrapping around the list's end once, as Wireshark does. Each packet is read
 * and decoded afresh, so it runs off the UI thread; its columns need a row context of their own.
 */
public final class PacketSearch {
    private static final int CHECK_EVERY = 1024;

    /** A found row, and whether the search went past the end (or start) of the list to get there. */
    public record Hit(int row, int packetIndex, boolean wrapped) {}

    private final LoadedTrace trace;
    private final PacketRows rows;
    private final List<PacketColumn> columns;
    private final PacketColumn.RowContext context;
    private final FindQuery query;
    private final boolean absoluteSequence;
    private final PacketDecoding decoding;
    private final FilterInput input = new FilterInput();

    /**
     * @param columns the packet list's columns, whose texts a string search in the list reads
     * @param context a row context for this search alone (its summary cache is not shared with the UI)
     * @param absoluteSequence whether TCP numbers are shown as sent, in the list and the details
     */
    public PacketSearch(LoadedTrace trace, PacketRows rows, List<PacketColumn> columns,
                        PacketColumn.RowContext context, FindQuery query, boolean absoluteSequence) {
        if (!query.isValid()) {
            throw new IllegalArgumentException(query.error());
        }
        this.trace = trace;
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.context = context;
        this.query = query;
        this.absoluteSequence = absoluteSequence;
        this.decoding = new PacketDecoding(trace);
    }

    /**
     * The first matching row after {@code fromRow} in {@code direction} (+1 down, -1 up), wrapping
     * once; {@code fromRow} itself is tried last. Null when no shown row matches.
     * {@code checkIn} runs every thousand rows with the count done (to cancel and show progress).
     */
    public Hit find(int fromRow, int direction, IntConsumer checkIn) {
        int size = rows.size();
        if (size == 0) {
            return null;
        }
        int step = direction < 0 ? -1 : 1;
        int start = fromRow < 0 || fromRow >= size ? (step > 0 ? size - 1 : 0) : fromRow;
        for (int done = 1; done <= size; done++) {
            if (done % CHECK_EVERY == 0) {
                checkIn.accept(done);
            }
            int row = Math.floorMod(start + step * done, size);
            int packet = rows.packetIndex(row);
            if (matches(packet)) {
                boolean wrapped = fromRow >= 0 && fromRow < size && (step > 0 ? row <= fromRow : row >= fromRow);
                return new Hit(row, packet, wrapped);
            }
        }
        return null;
    }

    /** True when packet {@code index} matches the query. */
    public boolean matches(int index) {
        if (!decoding.load(index)) {
            return false;
        }
        return switch (query.kind()) {
            case DISPLAY_FILTER -> query.filter().matches(input.set(decoding.frame(), decoding.packet()));
            case HEX_VALUE -> contains(decoding.frame(), query.bytes(), true);
            case STRING -> switch (query.where()) {
                case PACKET_LIST -> listMatches(index);
                case PACKET_DETAILS -> detailsMatch(index);
                case PACKET_BYTES -> contains(decoding.frame(), query.bytes(), query.caseSensitive());
            };
        };
    }

    private boolean listMatches(int index) {
        for (PacketColumn column : columns) {
            if (textMatches(column.text(context, index))) {
                return true;
            }
        }
        return false;
    }

    /** What the details pane would show for the packet, TCP numbers as it shows them, Expert Info included. */
    private boolean detailsMatch(int index) {
        return anyMatches(ShownDetails.of(trace, index, decoding, absoluteSequence).nodes());
    }

    private boolean anyMatches(List<DetailNode> nodes) {
        for (DetailNode node : nodes) {
            if (textMatches(node.text()) || anyMatches(node.children())) {
                return true;
            }
        }
        return false;
    }

    private boolean textMatches(String text) {
        if (text == null) {
            return false;
        }
        return (query.caseSensitive() ? text : text.toLowerCase(Locale.ROOT)).contains(query.needle());
    }

    /** True when the frame's captured bytes hold {@code value}; ASCII letters fold when not {@code exact}. */
    static boolean contains(Frame frame, byte[] value, boolean exact) {
        byte[] bytes = frame.copyBytes();
        outer:
        for (int i = 0; i + value.length <= bytes.length; i++) {
            for (int j = 0; j < value.length; j++) {
                byte a = bytes[i + j];
                byte b = value[j];
                if (a != b && (exact || fold(a) != fold(b))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int fold(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
