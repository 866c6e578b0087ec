package org.braid.ui.packets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.braid.io.Frame;
import org.braid.io.PcapngWriter;

/** Writes the packets a list shows (the filtered ones) as a new pcapng file, re-read from the trace. */
public final class PacketExport {
    private static final int CHECK_EVERY = 4096;

    private PacketExport() {}

    /** Gives a written file the mode of any new file (0644), not its temporary file's 0600, where modes exist. */
    static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.nio.file.Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Writes {@code rows}' packets of {@code trace} to {@code target} (replaced only once complete);
     * {@code checkIn} runs every few thousand packets and may throw to abandon. Returns the packets written.
     */
    public static long write(LoadedTrace trace, PacketRows rows, Path target, String comment, IntConsumer checkIn)
            throws IOException {
        Frame frame = new Frame();
        PcapngWriter writer = PcapngWriter.atomic(target, comment);
        try {
            for (int row = 0; row < rows.size(); row++) {
                if (row % CHECK_EVERY == 0) {
                    checkIn.accept(row);
                }
                int i = rows.packetIndex(row);
                if (!trace.index().read(trace.reader(), i, frame)) {
                    throw new IOException(trace.displayName() + " no longer holds packet " + (i + 1));
                }
                writer.write(frame);
            }
        } catch (IOException | RuntimeException e) {
            writer.abandon();
            throw e;
        }
        writer.close();
        readableByAll(target);
        return writer.packets();
    }
}
