package org.braid.compare;

import java.util.Arrays;

/** Each flow's packets in capture order, as one int array with per-flow offsets: for scans within a flow. */
final class FlowPackets {
    private final int[] start;
    private final int[] packets;

    FlowPackets(CapturedTrace trace) {
        int flows = 0;
        for (int i = 0; i < trace.packets(); i++) {
            flows = Math.max(flows, trace.columns().flowOfPacket(i) + 1);
        }
        start = new int[flows + 1];
        for (int i = 0; i < trace.packets(); i++) {
            int flow = trace.columns().flowOfPacket(i);
            if (flow >= 0) {
                start[flow + 1]++;
            }
        }
        for (int f = 0; f < flows; f++) {
            start[f + 1] += start[f];
        }
        packets = new int[start[flows]];
        int[] fill = Arrays.copyOf(start, flows);
        for (int i = 0; i < trace.packets(); i++) {
            int flow = trace.columns().flowOfPacket(i);
            if (flow >= 0) {
                packets[fill[flow]++] = i;
            }
        }
    }

    int from(int flow) { return flow + 1 < start.length ? start[flow] : 0; }

    int to(int flow) { return flow + 1 < start.length ? start[flow + 1] : 0; }

    int packet(int k) { return packets[k]; }
}
