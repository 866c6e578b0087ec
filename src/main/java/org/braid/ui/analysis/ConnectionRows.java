package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.braid.model.EndReason;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
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
            boolean fellBack = connection.subflows().stream().anyMatch(s -> analysis.fallbackPackets(s.flow()) > 0);
            (fellBack ? fallback : mptcp).add(connection(analysis, connection));
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

    private static ConnectionRow connection(TraceAnalysis analysis, MptcpConnection c) {
        List<ConnectionRow> subflows = new ArrayList<>();
        long firstSent = c.data().client().uniqueBytes() + c.data().server().uniqueBytes();
        int failures = 0;
        for (int i = 0; i < c.subflows().size(); i++) {
            subflows.add(subflow(analysis, c, i, firstSent));
            failures += analysis.checksumFailures(c.subflows().get(i).flow());
        }
        String name = String.format(Locale.ROOT, "#%d %s \u2192 %s  MPTCP %s, %d subflow%s", c.index(), c.client(),
                c.server(), c.version() == null ? "v?" : "v" + c.version(), c.subflows().size(),
                c.subflows().size() == 1 ? "" : "s");
        return new ConnectionRow(Scope.connection(c.index()), name, seconds(c.endNanos() - c.startNanos()),
                bytes(c.data().client().uniqueBytes()), bytes(c.data().server().uniqueBytes()), "",
                Long.toString(c.data().reinjectedPackets()), failures == 0 ? "" : Integer.toString(failures),
                end(c), subflows);
    }

    private static ConnectionRow subflow(TraceAnalysis analysis, MptcpConnection c, int position, long connectionBytes) {
        Subflow s = c.subflows().get(position);
        SubflowData data = s.data();
        long first = data.clientFirstSentBytes() + data.serverFirstSentBytes();
        long reinjections = reinjectionsOnto(c, s.flow());
        int failures = analysis.checksumFailures(s.flow());
        String name = String.format(Locale.ROOT, "subflow %d (tcp.stream %d) %s \u2192 %s%s%s", position, s.flow(),
                s.client(), s.server(), s.join() ? "" : " initial", backupNow(c, s) ? " [backup]" : "");
        return new ConnectionRow(Scope.flow(c.index(), s.flow()), name, seconds(s.endNanos() - s.startNanos()),
                bytes(s.clientBytes()), bytes(s.serverBytes()),
                connectionBytes == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * first / connectionBytes),
                Long.toString(reinjections), failures == 0 ? "" : Integer.toString(failures), endText(s.end()),
                List.of());
    }

    private static ConnectionRow tcp(TcpConnection t) {
        String name = String.format(Locale.ROOT, "tcp.stream %d %s \u2192 %s%s", t.flow(), t.client(), t.server(),
                t.mptcpRefused() == null ? "" : " (" + t.mptcpRefused() + ")");
        return new ConnectionRow(Scope.flow(TraceAnalysis.NONE, t.flow()), name, seconds(t.endNanos() - t.startNanos()),
                bytes(t.clientBytes()), bytes(t.serverBytes()), "", "", "", endText(t.end()), List.of());
    }

    /** The subflow's backup state at the end: its MP_JOIN's backup bit, changed by MP_PRIO sent on it. */
    static boolean backupNow(MptcpConnection c, Subflow s) {
        boolean backup = s.backup();
        for (MptcpEvent event : c.events()) {
            if (event.flow() == s.flow() && event.type().equals("MP_PRIO")) {
                backup = event.detail().startsWith("backup on");
            }
        }
        return backup;
    }

    /** MP_FASTCLOSE or MP_TCPRST when seen, else the subflows' ends (FIN, RST, ...), each named once. */
    static String end(MptcpConnection c) {
        Set<String> ends = new LinkedHashSet<>();
        for (MptcpEvent event : c.events()) {
            if (event.type().equals("MP_FASTCLOSE") || event.type().equals("MP_FAIL")) {
                ends.add(event.type());
            }
        }
        c.subflows().forEach(s -> ends.add(endText(s.end())));
        return String.join(", ", ends);
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

    /** Bytes with a unit, as a person reads them. */
    public static String bytes(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static long reinjectionsOnto(MptcpConnection c, int flow) {
        return c.data().reinjections().stream().map(Reinjection::toFlow).filter(f -> f == flow).count();
    }
}
