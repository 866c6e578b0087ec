package org.braid.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stream of frames from a trace. {@link #next(Frame)} fills the caller's flyweight and returns
 * false at the end of the trace or at damage it cannot read past; damage becomes a
 * {@link TraceWarning}, never an exception, and every whole frame before it is delivered.
 */
public interface PacketSource extends Closeable {
    /** Fills {@code frame} with the next frame; false when there are no more. */
    boolean next(Frame frame) throws IOException;

    TraceFormat format();

    /** Human-readable format details, such as "pcap, microsecond timestamps, little-endian". */
    String formatDetail();

    /** Link types seen so far (all declared interfaces' link types, for pcapng). */
    Set<Integer> linkTypes();

    /** Problems found so far, in file order. */
    List<TraceWarning> warnings();

    /** Section and interface comments (pcapng), in file order. */
    List<String> comments();

    /** Name of the file, for messages. */
    String name();

    /**
     * Comments attached to single packets (pcapng {@code opt_comment} of EPBs), keyed by
     * packet number, for the packets read so far.
     */
    default Map<Long, String> packetComments() { return Map.of(); }

    /**
     * True when a frame's bytes stay valid after later {@link #next} calls (a memory-mapped file),
     * so a reader thread may run ahead of the analysis; false when the reader reuses its buffer.
     */
    default boolean framesOutliveNext() { return false; }

    /** Bytes of the (decompressed) file read so far, for progress bars; -1 when unknown. */
    default long position() { return -1; }

    /** Size in bytes of the (decompressed) file, for progress bars; -1 when unknown (live capture). */
    default long size() { return -1; }
}
