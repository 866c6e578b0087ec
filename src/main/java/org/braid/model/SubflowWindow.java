package org.braid.model;

/**
 * How one subflow advertised the shared receive window for one data direction.
 *
 * @param flow           index of the subflow's TCP flow (see {@link Subflow#flow()})
 * @param scaleShift     the window scale shift of the advertiser (0 when the handshake did not
 *                       negotiate scaling), or null when the subflow's SYN or SYN/ACK is not in the
 *                       trace, so its windows were read unscaled
 * @param advertisements packets of this subflow that carried a DATA_ACK and a window
 * @param unscaledAdvertisements those read unscaled, because the subflow's SYN or SYN/ACK had not
 *                       been seen yet (or at all) when they were sent
 * @param lastRightEdge  the latest right edge it advertised, relative to the DSN base of the
 *                       direction, or null when it advertised none
 */
public record SubflowWindow(int flow, Integer scaleShift, long advertisements, long unscaledAdvertisements,
        Long lastRightEdge) {
    /** Every advertisement of this subflow was read with its negotiated scale. */
    public boolean scaleKnown() {
        return scaleShift != null && unscaledAdvertisements == 0;
    }
}
