package org.braid.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code braid} command: sub-commands run headless. */
@Command(name = "braid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multipath TCP packet trace analyzer.")
public final class BraidCommand implements Runnable {
    /**
     * The sub-commands, in the order help lists them. They are added to the command line in code,
     * not in the annotation: building a command's model by reflection is a tenth of a second of a
     * quick start, so a run builds only the one it names.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, PacketsCommand.class,
            AnalyzeCommand.class, ReportCommand.class, BenchCommand.class, CaptureCommand.class, FollowCommand.class,
            CompareCommand.class, ExpertCommand.class);

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
        return execute(commandLine(args), args);
    }

    /** True when {@code name} names a sub-command. */
    public static boolean isSubcommand(String name) {
        return SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(name));
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /**
     * Runs {@code cli}; running out of memory anywhere ends in a message and {@link ExitCodes#ERROR},
     * not a stack trace. The stack unwound, the memory it held is free to print with.
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            cli.getErr().println("braid: out of memory (Java heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): give Java more with -Xmx, for example JAVA_TOOL_OPTIONS=-Xmx8g, or see"
                    + " \"Limits\" in the README");
            return ExitCodes.ERROR;
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The configured command line, printing through {@link TerminalSafeWriter}; tests use it to capture output. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command line for {@code args}: with only the sub-command they name, or all when they name none. */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new BraidCommand());
        boolean named = args.length > 0 && isSubcommand(args[0]);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (!named || nameOf(subcommand).equals(args[0])) {
                cli.addSubcommand(subcommand);
            }
        }
        cli.setOut(terminalSafe(new OutputStreamWriter(System.out, Charset.defaultCharset())));
        cli.setErr(terminalSafe(new OutputStreamWriter(System.err, Charset.defaultCharset())));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof NoSuchFileException missing) {
                commandLine.getErr().println("braid: no such file: " + missing.getFile());
                return ExitCodes.ERROR;
            }
            if (ex instanceof IOException) {
                // A file we could not read is the user's problem to fix, not a bug: no stack trace.
                commandLine.getErr().println("braid: " + ErrorMessages.describe(ex));
                return ExitCodes.ERROR;
            }
            throw ex;
        });
        return cli;
    }

    /** A writer for text output that escapes control characters (see {@link TerminalSafeWriter}). */
    public static PrintWriter terminalSafe(Writer out) {
        return new PrintWriter(new TerminalSafeWriter(out), true);
    }
}
