package org.braid.capture;

import java.nio.file.Path;

/**
 * How a capture ended.
 *
 * @param reason     why it stopped
 * @param statistics the final counters
 * @param saved      the published pcapng, or null when nothing was to be saved or the save failed
 * @param error      what failed (the capture, or the save), or null
 */
public record CaptureEnd(StopReason reason, CaptureStatistics statistics, Path saved, CaptureException error) {}
