package org.braid.analysis;

import java.io.IOException;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;

/**
 * The one loop over a trace: read each frame, decode it into a reused packet, hand both to the
 * listener. Files and live capture feed the same listeners, so analysis is written once.
 */
public final class PacketPass {
    /** Receives each frame with its decode; both objects are reused, so copy what must outlive the call. */
    @FunctionalInterface
    public interface Listener {
        void onPacket(Frame frame, DecodedPacket packet);
    }

    private PacketPass() {}

    /**
     * As {@link #run}, reading on a second thread when the source is a mapped file, the machine has a
     * second processor and reading ahead is not turned off ({@link MptcpAnalyzer#READ_AHEAD}): the
     * listener sees the same packets in the same order, on the caller's thread.
     */
    public static long runReadingAhead(PacketSource source, Listener listener) throws IOException {
        return MptcpAnalyzer.READ_AHEAD ? ReadAheadPass.run(source, listener) : run(source, listener);
    }

    /** Reads {@code source} to its end (or to damage it cannot pass) and returns the packets read. */
    public static long run(PacketSource source, Listener listener) throws IOException {
        return run(source, listener, new PacketDecoder(), new DecodedPacket(), Long.MAX_VALUE);
    }

    /**
     * As {@link #run(PacketSource, Listener)}, decoding with the caller's decoder into its packet, and
     * stopping after {@code limit} packets: fewer returned means the source ended.
     */
    static long run(PacketSource source, Listener listener, PacketDecoder decoder, DecodedPacket packet, long limit)
            throws IOException {
        Frame frame = new Frame();
        long packets = 0;
        while (packets < limit && source.next(frame)) {
            decoder.decode(frame, packet);
            listener.onPacket(frame, packet);
            packets++;
        }
        return packets;
    }
}
