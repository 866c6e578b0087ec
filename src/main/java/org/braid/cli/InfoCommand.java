package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braid.analysis.PacketPass;
import org.braid.analysis.TraceSummary;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.TraceInfo;
import org.braid.report.InfoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Summarise a trace file, like capinfos: format, link types, packets, times, MPTCP options, warnings.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TraceSummary summary;
        try (PacketSource source = TraceReader.open(file)) {
            summary = new TraceSummary(source.name());
            PacketPass.run(source, summary::accept);
            summary.finish(source);
        }
        TraceInfo info = summary.info();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, InfoReport.document(info));
        } else {
            InfoReport.printText(out, info);
        }
        return summary.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }
}
