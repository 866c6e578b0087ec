package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.report.CsvReport;
import org.braid.report.TraceIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the connection report of a trace as CSV files: connections, subflows, "
                + "reinjections, mappings and events.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Folder for the CSV files and manifest.json (created if missing; files of the same names are "
                    + "replaced, each by a rename, and manifest.json is written last).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--out needs a folder name, not an empty one");
        }
        AnalysisResult result = MptcpAnalyzer.analyze(file);
        CsvReport.write(result, out, TraceIdentity.of(file));
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("warning: " + w));
        spec.commandLine().getOut().printf(Locale.ROOT, "%d MPTCP connection(s) written to %s%n", result.connections().size(), out);
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }
}
