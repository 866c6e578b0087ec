package org.braid.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braid.model.AnalysisResult;
import org.braid.report.JsonReport;
import org.braid.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find the MPTCP connections of a trace, with their subflows, keys, tokens and events. "
                + "Several traces, or folders of them, are analysed in parallel.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "pcap, pcapng or gzip-compressed traces, or folders of them")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document instead of text (one trace).")
    boolean json;

    @Option(names = "--jsonl", description = "Print one JSON document a line per trace, each with its \"trace\".")
    boolean jsonl;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Traces analysed at once (default: one per core).")
    Integer jobs;

    @Option(names = "--quiet", description = "No progress bar on stderr (there is none when stderr is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (TraceBatch.singleFile(files) && !jsonl) {
            AnalysisResult result = Progress.analyze(files.get(0), spec.commandLine().getErr(), quiet);
            if (json) {
                Json.print(out, JsonReport.document(result));
            } else {
                TextReport.print(out, result);
            }
            return exitCode(result);
        }
        if (json) {
            throw new ParameterException(spec.commandLine(), "--json prints one trace: use --jsonl for several");
        }
        List<Path> traces = TraceBatch.expand(files);
        return TraceBatch.analyze(traces, jobs == null ? TraceBatch.defaultJobs() : jobs,
                spec.commandLine().getErr(), quiet, (trace, result) -> {
                    if (jsonl) {
                        Map<String, Object> document = new LinkedHashMap<>();
                        document.put("trace", trace.toString());
                        document.putAll(JsonReport.document(result));
                        Json.printLine(out, document);
                    } else {
                        out.println("== " + trace);
                        TextReport.print(out, result);
                        out.flush();
                    }
                    return exitCode(result);
                });
    }

    private static int exitCode(AnalysisResult result) {
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }
}
