package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braid.compare.ClockEstimate;
import org.braid.compare.Comparer;
import org.braid.compare.Comparison;
import org.braid.compare.ConnectionComparison;
import org.braid.compare.DelayStats;
import org.braid.compare.Loss;
import org.braid.compare.ReinjectionOutcome;
import org.braid.compare.SubflowComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare two captures of the same connections (for example at the client and at the "
                + "server): clock offset, one-way delays, where packets were lost, which reinjections helped, "
                + "head-of-line blocking at the receiver.")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "the first capture (times are given on its clock)")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "the second capture")
    Path second;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write owd.csv, losses.csv, reinjections.csv and hol.csv into DIR.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar on stderr (there is none when stderr is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Comparison comparison;
        TraceBytes bytes = new TraceBytes(List.of(first, second));
        try (Progress bar = Progress.start(bytes, spec.commandLine().getErr(), quiet)) {
            comparison = Comparer.compare(first, second, bytes::openedNext);
        }
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            Json.print(writer, CompareReport.document(comparison));
        } else {
            printText(writer, comparison);
        }
        if (out != null) {
            CompareReport.writeCsv(comparison, out);
        }
        return comparison.connections().isEmpty() ? ExitCodes.WARNINGS : 0;
    }

    static void printText(PrintWriter out, Comparison c) {
        out.printf(Locale.ROOT, "A: %s (%,d packets)   B: %s (%,d packets)%n", c.a().name(), c.a().packets(),
                c.b().name(), c.b().packets());
        out.printf(Locale.ROOT, "%d connection(s) in both; %,d packets matched, %,d in A only, %,d in B only%n",
                c.connections().size(), c.matched(), c.onlyInA(), c.onlyInB());
        ClockEstimate clock = c.clock();
        if (clock.known()) {
            out.printf(Locale.ROOT, "clock: B = A %+.6f s (+/- %.6f s)%s%n", clock.offsetNanos() / 1e9,
                    clock.uncertaintyNanos() / 1e9, clock.driftPpm() == null ? ", drift unknown"
                            : String.format(Locale.ROOT, ", drift %+.2f ppm (+/- %.2f)%s", clock.driftPpm(),
                                    clock.driftUncertaintyPpm(), clock.driftApplied() ? ", applied" : ", not significant"));
        } else {
            out.println("clock: unknown (no matched packets in one of the directions); no delays or losses");
        }
        for (ConnectionComparison cc : c.connections()) {
            out.println();
            out.printf(Locale.ROOT, "connection %d (B: %d), matched by %s, client side %s%n", cc.match().a().index(),
                    cc.match().b().index(), cc.match().matchedBy(), cc.aNearClient() ? "A" : "B");
            for (SubflowComparison s : cc.subflows()) {
                out.printf(Locale.ROOT, "  subflow %d%s: %,d matched, %,d A only, %,d B only%n", s.position(),
                        s.positionB() == null ? " (not in B)" : "", s.matched(), s.onlyInA(), s.onlyInB());
                out.printf(Locale.ROOT, "    owd client->server %s; server->client %s%n", stats(s.clientToServer()),
                        stats(s.serverToClient()));
                if (s.networkLossClient() != null) {
                    out.printf(Locale.ROOT, "    lost in the network: %,d from client%s, %,d from server%s; missed by the "
                                    + "receiver's capture: %,d / %,d; by the sender's: %,d%n", s.networkLossClient(),
                            refused(s.refusedClient()), s.networkLossServer(), refused(s.refusedServer()),
                            s.captureLossClient(), s.captureLossServer(), s.senderCaptureLoss());
                    printRefusals(out, c, cc, s);
                }
            }
            long[] verdicts = new long[ReinjectionOutcome.Verdict.values().length];
            c.reinjections().stream().filter(r -> r.connection() == cc.match().a().index())
                    .forEach(r -> verdicts[r.verdict().ordinal()]++);
            StringBuilder counts = new StringBuilder();
            for (ReinjectionOutcome.Verdict v : ReinjectionOutcome.Verdict.values()) {
                counts.append(", ").append(verdicts[v.ordinal()]).append(' ').append(v.csvName());
            }
            out.printf(Locale.ROOT, "  reinjections: %d%s; useful %,d bytes, redundant %,d bytes%n", cc.reinjections(),
                    counts, cc.usefulBytes(), cc.redundantBytes());
            Double share = cc.blockedShare();
            out.printf(Locale.ROOT, "  head-of-line: %,d ranges, %,d bytes waited; wait %s; blocked %.6f s%s%n",
                    cc.holRanges(), cc.holBytes(), stats(cc.holWait()), cc.blockedNanos() / 1e9,
                    share == null ? "" : String.format(Locale.ROOT, " (%.1f %% of the data time)", share * 100));
        }
    }

    private static String refused(long count) {
        return count == 0 ? "" : String.format(Locale.ROOT, " (%,d refused by a router, which said why)", count);
    }

    /** Each distinct ICMP error that refused a subflow's packets, with how many and the first packet it quotes. */
    private static void printRefusals(PrintWriter out, Comparison c, ConnectionComparison cc, SubflowComparison s) {
        Map<String, List<Loss>> byError = new LinkedHashMap<>();
        for (Loss loss : c.losses()) {
            if (loss.icmpError() != null && loss.connection() == cc.match().a().index()
                    && Integer.valueOf(s.position()).equals(loss.subflow())) {
                byError.computeIfAbsent(loss.icmpError(), e -> new ArrayList<>()).add(loss);
            }
        }
        byError.forEach((error, losses) -> out.printf(Locale.ROOT, "      %s: %,d packet(s), first %s #%d (error #%d)%n",
                error, losses.size(), losses.get(0).inA() ? "A" : "B", losses.get(0).packet(),
                losses.get(0).icmpErrorPacket()));
    }

    private static String stats(DelayStats d) {
        if (d.count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "min %.3f / median %.3f / p95 %.3f ms (%,d)", d.minNanos() / 1e6,
                d.medianNanos() / 1e6, d.p95Nanos() / 1e6, d.count());
    }
}
