package org.braid.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
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

    /** As the window analyses: with the per-packet detail and the samples only charts draw (bytes in flight). */
    static AnalysisResult withPacketDetail(Path trace) {
        try (PacketSource source = TraceReader.open(trace)) {
            return MptcpAnalyzer.analyzeWithPacketDetail(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
