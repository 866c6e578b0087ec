package org.braid;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.braid.cli.BraidCommand;
import org.braid.cli.QuickStart;
import org.braid.ui.BraidApp;

/**
 * Entry point. It deliberately does not extend a JavaFX class: launched from the class path,
 * a main class that extends {@code Application} fails with "JavaFX runtime components are
 * missing", and headless sub-commands must never load JavaFX at all.
 *
 * <p>No arguments, or a single argument naming an existing file (and no sub-command), open the
 * window; anything else is the command line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        boolean window = opensWindow(args);
        int exit = QuickStart.runLongWorkFullyCompiled(args, window);
        if (exit >= 0) {
            System.exit(exit); // a child JVM, with the optimising compiler, did the long work
        }
        if (window) {
            try {
                BraidApp.launchWindow(args);
            } catch (RuntimeException | LinkageError e) {
                // Typically no display; the command line still works without one.
                System.err.println("braid: cannot open the window (" + e.getMessage() + ");"
                        + " the sub-commands work without a display, see braid --help");
                System.exit(1);
            }
            return;
        }
        System.exit(BraidCommand.run(args));
    }

    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            return false;
        }
        boolean command = BraidCommand.isSubcommand(args[0]);
        return !command && Files.isRegularFile(Paths.get(args[0]));
    }
}
