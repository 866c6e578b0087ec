package org.braid.cli;

/** Exit codes shared by every sub-command, documented in the README. */
final class ExitCodes {
    /** The command ran, but the trace had damage or malformed packets (listed as warnings). */
    static final int WARNINGS = 1;
    /** The file could not be read at all, or the arguments were wrong. */
    static final int ERROR = 2;

    private ExitCodes() {}
}
