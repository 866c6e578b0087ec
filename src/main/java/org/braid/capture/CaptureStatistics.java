package org.braid.capture;

import java.util.Locale;

/**
 * Counters of a running (or finished) capture.
 *
 * @param captured            packets handed to the analysis (and to the saved file)
 * @param received            packets the kernel passed the filter ({@code ps_recv})
 * @param droppedByKernel     packets lost because the ring buffer was full ({@code ps_drop}): the analysis fell behind
 * @param droppedByInterface  packets the interface or its driver dropped ({@code ps_ifdrop})
 * @param elapsedNanos        time since the capture started
 */
public record CaptureStatistics(long captured, long received, long droppedByKernel, long droppedByInterface,
        long elapsedNanos) {
    /** Captured packets per second since the start. */
    public double capturedPerSecond() {
        return elapsedNanos <= 0 ? 0 : captured * 1e9 / elapsedNanos;
    }

    /** One line for a status bar or a terminal. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d packets captured, %,d received by the filter, %,d dropped by the kernel, "
                + "%,d dropped by the interface, %.1f s", captured, received, droppedByKernel, droppedByInterface,
                elapsedNanos / 1e9);
    }
}
