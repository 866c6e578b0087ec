package org.braid.analysis;

import java.util.Locale;
import org.braid.io.Frame;
import org.braid.model.AnalysisWarning;

/**
 * How many TCP flows one analysis tracks. A flow (and the connection an MP_JOIN with an unknown
 * token opens) costs a few kilobytes until the result is built, so a trace of millions of
 * one-packet flows would exhaust the heap. Past the budget, packets of new flows are counted but
 * not analysed, with one warning naming the first of them; flows already tracked go on as before.
 *
 * <p>The budget is {@value #PROPERTY} when set, otherwise one flow per {@value #HEAP_BYTES_PER_FLOW}
 * bytes of the heap the collector can fill ({@link Runtime#maxMemory}: 65,536 flows with -Xmx1g
 * under G1, 58,368 under the throughput collector, whose survivor space does not count), and never
 * below {@value #MINIMUM}.
 */
final class FlowBudget {
    static final String PROPERTY = "braid.maxFlows";
    /** Heap set aside per flow: its state, its connection's, and their share of the result and its output. */
    static final long HEAP_BYTES_PER_FLOW = 16384;
    static final int MINIMUM = 10_000;

    private final int maxFlows;
    private boolean exceeded;

    FlowBudget(int maxFlows) {
        this.maxFlows = maxFlows;
    }

    /** The budget for this JVM: the system property, or the heap's share. */
    static FlowBudget forThisHeap() {
        String value = System.getProperty(PROPERTY);
        if (value != null && !value.isBlank()) {
            try {
                return new FlowBudget(Math.max(1, Integer.parseInt(value.trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + " is not a number of flows: " + value, e);
            }
        }
        long share = Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_FLOW;
        return new FlowBudget((int) Math.max(MINIMUM, Math.min(Integer.MAX_VALUE, share)));
    }

    /**
     * True when a new flow may be tracked beside {@code tracked} others. The first refusal adds a
     * warning naming the packet in {@code frame}.
     */
    boolean admits(int tracked, Frame frame, AnalysisWarnings warnings) {
        if (tracked < maxFlows) {
            return true;
        }
        if (!exceeded) {
            exceeded = true;
            warnings.add(AnalysisWarning.Kind.LIMIT, frame, String.format(Locale.ROOT,
                    "flow budget of %d flows reached (-D%s); this and later new flows are not analysed,"
                            + " flows already tracked are", maxFlows, PROPERTY));
        }
        return false;
    }

    int maxFlows() {
        return maxFlows;
    }
}
