package org.braid.stream;

/**
 * Stream bytes the trace does not hold: lost by the capture, cut by its snaplen, or sent before
 * it started. Nothing is made up for them.
 *
 * @param length the number of missing bytes; -1 when unknown (before the first byte of a
 *               capture that started mid-connection)
 */
public record StreamHole(StreamSide side, long start, long length) implements StreamItem {
    public boolean lengthKnown() {
        return length >= 0;
    }
}
