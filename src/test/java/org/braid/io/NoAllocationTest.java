package org.braid.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scanning a trace allocates nothing per packet: the frame is a flyweight over the mapped file. */
class NoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @ValueSource(strings = {"dpi-mptcp-flood.pcap", "mptcpanalyzer_client_2.pcap", "dpi-mptcp-longer.pcapng"})
    void nextAllocatesNothingPerPacket(String trace) throws IOException {
        scan(trace); // load and initialize every class on the path first
        long packets = 0;
        long allocated;
        try (PacketSource source = TraceReader.open(TestTraces.publicTrace(trace))) {
            Frame frame = new Frame();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            while (source.next(frame)) {
                packets++;
            }
            allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(packets).isPositive();
        // a few bytes of measuring noise, far below one object per packet
        assertThat(allocated).as("bytes allocated over %d packets", packets).isLessThan(1024);
    }

    private static void scan(String trace) throws IOException {
        try (PacketSource source = TraceReader.open(TestTraces.publicTrace(trace))) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                frame.capturedLength();
            }
        }
    }
}
