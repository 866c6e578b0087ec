package org.braid.capture;

/**
 * A capture that could not start or could not go on, with a message written for the user (what
 * went wrong and what to do), so the command line and the window can show it as it is.
 */
public final class CaptureException extends Exception {
    /** What went wrong, for callers that react differently (the window offers to save on {@link #INTERFACE_GONE}). */
    public enum Kind {
        /** Not allowed to capture: neither root nor the capabilities. */
        NO_PERMISSION,
        /** libpcap could not be loaded. */
        NO_LIBPCAP,
        /** No interface of that name. */
        NO_SUCH_INTERFACE,
        /** libpcap rejected the BPF capture filter. */
        BAD_FILTER,
        /** The interface went down or disappeared while capturing. */
        INTERFACE_GONE,
        /** The saved capture could not be written. */
        SAVE_FAILED,
        /** Anything else libpcap reported. */
        FAILED
    }

    private final Kind kind;

    public CaptureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
