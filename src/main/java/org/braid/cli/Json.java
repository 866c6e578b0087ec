package org.braid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.braid.report.JsonReport;

/** The command line's JSON output: every document goes through the report's one writer. */
final class Json {
    private Json() {}

    static void print(PrintWriter out, Object document) throws IOException {
        JsonReport.writeDocument(document, out);
    }
}
