package org.braid.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.braid.analysis.PacketColumns;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.model.BackupChange;
import org.braid.model.Endpoint;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Subflow;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketDecoding;
import org.braid.ui.packets.PacketIndex;

/**
 * Gathers a connection's chart data in one pass over the trace, decoding only the connection's
 * packets (for their direction, payload length and DATA_ACK). Every point is kept: the charts draw
 * the level of detail the screen shows ({@link PacketDataset}), so a 3M-packet connection draws
 * as fast as a small one and zooming in reveals every packet.
 */
public final class ChartDataBuilder {
    private static final long MIN_BIN_NANOS = 10_000_000L;
    /** About this many throughput bins over the connection's life. */
    private static final int BINS = 100;
    private static final int CHECK_EVERY = 4096;

    private ChartDataBuilder() {}

    /** The direction that carried more data, which the charts show unless asked otherwise. */
    public static ChartDirection mainDirection(MptcpConnection c) {
        return c.data().server().uniqueBytes() > c.data().client().uniqueBytes()
                ? ChartDirection.SERVER_TO_CLIENT : ChartDirection.CLIENT_TO_SERVER;
    }

    /** The chart data of connection {@code index} in its main direction. */
    public static ConnectionChartData build(LoadedTrace trace, int index, IntConsumer checkIn) {
        return build(trace, index, null, checkIn);
    }

