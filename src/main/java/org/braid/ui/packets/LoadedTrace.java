package org.braid.ui.packets;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.braid.io.FrameReader;
import org.braid.io.TraceWarning;
import org.braid.ui.analysis.TraceAnalysis;

/**
 * A trace after its load pass: the packet columns, the MPTCP analysis made in the same pass, a
 * reader to re-read any packet, and what the reader found wrong. {@code displayName} is what the
 * title and messages call it. A live capture has no path or reader (null): its index keeps the bytes.
 */
public record LoadedTrace(Path path, String displayName, String formatDetail, PacketIndex index,
                          TraceAnalysis analysis, FrameReader reader, List<TraceWarning> warnings)
        implements Closeable {
    public LoadedTrace {
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
