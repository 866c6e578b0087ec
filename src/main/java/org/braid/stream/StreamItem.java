package org.braid.stream;

/** One piece of a followed stream, in the order shown: bytes from the trace, or a hole. */
public sealed interface StreamItem permits StreamChunk, StreamHole {
    StreamSide side();

    /** Stream position (relative DSN, or TCP stream offset) of the first byte. */
    long start();
}
