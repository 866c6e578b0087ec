package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.junit.jupiter.api.Test;

/** The hot path allocates nothing: decoding thousands of real frames leaves the allocation counter still. */
class AllocationTest {
    @Test
    void decodingWellFormedAndMalformedFramesAllocatesNothing() {
        List<Traces.FrameBytes> frames = new ArrayList<>();
        for (String trace : new String[] {"mptcpanalyzer_iperf-mptcp-0-0.pcap", "tcpdump-mptcp-v0.pcap",
                "tcpdump-mptcp-v1.pcap", "tcpdump-mptcp-aa-v1.pcap", "ptcpdump-mptcp.pcap", "tcpdump-mptcp-fclose.pcap",
                "tcpdump-mptcp-tcprst.pcap", "tcpdump-mptcp-dss-oobr.pcap"}) {
            Traces.forEach(trace, (frame, packet) -> frames.add(new Traces.FrameBytes(frame.copyBytes(), frame.linkType())));
        }
        int total = frames.stream().mapToInt(f -> f.bytes().length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total);
        int[] offsets = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            offsets[i] = buffer.position();
            buffer.put(frames.get(i).bytes());
        }
        Frame frame = new Frame();
        DecodedPacket packet = new DecodedPacket();
        PacketDecoder decoder = new PacketDecoder();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long options = 0;
        long allocated = 0;
        for (int round = 0; round < 30; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < offsets.length; i++) {
                Traces.FrameBytes f = frames.get(i);
                frame.set(buffer, offsets[i], f.bytes().length, f.bytes().length, f.linkType(), 0, 0, i + 1, 0);
                decoder.decode(frame, packet);
                options += packet.mptcpOptionCount();
            }
            allocated = threads.getThreadAllocatedBytes(thread) - before;
        }
        assertThat(options).isPositive();
        assertThat(allocated).as("bytes allocated decoding %d frames", offsets.length).isLessThan(256);
    }
}
