package org.braid.ui.packets;

import org.braid.analysis.PacketColumns;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.ui.analysis.TraceAnalysis;

/** The packet list's MPTCP columns, read from the analysis's per-packet columns by packet index. */
public enum AnalysisColumn implements PacketColumn {
    /** The MPTCP connection's index (the {@code mptcp.connection} filter field). */
    CONNECTION("Conn", 50) {
        @Override
        public String text(RowContext c, int i) {
            int connection = c.trace().analysis().columns().connectionOfPacket(i);
            return connection < 0 ? "" : Integer.toString(connection);
        }
    },
    /** The subflow's position in its connection (the {@code mptcp.subflow} filter field). */
    SUBFLOW("Subflow", 60) {
        @Override
        public String text(RowContext c, int i) {
            TraceAnalysis analysis = c.trace().analysis();
            int subflow = analysis.subflowOfFlow(analysis.columns().flowOfPacket(i));
            return subflow < 0 ? "" : Integer.toString(subflow);
        }
    },
    /** Connection-level sequence number of the first payload byte, relative (the {@code mptcp.dsn} field). */
    DSN("Rel. DSN", 90) {
        @Override
        public String text(RowContext c, int i) {
            long dsn = c.trace().analysis().columns().relativeDsn(i);
            return dsn == PacketColumns.NO_DSN ? "" : Long.toString(dsn);
        }
    },
    /** The DSS DATA_ACK, relative to the acknowledged side's IDSN; as sent when the keys are not in the trace. */
    DATA_ACK("DATA_ACK", 90) {
        @Override
        public String text(RowContext c, int i) {
            PacketSummary summary = c.summaries().get(i);
            TraceAnalysis analysis = c.trace().analysis();
            Subflow subflow = analysis.subflowOfPacket(i);
            if (summary.dataAck() == null || subflow == null) {
                return "";
            }
            MptcpConnection connection = analysis.connection(analysis.connectionOfPacket(i));
            int ackedSide = 1 - TraceAnalysis.side(connection, subflow, summary.sender());
            Long relative = TraceAnalysis.relativeDataAck(connection, ackedSide, summary.dataAck(), summary.dataAck8());
            return relative != null ? Long.toString(relative) : Long.toUnsignedString(summary.dataAck()) + " (raw)";
        }
    };

    private final String title;
    private final double width;

    AnalysisColumn(String title, double width) {
        this.title = title;
        this.width = width;
    }

    @Override public String title() { return title; }
    @Override public double width() { return width; }
    @Override public boolean numeric() { return true; }
}
