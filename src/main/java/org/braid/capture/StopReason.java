package org.braid.capture;

/** Why a capture ended. */
public enum StopReason {
    /** {@link LiveCapture#stop()} was called (the Stop button, Ctrl-C). */
    STOPPED,
    /** The packet count was reached. */
    COUNT,
    /** The duration was reached. */
    DURATION,
    /** The capture failed (interface gone, libpcap error); what was captured is kept and saved. */
    FAILED
}
