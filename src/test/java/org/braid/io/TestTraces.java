package org.braid.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.braid.testing.Traces;

/** The public traces and helpers to read a whole trace into comparable copies. */
final class TestTraces {
    private TestTraces() {}

    /** Folder of the public traces in the repository. */
    static Path publicDir() {
        return Traces.publicDir();
    }

    static Path publicTrace(String name) {
        return Traces.publicTrace(name);
    }

    /** Wireshark's packet count of every public trace, from expected-tshark.json. */
    static Map<String, Long> expectedPacketCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Traces.Expected expected : Traces.expected(publicDir())) {
            counts.put(expected.toString(), expected.json().get("packets").asLong());
        }
        return counts;
    }

    static Path resource(String name) {
        try {
            Path copy = Files.createTempFile("braid-test-", "-" + name);
            copy.toFile().deleteOnExit();
            try (InputStream in = TestTraces.class.getResourceAsStream("/io/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource io/" + name);
                }
                Files.write(copy, in.readAllBytes());
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame copied out of the flyweight; the bytes compare by content. */
    record FrameCopy(long packetNumber, long timestampNanos, int capturedLength, int originalLength,
                     int linkType, int interfaceId, ByteBuffer bytes) {
        static FrameCopy of(Frame frame) {
            return new FrameCopy(frame.packetNumber(), frame.timestampNanos(), frame.capturedLength(),
                    frame.originalLength(), frame.linkType(), frame.interfaceId(), ByteBuffer.wrap(frame.copyBytes()));
        }
    }

    /** Everything a reader produced for one file. */
    record Reading(List<FrameCopy> frames, List<Long> fileOffsets, List<TraceWarning> warnings,
                   Set<Integer> linkTypes, List<String> comments, Map<Long, String> packetComments,
                   String formatDetail, long position, long size) {}

    static Reading read(Path path) throws IOException {
        return read(path, MappedWindow.DEFAULT_WINDOW);
    }

    static Reading read(Path path, int window) throws IOException {
        try (PacketSource source = TraceReader.open(path, window)) {
            List<FrameCopy> frames = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            Frame frame = new Frame();
            while (source.next(frame)) {
                frames.add(FrameCopy.of(frame));
                offsets.add(frame.fileOffset());
            }
            return new Reading(frames, offsets, List.copyOf(source.warnings()), Set.copyOf(source.linkTypes()),
                    List.copyOf(source.comments()), Map.copyOf(source.packetComments()), source.formatDetail(),
                    source.position(), source.size());
        }
    }
}
