package org.braid.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.braid.report.ControlCharacters;

/**
 * Escapes control characters on their way to a terminal, so text from a trace (a pcapng comment,
 * a file name) cannot move the cursor, retitle the window or forge output lines: ESC becomes
 * {@code \x1b}, a lone CR {@code \r}, C1 controls {@code \u0085}. Line feeds and tabs pass, and so
 * does the CR of a CR LF line end.
 */
final class TerminalSafeWriter extends FilterWriter {
    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code text} with its control characters escaped as this writer does. */
    static String escape(String text) {
        return ControlCharacters.escape(text);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        out.write(escape(new String(buffer, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(escape(text.substring(offset, offset + length)));
    }
}
