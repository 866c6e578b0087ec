package org.braid.ui.packets;

import java.util.HashMap;
import java.util.Map;
import org.braid.analysis.PacketColumns;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/**
 * Sorts the packet list's rows by one column, off the UI thread: the key of each row is read from
 * the compact index or the analysis's columns where the column is one of theirs (no decoding), and
 * from the row's text otherwise (each packet decoded once). The sort is stable, so rows with equal
 * keys stay in capture order, as in Wireshark.
 *
 * @param column    what to sort by
 * @param ascending false for a descending sort
 */
public record PacketSort(PacketColumn column, boolean ascending) {
    private static final int CHECK_EVERY = 4096;

    /** The work: {@code rows} of {@code trace} in this order, as packet indexes. */
    public BackgroundWork<int[]> of(LoadedTrace trace, PacketRows rows, boolean absoluteSequence) {
        return progress -> sort(trace, rows.inCaptureOrder(), absoluteSequence, progress);
    }

    int[] sort(LoadedTrace trace, int[] packets, boolean absoluteSequence, TaskProgress progress) {
        int n = packets.length;
        long[] numbers = new long[n];
        String[] texts = null;
        boolean numeric = column.numeric();
        PacketColumn.RowContext context = new PacketColumn.RowContext(trace,
                new PacketSummaries(trace, absoluteSequence));
        Map<String, String> distinct = new HashMap<>();
        for (int row = 0; row < n; row++) {
            if (row % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update(row, n);
            }
            int packet = packets[row];
            Long fast = fastKey(trace, packet);
            if (fast != null) {
                numbers[row] = fast;
                continue;
            }
            String text = column.text(context, packet);
            Long number = numeric ? leadingNumber(text) : null;
            if (number != null || numeric && text.isEmpty()) {
                numbers[row] = number == null ? Long.MAX_VALUE : number;
            } else {
                if (texts == null) {
                    texts = new String[n];
                }
                texts[row] = distinct.computeIfAbsent(text, t -> t); // one copy of each repeated text
            }
        }
        String[] keys = texts;
        int sign = ascending ? 1 : -1;
        IntComparator order = (a, b) -> {
            int byKey = keys != null && (keys[a] != null || keys[b] != null)
                    ? compareText(keys[a], keys[b], numbers[a], numbers[b])
                    : Long.compare(numbers[a], numbers[b]);
            return sign * byKey;
        };
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        StableSort.sort(positions, order);
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = packets[positions[i]];
        }
        return sorted;
    }

    /** The key of the columns the index and the analysis hold, without decoding; null for the others. */
    private Long fastKey(LoadedTrace trace, int packet) {
        PacketColumns columns = trace.analysis().columns();
        if (column == StandardColumn.NUMBER) {
            return (long) packet;
        }
        if (column == StandardColumn.TIME) {
            return trace.index().timestampNanos(packet);
        }
        if (column == StandardColumn.LENGTH) {
            return (long) trace.index().originalLength(packet);
        }
        if (column == AnalysisColumn.CONNECTION) {
            int connection = columns.connectionOfPacket(packet);
            return connection < 0 ? Long.MAX_VALUE : connection;
        }
        if (column == AnalysisColumn.SUBFLOW) {
            int subflow = trace.analysis().subflowOfFlow(columns.flowOfPacket(packet));
            return subflow == TraceAnalysis.NONE || subflow < 0 ? Long.MAX_VALUE : subflow;
        }
        if (column == AnalysisColumn.DSN) {
            long dsn = columns.relativeDsn(packet);
            return dsn == PacketColumns.NO_DSN ? Long.MAX_VALUE : dsn;
        }
        return null;
    }

    /** Numbers before texts; texts by their letters. */
    private static int compareText(String a, String b, long x, long y) {
        if (a == null && b == null) {
            return Long.compare(x, y);
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Long leadingNumber(String text) {
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || end == 0 && text.charAt(0) == '-')) {
            end++;
        }
        if (end == 0 || end == 1 && text.charAt(0) == '-') {
            return null;
        }
        try {
            return Long.parseLong(text.substring(0, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Compares two positions. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }
}
