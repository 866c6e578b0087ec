package org.braid.cli;

import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    static Result run(String... args) {
        CommandLine cli = BraidCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(BraidCommand.terminalSafe(out));
        cli.setErr(BraidCommand.terminalSafe(err));
        int code = BraidCommand.execute(cli, args);
        return new Result(code, out.toString(), err.toString());
    }
}
