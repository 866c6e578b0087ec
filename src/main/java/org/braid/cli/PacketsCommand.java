package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.io.TraceWarning;
import org.braid.render.DetailTree;
import org.braid.render.DetailTreeText;
import org.braid.render.PacketText;
import org.braid.report.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

// -V means "verbose" as in tshark, so the standard -V for --version is spelled out without it.
@Command(name = "packets", versionProvider = VersionProvider.class,
        description = "List packets one per line, like tshark -r: number, time, addresses, protocol, length, "
                + "TCP summary and MPTCP options in words.")
public final class PacketsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = {"-V", "--verbose"}, description = "Print the full decode tree of each packet, like tshark -V.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N packets.")
    long count = Long.MAX_VALUE;

    @Spec
    CommandSpec spec;

    /** As {@code braid info}: the first this many packet warnings are listed. */
    private static final int MAX_PACKET_WARNINGS = 10_000;

    private long firstNanos = Long.MIN_VALUE;
    private long printed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PacketSource source = TraceReader.open(file)) {
            List<TraceWarning> damaged = new ArrayList<>();
            PacketPass.run(source, (frame, packet) -> {
                print(out, frame, packet);
                // The decoder's warnings on each packet, as braid info lists them.
                for (int i = 0; i < packet.warningCount() && damaged.size() < MAX_PACKET_WARNINGS
                        && frame.packetNumber() <= count; i++) {
                    damaged.add(new TraceWarning(source.name(), frame.packetNumber(), frame.fileOffset(),
                            packet.warning(i).located()));
                }
            });
            out.flush();
            for (TraceWarning warning : source.warnings()) {
                spec.commandLine().getErr().println("warning: " + warning);
            }
            for (TraceWarning warning : damaged) {
                spec.commandLine().getErr().println("warning: " + warning);
            }
            return source.warnings().isEmpty() && damaged.isEmpty() ? 0 : ExitCodes.WARNINGS;
        }
    }

    /** tshark's columns after the time: source, destination, protocol, frame length, info. */
    private static String summary(Frame frame, DecodedPacket packet) {
        String source = PacketText.source(packet);
        String destination = PacketText.destination(packet);
        return String.format(Locale.ROOT, "%s -> %s %s %d %s", source.isEmpty() ? "?" : source,
                destination.isEmpty() ? "?" : destination, PacketText.protocol(packet), frame.originalLength(),
                PacketText.info(packet));
    }

    private void print(PrintWriter out, Frame frame, DecodedPacket packet) {
        if (printed >= count) {
            return;
        }
        printed++;
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = frame.timestampNanos();
        }
        if (verbose) {
            out.print(DetailTreeText.render(DetailTree.build(frame, packet)));
            out.println();
        } else {
            out.printf(Locale.ROOT, "%6d %11s %s%n", frame.packetNumber(), Text.relative(frame.timestampNanos(), firstNanos),
                    summary(frame, packet));
        }
    }
}
