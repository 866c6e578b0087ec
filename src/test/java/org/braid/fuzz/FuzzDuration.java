package org.braid.fuzz;

/**
 * How long each fuzz test fuzzes when fuzzing is on (mvn -Pfuzz, or JAZZER_FUZZ=1); in an ordinary
 * test run they only replay their corpus. CI fuzzes each target this long after the main build.
 */
final class FuzzDuration {
    static final String DEFAULT = "30s";

    private FuzzDuration() {}
}