    /**
     * The chart data of connection {@code index} for {@code chosen} (null: its main direction);
     * {@code checkIn} runs every few thousand packets (may throw to cancel). With both directions,
     * the timeline has a series per subflow and direction and no DATA_ACK or window lines (each
     * direction has its own), and throughput counts both.
     */
    public static ConnectionChartData build(LoadedTrace trace, int index, ChartDirection chosen, IntConsumer checkIn) {
        TraceAnalysis analysis = trace.analysis();
        PacketColumns columns = analysis.columns();
        PacketIndex packets = trace.index();
        MptcpConnection c = analysis.connection(index);
        ChartDirection direction = chosen == null ? mainDirection(c) : chosen;
        boolean both = direction == ChartDirection.BOTH;
        int subflowCount = c.subflows().size();
        List<String> names = new ArrayList<>();
        List<PacketSeries.Builder> data = new ArrayList<>();
        List<PacketSeries.Builder> edges = new ArrayList<>();
        for (int s = 0; s < subflowCount; s++) {
            Subflow subflow = c.subflows().get(s);
            String name = "subflow " + s + " (" + subflow.client() + ")";
            names.add(name);
            data.add(new PacketSeries.Builder(both ? name + " c→s" : name));
            edges.add(new PacketSeries.Builder("right edge via " + name));
        }
        for (int s = 0; both && s < subflowCount; s++) {
            data.add(new PacketSeries.Builder(names.get(s) + " s→c"));
        }
        PacketSeries.Builder reinjections = new PacketSeries.Builder("reinjections");
        PacketSeries.Builder acks = new PacketSeries.Builder("DATA_ACK");
        PacketSeries.Builder edge = new PacketSeries.Builder("receive window right edge");
        PacketSeries.Builder highest = new PacketSeries.Builder("highest DSN sent");
        PacketSeries.Builder inFlight = new PacketSeries.Builder("data in flight");
        PacketSeries.Builder usable = new PacketSeries.Builder("usable window");

        long firstNanos = packets.size() == 0 ? 0 : packets.timestampNanos(0);
        long startNanos = c.startNanos() - firstNanos;
        long spanNanos = Math.max(1, c.endNanos() - c.startNanos());
        long binNanos = binNanos(spanNanos);
        int bins = (int) (spanNanos / binNanos) + 1;
        long[][] binBytes = new long[subflowCount][bins];
        int[][] binFirstPacket = new int[subflowCount][bins];
        for (int[] first : binFirstPacket) {
            java.util.Arrays.fill(first, PacketColumns.NO_PACKET);
        }
        long[] subflowBytes = new long[subflowCount];

        PacketDecoding decoding = new PacketDecoding(trace);
        long highestSent = Long.MIN_VALUE;
        long lastAck = Long.MIN_VALUE;
        long maxEdge = Long.MIN_VALUE;
        for (int i = 0; i < packets.size(); i++) {
            if (i % CHECK_EVERY == 0) {
                checkIn.accept(i);
            }
            if (columns.connectionOfPacket(i) != index || !decoding.load(i)) {
                continue;
            }
            int position = analysis.subflowOfFlow(columns.flowOfPacket(i));
            if (position < 0) {
                continue;
            }
            Subflow subflow = c.subflows().get(position);
            DecodedPacket p = decoding.packet();
            int side = side(c, subflow, p);
            double t = packets.relativeNanos(i) / 1e9;
            if (direction.charts(side)) {
                long dsn = columns.relativeDsn(i);
                int length = p.payloadWireLength();
                if (dsn != PacketColumns.NO_DSN && length > 0) {
                    data.get(both && side == 1 ? subflowCount + position : position).add(t, dsn, i);
                    if (columns.hasFlag(i, PacketColumns.REINJECTION)) {
                        reinjections.add(t, dsn, i);
                    }
                    if (!both && dsn + length > highestSent) {
                        highestSent = dsn + length;
                        highest.add(t, highestSent, i);
                    }
                    if (!both && lastAck != Long.MIN_VALUE) {
                        inFlight.add(t, highestSent - lastAck, i);
                    }
                }
                if (length > 0) {
                    int bin = (int) Math.min(bins - 1L, Math.max(0L, (packets.relativeNanos(i) - startNanos) / binNanos));
                    binBytes[position][bin] += length;
                    if (binFirstPacket[position][bin] == PacketColumns.NO_PACKET) {
                        binFirstPacket[position][bin] = i;
                    }
                    subflowBytes[position] += length;
                }
            }
            if (!both && !direction.charts(side)) {
                Long ack = dataAck(c, 1 - side, p);
                if (ack != null) {
                    lastAck = ack;
                    acks.add(t, ack, i);
                }
                long advertised = columns.windowEdge(i);
                if (advertised != PacketColumns.NO_DSN) {
                    edges.get(position).add(t, advertised, i);
                    if (advertised > maxEdge) {
                        maxEdge = advertised;
                        edge.add(t, maxEdge, i);
                    }
                    if (lastAck != Long.MIN_VALUE) {
                        usable.add(t, maxEdge - lastAck, i);
                    }
                }
            }
        }
        checkIn.accept(packets.size());

        List<PacketSeries> throughput = new ArrayList<>();
        PacketSeries.Builder aggregate = new PacketSeries.Builder("connection (all subflows)");
        for (int b = 0; b < bins; b++) {
            long bytes = 0;
            int first = PacketColumns.NO_PACKET;
            for (int s = 0; s < subflowCount; s++) {
                bytes += binBytes[s][b];
                if (first == PacketColumns.NO_PACKET || binFirstPacket[s][b] != PacketColumns.NO_PACKET
                        && binFirstPacket[s][b] < first) {
                    first = binFirstPacket[s][b];
                }
            }
            aggregate.add((startNanos + b * binNanos) / 1e9, bytes * 8 / (binNanos / 1e9) / 1e6, first);
        }
        long total = 0;
        for (long bytes : subflowBytes) {
            total += bytes;
        }
        double[] shares = new double[subflowCount];
        double binSeconds = binNanos / 1e9;
        for (int s = 0; s < subflowCount; s++) {
            PacketSeries.Builder series = new PacketSeries.Builder(names.get(s));
            for (int b = 0; b < bins; b++) {
                series.add((startNanos + b * binNanos) / 1e9, binBytes[s][b] * 8 / binSeconds / 1e6,
                        binFirstPacket[s][b]);
            }
            throughput.add(series.build());
            shares[s] = total == 0 ? 0 : (double) subflowBytes[s] / total;
        }
        throughput.add(aggregate.build());
        String words = switch (direction) {
            case CLIENT_TO_SERVER -> c.client() + " \u2192 " + c.server();
            case SERVER_TO_CLIENT -> c.server() + " \u2192 " + c.client();
            case BOTH -> "both directions";
        };
        return new ConnectionChartData(index, words, direction, names, build(data), reinjections.build(),
                acks.build(), edge.build(), throughput, binSeconds, shares,
                lifecycle(c, names, firstNanos), build(edges), highest.build(),
                inFlight.build(), usable.build(),
                // In-flight series follow one data direction: the server's when only that is charted.
                ExpertChartBuilder.build(analysis.result(), index, direction == ChartDirection.SERVER_TO_CLIENT ? 1 : 0,
                        firstNanos, names));
    }

