package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceFormatException;
import org.braid.io.TraceReader;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared public traces and runs the decoder over them. */
final class Traces {
    private static final byte[] PCAPNG_MAGIC = {0x0a, 0x0d, 0x0d, 0x0a};

    private Traces() {}

    static Path dir() {
        String dir = System.getProperty("braid.sharedTraces");
        assertThat(dir).as("system property braid.sharedTraces (set by surefire)").isNotNull();
        return Path.of(dir);
    }

    static Path path(String name) {
        Path path = dir().resolve(name);
        assertThat(path).exists();
        return path;
    }

    /** Decodes every frame of a trace, handing each frame and its decode to {@code visitor}. */
    static int forEach(String name, BiConsumer<Frame, DecodedPacket> visitor) {
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

    /**
     * Opens a trace. Some ".pcap" files are pcapng inside; until the pcapng reader lands on this
     * branch, tests on them are skipped rather than failed, and run by themselves once it does.
     */
    private static PacketSource open(String name) throws IOException {
        Path path = path(name);
        try {
            return TraceReader.open(path);
        } catch (TraceFormatException e) {
            byte[] magic = Arrays.copyOf(Files.readAllBytes(path), 4);
            Assumptions.assumeFalse(Arrays.equals(magic, PCAPNG_MAGIC), name + " is pcapng, not readable here yet");
            throw e;
        }
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

    static List<String> pcapNames() {
        try (var files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record FrameBytes(byte[] bytes, int linkType) {}
}
