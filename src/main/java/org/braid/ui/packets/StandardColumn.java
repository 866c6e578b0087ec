package org.braid.ui.packets;

import java.util.Locale;

/** Wireshark's default columns; Info starts with the analysis's notes on the packet. */
public enum StandardColumn implements PacketColumn {
    NUMBER("No.", 70, true) {
        @Override
        public String text(RowContext c, int i) { return Long.toString(c.trace().index().packetNumber(i)); }
    },
    TIME("Time", 90, true) {
        @Override
        public String text(RowContext c, int i) {
            return c.timeFormat().format(c.trace().index(), i, c.rows(), java.time.ZoneId.systemDefault());
        }
    },
    SOURCE("Source", 125, false) {
        @Override
        public String text(RowContext c, int i) { return c.summaries().get(i).source(); }
    },
    DESTINATION("Destination", 125, false) {
        @Override
        public String text(RowContext c, int i) { return c.summaries().get(i).destination(); }
    },
    PROTOCOL("Protocol", 70, false) {
        @Override
        public String text(RowContext c, int i) { return c.summaries().get(i).protocol(); }
    },
    LENGTH("Length", 65, true) {
        @Override
        public String text(RowContext c, int i) { return Integer.toString(c.trace().index().originalLength(i)); }
    },
    /** The MPTCP option subtypes the packet carries (the {@code mptcp.subtype} filter field, by name). */
    MPTCP_SUBTYPE("MPTCP subtype", 105, false) {
        @Override
        public String text(RowContext c, int i) { return c.summaries().get(i).mptcpSubtypes(); }
    },
    INFO("Info", 700, false) {
        @Override
        public String text(RowContext c, int i) {
            return AnalysisNotes.prefix(c.trace().analysis().columns(), i) + c.summaries().get(i).info();
        }
    };

    private final String title;
    private final double width;
    private final boolean numeric;

    StandardColumn(String title, double width, boolean numeric) {
        this.title = title;
        this.width = width;
        this.numeric = numeric;
    }

    @Override public String title() { return title; }
    @Override public double width() { return width; }
    @Override public boolean numeric() { return numeric; }

    /** Seconds with microseconds, as Wireshark shows relative time; negative when the clock ran back. */
    public static String relativeSeconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}
