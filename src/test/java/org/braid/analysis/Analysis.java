package org.braid.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.braid.model.AnalysisResult;

/** Runs the analyzer over a trace file, for tests. */
final class Analysis {
    private Analysis() {}

    static AnalysisResult of(Path trace) {
        try {
            return MptcpAnalyzer.analyze(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
