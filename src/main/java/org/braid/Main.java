package org.braid;

import org.braid.cli.BraidCommand;

/**
 * Entry point. It deliberately does not extend a JavaFX class: launched from the class path,
 * a main class that extends {@code Application} fails with "JavaFX runtime components are
 * missing", and headless sub-commands must never load JavaFX at all.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(BraidCommand.run(args));
    }
}
