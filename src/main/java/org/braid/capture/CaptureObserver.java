package org.braid.capture;

/**
 * Hears from a capture on its own thread, the thread that feeds the packet listeners, so an observer
 * may read the analysis directly (no lock needed there). A window must hand what it reads over to
 * its UI thread; keep the work short, the kernel buffer fills meanwhile.
 */
public interface CaptureObserver {
    /** A few times a second while capturing, and once more at the end. */
    default void onStatistics(CaptureStatistics statistics) {}

    /** Once, after the last packet, when the saved file (if any) is published. */
    default void onEnd(CaptureEnd end) {}
}
