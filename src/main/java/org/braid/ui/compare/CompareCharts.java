package org.braid.ui.compare;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braid.analysis.PacketColumns;
import org.braid.compare.Comparison;
import org.braid.compare.HolWait;
import org.braid.compare.Loss;
import org.braid.compare.ReinjectionOutcome;

/**
 * The comparison's four charts as series of points, built off the UI thread: one-way delay per
 * subflow and direction, the timeline with the losses marked, reinjections by usefulness, and
 * head-of-line waits at the receiver.
 */
public record CompareCharts(List<CompareSeries> delays, List<CompareSeries> timeline, List<CompareSeries> reinjections,
        List<CompareSeries> headOfLine) {
    private static final Color[] SUBFLOW_COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b)};
    private static final Color GREY = new Color(0x7f7f7f);
    private static final Color RED = new Color(0xd62728);
    private static final Color PINK = new Color(0xe377c2);

    public static CompareCharts of(Comparison c) {
        return new CompareCharts(delays(c), timeline(c), reinjections(c), headOfLine(c));
    }

    static Color subflowColour(Integer subflow) {
        return subflow == null ? GREY : SUBFLOW_COLOURS[subflow % SUBFLOW_COLOURS.length];
    }

    private static double seconds(Comparison c, long nanos) {
        return (nanos - c.a().time(0)) / 1e9;
    }

    private static List<CompareSeries> delays(Comparison c) {
        Map<String, CompareSeries.Builder> series = new LinkedHashMap<>();
        for (int i = 0; i < c.twins().packetsA(); i++) {
            long delay = c.twins().delay(i);
            if (delay == Comparison.Twins.NO_DELAY) {
                continue;
            }
            Integer subflow = c.a().subflowPosition(i);
            boolean fromClient = c.a().fromClient(i);
            String name = "subflow " + subflow + (fromClient ? " client\u2192server" : " server\u2192client");
            series.computeIfAbsent(name, n -> new CompareSeries.Builder(n,
                    fromClient ? subflowColour(subflow) : shade(subflowColour(subflow)), true))
                    .add(seconds(c, c.a().time(i)), delay / 1e6, i);
        }
        return build(series);
    }

    private static Color shade(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110); // the other direction, faded
    }

    private static List<CompareSeries> timeline(Comparison c) {
        Map<String, CompareSeries.Builder> series = new LinkedHashMap<>();
        PacketColumns columns = c.a().columns();
        for (int i = 0; i < c.a().packets(); i++) {
            long dsn = columns.relativeDsn(i);
            Integer subflow = c.a().subflowPosition(i);
            if (dsn == PacketColumns.NO_DSN || subflow == null) {
                continue;
            }
            series.computeIfAbsent("subflow " + subflow, n -> new CompareSeries.Builder(n, subflowColour(subflow), true))
                    .add(seconds(c, c.a().time(i)), dsn, i);
        }
        for (Loss loss : c.losses()) {
            if (!loss.kind().isLoss() || loss.dsn() == null || loss.timeNanos() == null) {
                continue;
            }
            String name = switch (loss.kind()) {
                case NETWORK -> loss.icmpError() != null ? "refused by a router (ICMP error)" : "lost in the network";
                case RECEIVER_CAPTURE -> "missed by the receiver's capture";
                case SENDER_CAPTURE -> "missed by the sender's capture";
                default -> throw new IllegalStateException("not a loss: " + loss.kind());
            };
            Color colour = loss.kind() == Loss.Kind.NETWORK ? RED : PINK;
            series.computeIfAbsent(name, n -> new CompareSeries.Builder(n, colour, loss.inA()).marker())
                    .add(seconds(c, loss.timeNanos()), loss.dsn(), (int) loss.packet() - 1);
        }
        return build(series);
    }

    static Color verdictColour(ReinjectionOutcome.Verdict verdict) {
        return switch (verdict) {
            case NEEDED -> new Color(0x2ca02c);
            case FASTER -> new Color(0x17becf);
            case REDUNDANT -> new Color(0xff7f0e);
            case LOST -> RED;
        };
    }

    private static List<CompareSeries> reinjections(Comparison c) {
        Map<String, CompareSeries.Builder> series = new LinkedHashMap<>();
        for (ReinjectionOutcome r : c.reinjections()) {
            if (r.timeNanos() == null) {
                continue;
            }
            series.computeIfAbsent(r.verdict().csvName() + "|" + r.inA(), n -> new CompareSeries.Builder(
                            r.verdict().csvName() + (r.useful() ? " (useful)" : ""), verdictColour(r.verdict()), r.inA()))
                    .add(seconds(c, r.timeNanos()), r.dsn(), (int) r.packet() - 1);
        }
        return build(series);
    }

    private static List<CompareSeries> headOfLine(Comparison c) {
        Map<String, CompareSeries.Builder> series = new LinkedHashMap<>();
        for (HolWait w : c.holWaits()) {
            if (w.waitNanos() == null) {
                continue;
            }
            long arrival = w.inA() ? w.arrivalNanos() : c.clock().known() ? c.clock().toA(w.arrivalNanos()) : -1;
            if (arrival < 0) {
                continue;
            }
            Integer blocking = w.blockingSubflow();
            series.computeIfAbsent("gap held by subflow " + blocking + "|" + w.inA(), n -> new CompareSeries.Builder(
                            "gap held by subflow " + blocking, subflowColour(blocking), w.inA()))
                    .add(seconds(c, arrival), w.waitNanos() / 1e6, (int) w.packet() - 1);
        }
        return build(series);
    }

    private static List<CompareSeries> build(Map<String, CompareSeries.Builder> series) {
        List<CompareSeries> list = new ArrayList<>();
        series.values().forEach(b -> list.add(b.build()));
        return list;
    }
}
