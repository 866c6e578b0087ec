package org.braid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.braid.report.JsonReport;

/** The command line's JSON output: every document goes through the report's one writer. */
final class Json {
    /** JSON Lines: the report's documents (maps, lists and plain values) without the indentation. */
    private static final ObjectMapper LINES = new ObjectMapper();

    private Json() {}

    static void print(PrintWriter out, Object document) throws IOException {
        JsonReport.writeDocument(document, out);
    }

    /** One document on one line (JSON Lines), flushed so a reader can follow. */
    static void printLine(PrintWriter out, Object document) throws IOException {
        out.println(LINES.writeValueAsString(document));
        out.flush();
    }
}
