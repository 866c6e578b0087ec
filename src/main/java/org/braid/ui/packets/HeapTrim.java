package org.braid.ui.packets;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives back to the system the heap a big trace's load pass grew and no longer needs. Loading
 * decodes every packet and grows the heap well past what the loaded trace keeps; the garbage
 * collector keeps that memory (up to 70% of the heap free, by default) as long as the window
 * runs. After a big load this lowers the free share the collector keeps to 20% and collects
 * once, so the window's resident memory stays close to what the trace needs. Small traces are
 * left alone: their load is too short to grow the heap much, and a collection would be a pause for nothing.
 */
public final class HeapTrim {
    /** Loads of fewer packets than this leave the heap as it is. */
    static final int FROM_PACKETS = 500_000;
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    private static final String MIN_FREE = "MinHeapFreeRatio";

    private HeapTrim() {}

    /**
     * Once a load of {@code packets} packets is shown (its pass's own data unreachable, the trace
     * shown before it closed): collects, keeping at most 20% of the heap free, when the load was
     * big. A pause of tens of milliseconds for a few million packets.
     */
    public static void afterLoad(int packets) {
        if (packets < FROM_PACKETS) {
            return;
        }
        limitFreeHeap();
        System.gc();
    }

    /** Manageable flags: the JVM honours them at its next collection; a JVM without them is left as it is. */
    private static void limitFreeHeap() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return;
            }
            hotSpot.setVMOption(MIN_FREE, "5"); // never above the maximum, which comes next
            hotSpot.setVMOption(MAX_FREE, "20");
        } catch (IllegalArgumentException | SecurityException e) {
            // Not a HotSpot JVM, or flags it does not know: the collection alone still helps.
        }
    }
}
