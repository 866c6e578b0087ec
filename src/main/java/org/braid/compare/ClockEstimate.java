package org.braid.compare;

/**
 * How the second capture's clock relates to the first's: {@code tB = tA + offset + drift * (tA - reference)}.
 * Estimated from the smallest delays in both directions, which bound the offset from both sides;
 * the uncertainty is half the gap between those bounds (what an unknown asymmetry of the
 * minimum delays could move it by).
 *
 * @param offsetNanos       offset at the reference time, or null without matched packets both ways
 * @param uncertaintyNanos  the half-width of the interval the offset lies in, or null
 * @param driftPpm          the drift fitted over the trace, parts per million, or null with too few samples
 * @param driftUncertaintyPpm the standard error of that fit, or null
 * @param driftApplied      true when the drift is significant (over 3 standard errors) and moves
 *                          the offset by more than its uncertainty over the trace, so delays are corrected by it
 * @param referenceNanos    the first capture's time the offset is given at (its first matched packet)
 * @param samplesAToB       matched packets that went from the first capture point to the second
 * @param samplesBToA       matched packets that went the other way
 */
public record ClockEstimate(Long offsetNanos, Long uncertaintyNanos, Double driftPpm, Double driftUncertaintyPpm,
        boolean driftApplied, long referenceNanos, int samplesAToB, int samplesBToA) {

    public boolean known() {
        return offsetNanos != null;
    }

    /** The offset at first-capture time {@code tA}: what to subtract from a second-capture time. */
    public long offsetAt(long tA) {
        double drift = driftApplied ? driftPpm / 1e6 : 0;
        return offsetNanos + Math.round(drift * (tA - referenceNanos));
    }

    /** A second-capture time on the first capture's clock. */
    public long toA(long tB) {
        return tB - offsetAt(tB - offsetNanos);
    }
}
