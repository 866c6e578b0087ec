package org.braid.ui.packets;

/**
 * One column of the packet list. The standard ones are {@link StandardColumn}; the analysis adds
 * its own (connection, subflow, relative DSN, DATA_ACK) as further implementations that read its
 * per-packet columns by packet index, and the list shows whatever columns the view model holds.
 */
public interface PacketColumn {
    String title();

    /** Preferred width in pixels. */
    double width();

    /** True for numbers, which are right-aligned. */
    boolean numeric();

    /** The text of packet {@code index} in this column; called for visible rows only. */
    String text(RowContext context, int index);

    /**
     * What columns read from: the loaded trace, the decoded-row cache, and how Time shows (with
     * the rows shown, for the time since the previous displayed packet).
     */
    record RowContext(LoadedTrace trace, PacketSummaries summaries, TimeFormat timeFormat, PacketRows rows) {
        /** Time since the beginning of the capture. */
        public RowContext(LoadedTrace trace, PacketSummaries summaries) {
            this(trace, summaries, TimeFormat.SINCE_START, null);
        }
    }
}