    /** A round bin width (1, 2 or 5 times a power of ten, at least 10 ms) giving about {@value #BINS} bins. */
    static long binNanos(long spanNanos) {
        long target = Math.max(MIN_BIN_NANOS, spanNanos / BINS);
        long decade = MIN_BIN_NANOS;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (decade * step >= target) {
                    return decade * step;
                }
            }
            decade *= 10;
        }
    }

    /** The data side of a packet; within a flow its source port tells its end, unless both ends use the same port. */
    private static int side(MptcpConnection c, Subflow subflow, DecodedPacket p) {
        Endpoint source = subflow.client().port() == subflow.server().port()
                ? new Endpoint(p.sourceAddress(), p.sourcePort())
                : p.sourcePort() == subflow.client().port() ? subflow.client() : subflow.server();
        return TraceAnalysis.side(c, subflow, source);
    }

    private static Long dataAck(MptcpConnection c, int ackedSide, DecodedPacket p) {
        MptcpOption dss = p.firstMptcpOption(MptcpSubtype.DSS);
        if (dss == null || dss.malformed() || !dss.hasDataAck()) {
            return null;
        }
        return TraceAnalysis.relativeDataAck(c, ackedSide, dss.dataAck(), dss.dataAckIs8Bytes());
    }

    private static List<ConnectionChartData.SubflowLife> lifecycle(MptcpConnection c, List<String> names,
            long firstNanos) {
        List<ConnectionChartData.SubflowLife> lives = new ArrayList<>();
        for (int s = 0; s < c.subflows().size(); s++) {
            Subflow subflow = c.subflows().get(s);
            double start = (subflow.startNanos() - firstNanos) / 1e9;
            double end = (subflow.endNanos() - firstNanos) / 1e9;
            List<double[]> backup = new ArrayList<>();
            Double backupSince = subflow.backup() ? start : null;
            for (BackupChange change : subflow.lifecycle().backupChanges()) {
                double t = (change.timeNanos() - firstNanos) / 1e9;
                if (change.backup() && backupSince == null) {
                    backupSince = t;
                } else if (!change.backup() && backupSince != null) {
                    backup.add(new double[] {backupSince, t});
                    backupSince = null;
                }
            }
            if (backupSince != null) {
                backup.add(new double[] {backupSince, end});
            }
            List<ConnectionChartData.Event> events = new ArrayList<>();
            for (MptcpEvent event : c.events()) {
                if (event.flow() == subflow.flow()) {
                    events.add(new ConnectionChartData.Event(event.type(), (event.timeNanos() - firstNanos) / 1e9,
                            (int) (event.packet() - 1), event.detail()));
                }
            }
            lives.add(new ConnectionChartData.SubflowLife(names.get(s), start, end, List.copyOf(backup),
                    List.copyOf(events)));
        }
        return lives;
    }

    private static List<PacketSeries> build(List<PacketSeries.Builder> builders) {
        return builders.stream().map(PacketSeries.Builder::build).toList();
    }
}
