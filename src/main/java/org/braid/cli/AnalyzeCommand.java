package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.model.AnalysisResult;
import org.braid.report.JsonReport;
import org.braid.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find the MPTCP connections of a trace, with their subflows, keys, tokens and events.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap, pcapng or gzip-compressed trace")
    Path file;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisResult result = MptcpAnalyzer.analyze(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, JsonReport.document(result));
        } else {
            TextReport.print(out, result);
        }
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }
}
