package org.braid.ui.packets;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.FrameReader;

/** Decodes single packets of a loaded trace on demand; one per thread, since it reuses its flyweights. */
public final class PacketDecoding {
    private final LoadedTrace trace;
    private final FrameReader reader;
    private final Frame frame = new Frame();
    private final DecodedPacket packet = new DecodedPacket();
    private final PacketDecoder decoder = new PacketDecoder();

    public PacketDecoding(LoadedTrace trace) {
        this(trace, trace.reader());
    }

    /** Decodes with {@code reader}, a reader of the trace's file of this thread's own. */
    public PacketDecoding(LoadedTrace trace, FrameReader reader) {
        this.trace = trace;
        this.reader = reader;
    }

    /**
     * Reads and decodes packet {@code i} into {@link #frame()} and {@link #packet()}; false when the
     * file no longer holds it (changed on disk since the load).
     */
    public boolean load(int i) {
        try {
            if (!trace.index().read(reader, i, frame)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoder.decode(frame, packet);
        return true;
    }

    public Frame frame() { return frame; }
    public DecodedPacket packet() { return packet; }
}
