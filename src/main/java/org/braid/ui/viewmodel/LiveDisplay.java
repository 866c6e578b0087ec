package org.braid.ui.viewmodel;

import org.braid.ui.packets.LoadedTrace;

/**
 * What a live capture needs of the window, and no more: show its snapshots, tell the user, and
 * know which trace is shown (a file opened meanwhile must not be replaced). Keeps
 * {@link CaptureViewModel} from depending on {@link MainViewModel}.
 */
public interface LiveDisplay {
    /** Shows a capture's snapshot; {@code first} replaces the trace shown, {@code last} follows the capture's end. */
    void showLive(LoadedTrace snapshot, boolean first, boolean last);

    /** The trace shown now, or null. */
    LoadedTrace shownTrace();

    void report(UserMessage message);
}
