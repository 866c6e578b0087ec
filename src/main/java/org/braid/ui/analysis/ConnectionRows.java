package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.braid.model.EndReason;
import org.braid.model.Fallback;
import org.braid.model.Grouping;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.braid.model.Subflow;
import org.braid.model.SubflowData;
import org.braid.model.TcpConnection;

/**
 * The connections panel's lines, grouped: MPTCP connections (each with its subflows), MPTCP
 * connections that fell back to TCP, MPTCP attempts the server refused, and plain TCP.
 */
public final class ConnectionRows {
    private ConnectionRows() {}

    public static List<ConnectionRow> of(TraceAnalysis analysis) {
        List<ConnectionRow> mptcp = new ArrayList<>();
        List<ConnectionRow> fallback = new ArrayList<>();
        for (MptcpConnection connection : analysis.result().connections()) {
            (connection.lifecycle().fallback() != null ? fallback : mptcp).add(connection(connection));
        }
        List<ConnectionRow> refused = new ArrayList<>();
        List<ConnectionRow> tcp = new ArrayList<>();
        for (TcpConnection connection : analysis.result().tcpConnections()) {
            (connection.mptcpRefused() != null ? refused : tcp).add(tcp(connection));
        }
        List<ConnectionRow> groups = new ArrayList<>();
        groups.add(ConnectionRow.heading("MPTCP connections", mptcp));
        if (!fallback.isEmpty()) {
            groups.add(ConnectionRow.heading("Fallen back to TCP", fallback));
        }
        if (!refused.isEmpty()) {
            groups.add(ConnectionRow.heading("MPTCP refused", refused));
        }
        if (!tcp.isEmpty()) {
            groups.add(ConnectionRow.heading("Plain TCP", tcp));
        }
        return groups;
    }

    private static ConnectionRow connection(MptcpConnection c) {
        List<ConnectionRow> subflows = new ArrayList<>();
        long firstSent = c.data().client().uniqueBytes() + c.data().server().uniqueBytes();
        for (int i = 0; i < c.subflows().size(); i++) {
            subflows.add(subflow(c, i, firstSent));
        }
        int failures = c.mappings().failures().size();
        String name = String.format(Locale.ROOT, "#%d %s \u2192 %s  MPTCP %s, %d subflow%s%s%s", c.index(), c.client(),
                c.server(), c.version() == null ? "v?" : "v" + c.version(), c.subflows().size(),
                c.subflows().size() == 1 ? "" : "s", groupingNote(c),
                c.grouping().rolesInferred() ? " [roles inferred]" : "");
        return new ConnectionRow(Scope.connection(c.index()), name, seconds(c.endNanos() - c.startNanos()),
                bytes(c.data().client().uniqueBytes()), bytes(c.data().server().uniqueBytes()), "",
                Long.toString(c.data().reinjectedPackets()), failures == 0 ? "" : Integer.toString(failures),
                end(c), subflows);
    }

    private static ConnectionRow subflow(MptcpConnection c, int position, long connectionBytes) {
        Subflow s = c.subflows().get(position);
        SubflowData data = s.data();
        long first = data.clientFirstSentBytes() + data.serverFirstSentBytes();
        long reinjections = reinjectionsOnto(c, s.flow());
        long failures = c.mappings().failures().stream().filter(f -> f.flow() == s.flow()).count();
        String name = String.format(Locale.ROOT, "subflow %d (tcp.stream %d) %s \u2192 %s%s%s%s", position, s.flow(),
                s.client(), s.server(), s.join() ? "" : " initial", s.lifecycle().finalBackup() ? " [backup]" : "",
                s.grouping() == Grouping.INFERRED ? " [grouped by DSN space]" : "");
        return new ConnectionRow(Scope.flow(c.index(), s.flow()), name, seconds(s.endNanos() - s.startNanos()),
                bytes(s.clientBytes()), bytes(s.serverBytes()),
                connectionBytes == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * first / connectionBytes),
                Long.toString(reinjections), failures == 0 ? "" : Long.toString(failures), endText(s.end()),
                List.of());
    }

    private static ConnectionRow tcp(TcpConnection t) {
        String name = String.format(Locale.ROOT, "tcp.stream %d %s \u2192 %s%s", t.flow(), t.client(), t.server(),
                t.mptcpRefused() == null ? "" : " (" + t.mptcpRefused() + ")");
        return new ConnectionRow(Scope.flow(TraceAnalysis.NONE, t.flow()), name, seconds(t.endNanos() - t.startNanos()),
                bytes(t.clientBytes()), bytes(t.serverBytes()), "", "", "", endText(t.end()), List.of());
    }

    /** Grouping without a handshake is marked: its evidence is in the connection's JSON and details. */
    private static String groupingNote(MptcpConnection c) {
        return switch (c.grouping().grouping()) {
            case HANDSHAKE -> "";
            case TOKEN -> " [grouped by token]";
            case INFERRED -> " [grouping inferred]";
        };
    }

    /** How the connection ended, and when it fell back to TCP first. */
    static String end(MptcpConnection c) {
        String end = switch (c.lifecycle().end().reason()) {
            case MP_FASTCLOSE -> "MP_FASTCLOSE";
            case DATA_FIN -> "DATA_FIN";
            case RESET -> "reset";
            case FIN -> "FIN";
            case HALF_CLOSED -> "half closed";
            case OPEN -> "open";
        };
        Fallback fallback = c.lifecycle().fallback();
        if (fallback == null && c.lifecycle().fallbackRequested() != null) {
            return "fallback requested, " + end;
        }
        return fallback == null ? end : "fallback (" + fallback.reason() + "), " + end;
    }

    static String endText(EndReason end) {
        return switch (end) {
            case FIN -> "FIN";
            case HALF_CLOSED -> "half closed";
            case RST -> "RST";
            case OPEN -> "open";
        };
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    /** Bytes with a decimal unit, switching at each thousand (999 B, 1.0 kB, 999.9 kB, 1.0 MB), as a person reads them. */
    public static String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        if (bytes < 999_950) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 999_950_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    static long reinjectionsOnto(MptcpConnection c, int flow) {
        return c.data().reinjections().stream().map(Reinjection::toFlow).filter(f -> f == flow).count();
    }
}
