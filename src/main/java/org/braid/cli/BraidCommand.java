package org.braid.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code braid} command: sub-commands run headless. */
@Command(name = "braid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multipath TCP packet trace analyzer.",
        subcommands = {InfoCommand.class, PacketsCommand.class, AnalyzeCommand.class, ReportCommand.class,
                BenchCommand.class, CaptureCommand.class, ExpertCommand.class})
public final class BraidCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // Main opens the window when there is no sub-command; reaching here means "braid" was given
        // options only, so say what the command line offers.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code, without exiting (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests use it to capture output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BraidCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof NoSuchFileException missing) {
                commandLine.getErr().println("braid: no such file: " + missing.getFile());
                return ExitCodes.ERROR;
            }
            if (ex instanceof IOException) {
                // A file we could not read is the user's problem to fix, not a bug: no stack trace.
                commandLine.getErr().println("braid: " + ex.getMessage());
                return ExitCodes.ERROR;
            }
            throw ex;
        });
        return cli;
    }
}
