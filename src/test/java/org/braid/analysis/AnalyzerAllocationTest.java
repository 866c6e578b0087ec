package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.junit.jupiter.api.Test;

/** Ordinary packets of a known connection cost the analyzer no allocation (columns pre-sized). */
class AnalyzerAllocationTest {
    private static final int SEGMENT = 1400;
    private static final int DATA_PACKETS = 2000;
    private static final int ROUNDS = 20;

    @Test
    void dataAndAckPacketsAllocateNothing() {
        long clientKey = 0x0102030405060708L;
        long serverKey = 0x1122334455667788L;
        long clientIdsn = MptcpCrypto.idsn(1, clientKey);
        long serverIdsn = MptcpCrypto.idsn(1, serverKey);
        byte[][] handshake = {
                SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_SYN, 1000, 0, SyntheticPackets.capableSyn(), 0),
                SyntheticPackets.frame(false, 1000, DecodedPacket.TCP_SYN | DecodedPacket.TCP_ACK, 9000, 1001,
                        SyntheticPackets.capableSynAck(serverKey), 0),
                SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_ACK, 1001, 9001,
                        SyntheticPackets.capableAck(clientKey, serverKey), 0)};
        // Data one way, each segment repeating a 64 kB mapping as Linux does, and DATA_ACKs the other way.
        ByteBuffer data = ByteBuffer.allocate(DATA_PACKETS * 2 * (40 + 24 + SEGMENT));
        int[] offsets = new int[DATA_PACKETS * 2];
        int[] lengths = new int[DATA_PACKETS * 2];
        int mapping = 65_520;
        for (int i = 0; i < DATA_PACKETS; i++) {
            long relative = 1 + (long) i * SEGMENT;
            long mapStart = 1 + relative / mapping * mapping;
            byte[] segment = SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_ACK, 1000 + relative, 9001,
                    SyntheticPackets.dss4(serverIdsn + 1, clientIdsn + mapStart, mapStart, mapping), SEGMENT);
            byte[] ack = SyntheticPackets.frame(false, 1000, DecodedPacket.TCP_ACK, 9001, 1000 + relative + SEGMENT,
                    SyntheticPackets.dss4(clientIdsn + relative + SEGMENT, serverIdsn + 1, 0, 0), 0);
            offsets[2 * i] = data.position();
            lengths[2 * i] = segment.length;
            data.put(segment);
            offsets[2 * i + 1] = data.position();
            lengths[2 * i + 1] = ack.length;
            data.put(ack);
        }

        MptcpAnalyzer analyzer = new MptcpAnalyzer(3 + ROUNDS * offsets.length);
        PacketDecoder decoder = new PacketDecoder();
        Frame frame = new Frame();
        DecodedPacket packet = new DecodedPacket();
        long number = 0;
        for (byte[] bytes : handshake) {
            number++;
            frame.set(ByteBuffer.wrap(bytes), 0, bytes.length, bytes.length, LinkType.RAW, 0, number, number, 0);
            decoder.decode(frame, packet);
            analyzer.onPacket(frame, packet);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < offsets.length; i++) {
                number++;
                frame.set(data, offsets[i], lengths[i], lengths[i], LinkType.RAW, 0, number, number, 0);
                decoder.decode(frame, packet);
                analyzer.onPacket(frame, packet);
            }
            allocated = threads.getThreadAllocatedBytes(thread) - before;
        }
        assertThat(analyzer.columns().relativeDsn(3 + 2 * 10)).isEqualTo(1 + 10L * SEGMENT);
        assertThat(analyzer.result().connections()).singleElement()
                .satisfies(c -> assertThat(c.subflows().get(0).packets()).isEqualTo(3 + (long) ROUNDS * offsets.length));
        assertThat(allocated).as("bytes allocated analysing %d packets", offsets.length).isLessThan(256);
    }
}
