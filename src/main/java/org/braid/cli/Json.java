package org.braid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;

/** The one JSON writer of the command line: pretty-printed, stable key order as given. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static void print(PrintWriter out, Object document) throws IOException {
        out.println(MAPPER.writeValueAsString(document));
        out.flush();
    }
}
