package org.braid.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code braid} command: sub-commands run headless. */
@Command(name = "braid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Multipath TCP packet trace analyzer.",
        subcommands = {InfoCommand.class, PacketsCommand.class})
public final class BraidCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // The desktop window arrives with the UI; until then, show what the command line offers.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code, without exiting (for tests). */
    public static int run(String... args) {
        return new CommandLine(new BraidCommand()).execute(args);
    }
}
