package org.braid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
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
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "pcap, pcapng or gzip-compressed traces, or folders of them; several traces are "
                    + "analysed in parallel and each written to its own folder in DIR, named after the trace")
    List<Path> files;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Traces analysed at once (default: one per core).")
    Integer jobs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Folder for the CSV files and the manifest (created if missing; written aside, then moved into place).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar on stderr (there is none when stderr is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--out needs a folder name, not an empty one");
        }
        if (!TraceBatch.singleFile(files)) {
            Set<String> used = new HashSet<>();
            return TraceBatch.analyze(TraceBatch.expand(files), jobs == null ? TraceBatch.defaultJobs() : jobs,
                    spec.commandLine().getErr(), quiet,
                    (trace, result) -> write(result, trace, out.resolve(folderFor(trace, used))));
        }
        Path file = files.get(0);
        return write(Progress.analyze(file, spec.commandLine().getErr(), quiet), file, out);
    }

    /** The trace's file name without its extensions, made unique among the batch's folders. */
    private static String folderFor(Path trace, Set<String> used) {
        String name = trace.getFileName().toString().replaceFirst("(\\.(pcapng|pcap|cap))?(\\.gz)?$", "");
        String folder = name;
        for (int n = 2; !used.add(folder); n++) {
            folder = name + "-" + n;
        }
        return folder;
    }

    private int write(AnalysisResult result, Path trace, Path folder) throws IOException {
        CsvReport.write(result, folder, TraceIdentity.of(trace));
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("warning: " + w));
        spec.commandLine().getOut().printf(Locale.ROOT, "%d MPTCP connection(s) written to %s%n", result.connections().size(), folder);
        return result.warnings().isEmpty() ? 0 : ExitCodes.WARNINGS;
    }
}
