package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.render.PacketText;

/** Finds the shared public traces and runs the decoder over them. */
public final class Traces {
    private Traces() {}

    static Path dir() {
        return org.braid.testing.Traces.publicDir();
    }

    static Path path(String name) {
        Path path = dir().resolve(name);
        assertThat(path).exists();
        return path;
    }

    /** Decodes every frame of a trace, handing each frame and its decode to {@code visitor}. */
    public static int forEach(String name, BiConsumer<Frame, DecodedPacket> visitor) {
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        Frame frame = new Frame();
        int count = 0;
        try (PacketSource source = open(name)) {
            while (source.next(frame)) {
                decoder.decode(frame, packet);
                visitor.accept(frame, packet);
                count++;
            }
            assertThat(source.warnings()).as("reader warnings for " + name).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static PacketSource open(String name) throws IOException {
        return TraceReader.open(path(name));
    }

    /** A copy of frame {@code number} (1-based) of a trace, with its link type. */
    static FrameBytes frame(String name, long number) {
        List<FrameBytes> found = new ArrayList<>();
        forEach(name, (frame, packet) -> {
            if (frame.packetNumber() == number) {
                found.add(new FrameBytes(frame.copyBytes(), frame.linkType()));
            }
        });
        assertThat(found).as("frame " + number + " of " + name).hasSize(1);
        return found.get(0);
    }

    /** The info line of every packet of a trace. */
    static List<String> infos(String name) {
        List<String> out = new ArrayList<>();
        forEach(name, (frame, packet) -> out.add(PacketText.info(packet)));
        return out;
    }

    /** Every public trace, pcap and pcapng. */
    static List<String> names() {
        try (var files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // a holder, never compared
    record FrameBytes(byte[] bytes, int linkType) {}
}
