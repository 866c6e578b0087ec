package org.braid.compare;

import java.util.List;

/**
 * Two captures of the same connections, compared: what {@code braid compare} prints and the
 * desktop comparison shows.
 *
 * @param a              the first capture
 * @param b              the second
 * @param matched        packets of MPTCP connections seen in both captures
 * @param onlyInA        packets of the matched connections seen in the first capture only
 * @param onlyInB        packets of the matched connections seen in the second capture only
 * @param clock          the second capture's clock against the first's
 * @param connections    the connections found in both
 * @param losses         every packet of those connections seen at one point only, with where it went missing
 * @param reinjections   every reinjection, judged
 * @param holWaits       every byte range that waited at a receiver
 */
public record Comparison(CapturedTrace a, CapturedTrace b, long matched, long onlyInA, long onlyInB,
        ClockEstimate clock, List<ConnectionComparison> connections, List<Loss> losses,
        List<ReinjectionOutcome> reinjections, List<HolWait> holWaits, Twins twins) {
    public Comparison {
        connections = List.copyOf(connections);
        losses = List.copyOf(losses);
        reinjections = List.copyOf(reinjections);
        holWaits = List.copyOf(holWaits);
    }

    /** The packet pairs and their one-way delays, as columns over the first capture's packets. */
    public static final class Twins {
        /** Value of {@link #delay} for a packet without a measured delay. */
        public static final long NO_DELAY = Long.MIN_VALUE;

        private final int[] twinOfA;
        private final int[] twinOfB;
        private final long[] delay;

        Twins(int[] twinOfA, int[] twinOfB, long[] delay) {
            this.twinOfA = twinOfA;
            this.twinOfB = twinOfB;
            this.delay = delay;
        }

        /** The 0-based index in the second capture of packet {@code i} of the first, or -1. */
        public int twinOfA(int i) { return twinOfA[i]; }

        /** The 0-based index in the first capture of packet {@code j} of the second, or -1. */
        public int twinOfB(int j) { return twinOfB[j]; }

        /** The clock-corrected one-way delay of packet {@code i} of the first capture, or {@link #NO_DELAY}. */
        public long delay(int i) { return delay[i]; }

        public int packetsA() { return twinOfA.length; }
    }
}
