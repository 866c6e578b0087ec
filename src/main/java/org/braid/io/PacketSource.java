package org.braid.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
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
}
