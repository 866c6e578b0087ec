package org.braid.ui.packets;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import javafx.concurrent.Task;
import org.braid.filter.Filter;
import org.braid.filter.FilterInput;

/**
 * Applies a display filter to every packet of a loaded trace, off the UI thread, and returns the
 * indexes of the packets it keeps, in order. Each packet is re-read and decoded once.
 */
public final class FilterTask extends Task<int[]> {
    private static final int CHECK_EVERY = 4096;

    private final LoadedTrace trace;
    private final Filter filter;

    public FilterTask(LoadedTrace trace, Filter filter, String text) {
        this.trace = trace;
        this.filter = filter;
        updateTitle("Filtering: " + text);
    }

    @Override
    protected int[] call() {
        return run(trace, filter, this::checkIn);
    }

    /** The indexes {@code filter} keeps; {@code checkIn} runs every few thousand packets with the count done. */
    public static int[] run(LoadedTrace trace, Filter filter, IntConsumer checkIn) {
        PacketDecoding decoding = new PacketDecoding(trace);
        FilterInput input = new FilterInput();
        int total = trace.index().size();
        int[] kept = new int[Math.min(total, 1024)];
        int count = 0;
        for (int i = 0; i < total; i++) {
            if (i % CHECK_EVERY == 0) {
                checkIn.accept(i);
            }
            if (decoding.load(i) && filter.matches(input.set(decoding.frame(), decoding.packet()))) {
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, Math.max(16, count * 2));
                }
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private void checkIn(int done) {
        if (isCancelled()) {
            throw new CancellationException();
        }
        updateProgress(done, trace.index().size());
    }
}
