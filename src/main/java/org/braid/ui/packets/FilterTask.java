package org.braid.ui.packets;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.braid.filter.Filter;
import org.braid.filter.FilterInput;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/**
 * Applies a display filter to every packet of a loaded trace, off the UI thread, and returns the
 * indexes of the packets it keeps, in order. Each packet is re-read and decoded once.
 */
public final class FilterTask implements BackgroundWork<int[]> {
    private static final int CHECK_EVERY = 4096;

    private final LoadedTrace trace;
    private final Filter filter;

    public FilterTask(LoadedTrace trace, Filter filter) {
        this.trace = trace;
        this.filter = filter;
    }

    @Override
    public int[] call(TaskProgress progress) {
        int total = trace.index().size();
        return run(trace, filter, done -> {
            progress.checkCancelled();
            progress.update(done, total);
        });
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
}
