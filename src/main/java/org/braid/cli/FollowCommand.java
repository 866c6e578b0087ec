package org.braid.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.stream.FollowDirection;
import org.braid.stream.FollowTarget;
import org.braid.stream.FollowedStream;
import org.braid.stream.StreamChunk;
import org.braid.stream.StreamFollower;
import org.braid.stream.StreamFormat;
import org.braid.stream.StreamHole;
import org.braid.stream.StreamItem;
import org.braid.stream.StreamSide;
import org.braid.stream.StreamText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "follow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the application's bytes of an MPTCP connection, reassembled in data-sequence order "
                + "across its subflows, or of one TCP stream in TCP sequence order.",
                "With --format raw and one direction the output is exactly the bytes the application sent, "
                        + "when the trace holds them all; missing ranges are skipped and reported on stderr."})
public final class FollowCommand implements Callable<Integer> {
    /** What to follow: exactly one of an MPTCP connection and a TCP stream. */
    static final class Target {
        @Option(names = "--connection", paramLabel = "N", description = "MPTCP connection N (mptcp.connection == N).")
        Integer connection;

        @Option(names = "--tcp-stream", paramLabel = "N", description = "TCP stream N (tcp.stream == N): a subflow "
                + "or a plain TCP connection, in TCP sequence order.")
        Integer tcpStream;
    }

    enum Direction { client, server, both }

    enum Format { raw, ascii, hex }

    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--subflow", paramLabel = "K", description = "With --connection: follow the connection's "
            + "subflow K (0 = the first, as listed by analyze) as a TCP stream.")
    Integer subflow;

    @Option(names = "--direction", paramLabel = "DIR", description = "client, server or both (default: ${DEFAULT-VALUE}; "
            + "raw needs one).")
    Direction direction = Direction.both;

    @Option(names = "--format", paramLabel = "FMT", description = "raw, ascii or hex (default: ${DEFAULT-VALUE}).")
    Format format = Format.ascii;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of stdout.")
    Path output;

    @Option(names = "--quiet", description = "No progress bar on stderr (there is none when stderr is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (format == Format.raw && direction == Direction.both) {
            throw new ParameterException(spec.commandLine(), "--format raw writes one direction: "
                    + "add --direction client or --direction server");
        }
        if (subflow != null && target.connection == null) {
            throw new ParameterException(spec.commandLine(), "--subflow needs --connection");
        }
        FollowTarget followed = target.connection != null
                ? FollowTarget.mptcpConnection(target.connection) : FollowTarget.tcpStream(target.tcpStream);
        // The reads of the trace (two with --subflow: the analysis, then the follow) under one bar, ended before any output.
        TraceBytes bytes = new TraceBytes(subflow != null ? List.of(file, file) : List.of(file));
        FollowedStream read;
        try (Progress bar = Progress.start(bytes, spec.commandLine().getErr(), quiet)) {
            if (subflow != null) {
                followed = FollowTarget.tcpStream(subflowFlow(target.connection, subflow, bytes));
            }
            read = follow(followed, bytes);
        }
        try (FollowedStream stream = read) {
            PrintWriter err = spec.commandLine().getErr();
            boolean whole;
            if (format == Format.raw) {
                whole = writeRaw(stream);
            } else {
                whole = writeText(stream);
            }
            if (!whole) {
                for (StreamSide side : StreamSide.values()) {
                    if (shown().includes(side)
                            && !stream.complete(side)) {
                        String missing = stream.missingBytes(side) > 0 ? stream.missingBytes(side) + " bytes missing" : "";
                        String start = stream.startKnown(side) ? "" : "its start is not in the capture";
                        err.printf("warning: the %s's stream is not whole in the trace: %s%s%s%n", side.label(),
                                missing, missing.isEmpty() || start.isEmpty() ? "" : ", ", start);
                    }
                }
                err.flush();
            }
            return whole ? 0 : ExitCodes.WARNINGS;
        }
    }

    private FollowedStream follow(FollowTarget followed, TraceBytes bytes) throws IOException {
        try {
            return StreamFollower.follow(file, followed, bytes::openedNext);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The TCP flow of subflow {@code position} of connection {@code connection}. */
    private int subflowFlow(int connection, int position, TraceBytes bytes) throws IOException {
        AnalysisResult result;
        try (PacketSource source = TraceReader.open(file)) {
            bytes.openedNext(source);
            result = MptcpAnalyzer.analyze(source);
        }
        if (connection >= result.connections().size()) {
            throw new ParameterException(spec.commandLine(), "no MPTCP connection " + connection + ": the trace has "
                    + result.connections().size());
        }
        MptcpConnection c = result.connections().get(connection);
        if (position < 0 || position >= c.subflows().size()) {
            throw new ParameterException(spec.commandLine(), "connection " + connection + " has "
                    + c.subflows().size() + " subflows, no subflow " + position);
        }
        return c.subflows().get(position).flow();
    }

    private FollowDirection shown() {
        return FollowDirection.valueOf(direction.name().toUpperCase(Locale.ROOT));
    }

    private StreamSide side() {
        return direction == Direction.client ? StreamSide.CLIENT : StreamSide.SERVER;
    }

    private boolean writeRaw(FollowedStream stream) throws IOException {
        if (output != null) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                stream.writeBytes(side(), out);
            }
        } else {
            OutputStream out = new BufferedOutputStream(System.out);
            stream.writeBytes(side(), out);
            out.flush();
        }
        return stream.complete(side());
    }

    private boolean writeText(FollowedStream stream) throws IOException {
        FollowDirection shown = shown();
        Writer writer = output != null ? new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)
                : spec.commandLine().getOut();
        try {
            writer.write(header(stream, shown));
            StreamFormat textFormat = format == Format.hex ? StreamFormat.HEX : StreamFormat.ASCII;
            byte[] bytes = new byte[65536];
            StringBuilder text = new StringBuilder();
            boolean whole = true;
            for (Iterator<StreamItem> items = stream.items(shown); items.hasNext(); ) {
                StreamItem item = items.next();
                text.setLength(0);
                if (item instanceof StreamHole hole) {
                    whole = false;
                    text.append(StreamText.hole(hole, stream.positionName())).append('\n');
                } else if (item instanceof StreamChunk chunk) {
                    if (shown == FollowDirection.BOTH) {
                        text.append(chunk.side() == StreamSide.CLIENT ? ">> " : "<< ")
                                .append(StreamText.describe(chunk, stream.positionName())).append('\n');
                    }
                    stream.read(chunk, bytes, 0);
                    StreamText.render(textFormat, bytes, chunk.length(), chunk.start(), "", text);
                    if (shown == FollowDirection.BOTH && textFormat == StreamFormat.ASCII) {
                        text.append('\n');
                    }
                }
                writer.append(text);
            }
            return whole;
        } finally {
            if (output != null) {
                writer.close();
            } else {
                writer.flush();
            }
        }
    }

    private static String header(FollowedStream stream, FollowDirection shown) {
        String rule = "=".repeat(67) + "\n";
        StringBuilder out = new StringBuilder(rule);
        out.append("Follow: ").append(stream.target()).append(", ").append(shown.label()).append('\n');
        out.append("Client: ").append(stream.client()).append(" (").append(stream.capturedBytes(StreamSide.CLIENT))
                .append(" bytes)\n");
        out.append("Server: ").append(stream.server()).append(" (").append(stream.capturedBytes(StreamSide.SERVER))
                .append(" bytes)\n");
        return out.append(rule).toString();
    }
}
