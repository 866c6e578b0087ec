package org.braid.ui.charts;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.tasks.TaskProgress;
import org.jfree.chart.JFreeChart;

/**
 * Times drawing a connection's timeline, data already gathered, to an image of an exported
 * chart's size: with the level of detail, against the capped path it replaced (every k-th point,
 * at most 3000 a series) and against drawing every point, in the same run. The connection is
 * synthetic (3 million segments on two subflows by default, with a stall and reinjections), and
 * with a trace given also the trace's biggest connection, gathered from the file. Not a unit test:
 * run it with {@code java -cp ... org.braid.ui.charts.ChartBench [--segments N] [--rounds N] [--every-point]
 * [TRACE]} ({@code --every-point} adds one round drawing every point: minutes for millions).
 */
public final class ChartBench {
    /** The cap of the path the level of detail replaced: at most this many points a series. */
    static final int OLD_CAP = 3_000;

    private ChartBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int segments = 3_000_000;
        int rounds = 5;
        boolean everyPoint = false;
        Path trace = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--segments" -> segments = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--every-point" -> everyPoint = true;
                default -> trace = Path.of(args[i]);
            }
        }
        ConnectionChartData synthetic = synthetic(segments);
        System.out.printf(Locale.ROOT, "synthetic connection: %,d segments on 2 subflows, %,d points in the timeline%n",
                segments, timelinePoints(synthetic));
        compare(synthetic, rounds, everyPoint);
        if (trace != null) {
            try (LoadedTrace loaded = new TraceLoadTask(trace, trace.getFileName().toString()).call(TaskProgress.NONE)) {
                int biggest = biggestConnection(loaded);
                long start = System.nanoTime();
                ConnectionChartData data = ChartDataBuilder.build(loaded, biggest, done -> { });
                long gather = System.nanoTime() - start;
                System.out.printf(Locale.ROOT, "%n%s, connection %d: %,d points in the timeline, gathered in %.0f ms%n",
                        trace.getFileName(), biggest, timelinePoints(data), gather / 1e6);
                compare(data, rounds, everyPoint);
            }
        }
    }

    /**
     * Prints the best draw time of each way, alternating them round by round, by wall time and by
     * the thread's CPU time (the steadier of the two on a shared machine).
     */
    private static void compare(ConnectionChartData data, int rounds, boolean everyPoint) {
        ConnectionChartData capped = everyKth(data, OLD_CAP);
        long[] lod = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] old = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] choose = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < rounds + 2; round++) {
            long[] a = timed(() -> drawTimeline(data, PacketDataset.DEFAULT_COLUMNS));
            long[] b = timed(() -> drawTimeline(capped, PacketDataset.DEFAULT_COLUMNS));
            List<PacketDataset> datasets = LevelOfDetail.datasets(ChartKind.TIMELINE.create(data));
            long[] c = timed(() -> chooseAll(datasets));
            if (round >= 2) {
                keepBest(lod, a);
                keepBest(old, b);
                keepBest(choose, c);
            }
        }
        System.out.printf(Locale.ROOT, "  timeline drawn %dx%d, best of %d rounds after 2 warm-up:%n", ChartImages.WIDTH,
                ChartImages.HEIGHT, rounds);
        System.out.printf(Locale.ROOT, "    %-48s %10s %10s%n", "", "wall", "CPU");
        print("level of detail (min/max per pixel column):", lod);
        print("old path (every k-th point, 3000 a series):", old);
        print("of which choosing the points, zoomed out:", choose);
        System.out.printf(Locale.ROOT, "    %-48s %10.2f %10.2f%n", "level of detail / old path:",
                lod[0] / (double) old[0], lod[1] / (double) old[1]);
        if (everyPoint) {
            long[] every = timed(() -> drawTimeline(data, Integer.MAX_VALUE / 8));
            print("every point (one round):", every);
            System.out.printf(Locale.ROOT, "    %-48s %10.4f %10.4f%n", "level of detail / every point:",
                    lod[0] / (double) every[0], lod[1] / (double) every[1]);
        }
    }

    private static void print(String name, long[] nanos) {
        System.out.printf(Locale.ROOT, "    %-48s %7.1f ms %7.1f ms%n", name, nanos[0] / 1e6, nanos[1] / 1e6);
    }

    private static void keepBest(long[] best, long[] now) {
        best[0] = Math.min(best[0], now[0]);
        best[1] = Math.min(best[1], now[1]);
    }

    /** Wall and CPU nanoseconds of {@code work} on this thread. */
    private static long[] timed(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        return new long[] {System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu};
    }

    /** Makes the timeline chart and draws it into an image. */
    private static void drawTimeline(ConnectionChartData data, int columns) {
        JFreeChart chart = ChartKind.TIMELINE.create(data);
        LevelOfDetail.setWidth(chart, columns);
        BufferedImage image = chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT);
        if (image.getWidth() != ChartImages.WIDTH) {
            throw new IllegalStateException("no image drawn");
        }
    }

    /** Chooses the points of every series for the whole range again, as a zoom out to the full view does. */
    private static void chooseAll(List<PacketDataset> datasets) {
        long points = 0;
        for (PacketDataset d : datasets) {
            d.showRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            for (int s = 0; s < d.getSeriesCount(); s++) {
                points += d.getItemCount(s);
            }
            d.showRange(0, 0); // the next round chooses again
        }
        if (points < 0) {
            throw new IllegalStateException("no points");
        }
    }

    private static long timelinePoints(ConnectionChartData d) {
        long points = d.reinjections().size() + d.dataAcks().size() + d.windowEdge().size();
        for (PacketSeries s : d.dataBySubflow()) {
            points += s.size();
        }
        return points;
    }

    private static int biggestConnection(LoadedTrace trace) {
        int biggest = 0;
        long most = -1;
        for (int c = 0; c < trace.analysis().result().connections().size(); c++) {
            var data = trace.analysis().connection(c).data();
            long bytes = data.client().uniqueBytes() + data.server().uniqueBytes();
            if (bytes > most) {
                most = bytes;
                biggest = c;
            }
        }
        return biggest;
    }

    /** {@code d} with every timeline series thinned as before the level of detail: every k-th point and the last. */
    static ConnectionChartData everyKth(ConnectionChartData d, int cap) {
        UnaryOperator<PacketSeries> thin = s -> everyKth(s, cap);
        return new ConnectionChartData(d.connection(), d.direction(), d.charted(), d.subflowNames(),
                d.dataBySubflow().stream().map(thin).toList(), thin.apply(d.reinjections()), thin.apply(d.dataAcks()),
                thin.apply(d.windowEdge()), d.throughput(), d.binSeconds(), d.shares(), d.lifecycle(),
                d.edgesBySubflow().stream().map(thin).toList(), thin.apply(d.highestSent()), thin.apply(d.inFlight()),
                thin.apply(d.usableWindow()), d.expert());
    }

    private static PacketSeries everyKth(PacketSeries s, int cap) {
        if (s.size() <= cap) {
            return s;
        }
        int stride = (s.size() + cap - 1) / cap;
        PacketSeries.Builder kept = new PacketSeries.Builder(s.name());
        for (int i = 0; i < s.size(); i += stride) {
            kept.add(s.x()[i], s.y()[i], s.packets()[i]);
        }
        if ((s.size() - 1) % stride != 0) {
            kept.add(s.x()[s.size() - 1], s.y()[s.size() - 1], s.packets()[s.size() - 1]);
        }
        return kept.build();
    }

    /**
     * A bulk transfer of {@code segments} 1400-byte segments, one every 20 µs, two on subflow 0 for
     * one on subflow 1, a DATA_ACK every second segment, a two-second stall a third of the way, and a
     * reinjection every 100,000 segments.
     */
    static ConnectionChartData synthetic(int segments) {
        List<PacketSeries.Builder> data = List.of(new PacketSeries.Builder("subflow 0"),
                new PacketSeries.Builder("subflow 1"));
        PacketSeries.Builder reinjections = new PacketSeries.Builder("reinjections");
        PacketSeries.Builder acks = new PacketSeries.Builder("DATA_ACK");
        PacketSeries.Builder edge = new PacketSeries.Builder("receive window right edge");
        PacketSeries.Builder highest = new PacketSeries.Builder("highest DSN sent");
        PacketSeries.Builder inFlight = new PacketSeries.Builder("data in flight");
        PacketSeries.Builder usable = new PacketSeries.Builder("usable window");
        int packet = 0;
        double stall = 0;
        for (int i = 0; i < segments; i++) {
            if (i == segments / 3) {
                stall = 2.0;
            }
            double t = i * 20e-6 + stall;
            long dsn = i * 1400L;
            data.get(i % 3 == 2 ? 1 : 0).add(t, dsn, packet);
            highest.add(t, dsn + 1400, packet);
            if (i % 100_000 == 99_999) {
                reinjections.add(t, dsn - 50 * 1400L, packet);
            }
            packet++;
            if (i % 2 == 1) {
                long ack = dsn - 20 * 1400L;
                acks.add(t + 10e-6, ack, packet);
                edge.add(t + 10e-6, ack + 4_000_000, packet);
                inFlight.add(t + 10e-6, dsn + 1400 - ack, packet);
                usable.add(t + 10e-6, 4_000_000, packet);
                packet++;
            }
        }
        List<String> names = List.of("subflow 0", "subflow 1");
        List<PacketSeries> edges = new ArrayList<>(List.of(edge.build(), new PacketSeries.Builder("edge 1").build()));
        return new ConnectionChartData(0, "synthetic", ChartDirection.CLIENT_TO_SERVER, names,
                data.stream().map(PacketSeries.Builder::build).toList(), reinjections.build(), acks.build(), edge.build(),
                List.of(), 1, new double[] {2 / 3.0, 1 / 3.0}, List.of(), edges, highest.build(), inFlight.build(),
                usable.build(), ExpertChartData.NONE);
    }
}
