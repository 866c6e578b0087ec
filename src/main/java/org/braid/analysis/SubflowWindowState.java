package org.braid.analysis;

/**
 * The latest receive-window advertisement of one flow, per flow direction (the direction that sent
 * it): what disagreement checks and the per-subflow report read. Primitive fields only.
 */
final class SubflowWindowState {
    /** Absolute 64-bit right edge DATA_ACK + scaled window. */
    final long[] edge = new long[2];
    /** The scaled window itself, in bytes. */
    final long[] window = new long[2];
    final long[] nanos = new long[2];
    /** The 1-based packet of the latest advertisement. */
    final long[] packet = new long[2];
    final long[] advertisements = new long[2];
    /** Advertisements read unscaled because the flow's SYN or SYN/ACK had not been seen. */
    final long[] unscaled = new long[2];
}
