package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.junit.jupiter.api.Test;

/**
 * New data on two subflows, interleaved as Linux sends it (each subflow fills its own 64 kB
 * mapping block, so half the segments land below the newest DSN), costs the data accounting no
 * allocation between the doublings of its range logs.
 */
class DataTrackerAllocationTest {
    private static final int SEGMENT = 1400;
    private static final int MAPPING = 65_520;
    /**
     * Data segments per subflow before measuring, and measured. The logs that grow by doubling stay
     * within one size while measured: the DSN range logs hold 1500 to 2000 ranges in room for 2048,
     * and the DSS mapping log (a mapping every 46 segments) 65 to 87 mappings in room for 128.
     */
    private static final int WARM = 1500;
    private static final int MEASURED = 500;
    private static final int ROUNDS = 8;

    @Test
    void interleavedNewDataOnTwoSubflowsAllocatesNothing() {
        List<byte[]> frames = frames();
        ByteBuffer data = ByteBuffer.allocate(frames.stream().mapToInt(f -> f.length).sum());
        int[] offsets = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            offsets[i] = data.position();
            data.put(frames.get(i));
        }
        int warmPackets = 6 + 2 * 2 * WARM; // handshakes, then a data segment and its DATA_ACK each
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        MptcpAnalyzer analyzer = null;
        for (int round = 0; round < ROUNDS; round++) {
            analyzer = new MptcpAnalyzer(frames.size());
            PacketDecoder decoder = new PacketDecoder();
            Frame frame = new Frame();
            DecodedPacket packet = new DecodedPacket();
            long before = 0;
            for (int i = 0; i < frames.size(); i++) {
                if (i == warmPackets) {
                    before = threads.getThreadAllocatedBytes(thread);
                }
                int length = frames.get(i).length;
                frame.set(data, offsets[i], length, length, LinkType.RAW, 0, i * 10_000L, i + 1, 0);
                decoder.decode(frame, packet);
                analyzer.onPacket(frame, packet);
            }
            allocated = threads.getThreadAllocatedBytes(thread) - before;
        }
        var c = analyzer.result().connections().get(0);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(2L * (WARM + MEASURED) * SEGMENT);
        assertThat(c.data().reinjectedPackets()).isZero();
        assertThat(c.subflows()).extracting(s -> s.retransmissions()).containsOnly(0L);
        assertThat(allocated).as("bytes allocated for %d packets", 4 * MEASURED).isLessThan(256);
    }

    private static List<byte[]> frames() {
        long clientKey = 0x0102030405060708L;
        long serverKey = 0x1122334455667788L;
        long clientIdsn = MptcpCrypto.idsn(1, clientKey);
        long serverIdsn = MptcpCrypto.idsn(1, serverKey);
        int[] ports = {1000, 2000};
        long[] isn = {1000, 5000};
        List<byte[]> frames = new ArrayList<>();
        frames.add(SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_SYN, 1000, 0, SyntheticPackets.capableSyn(), 0));
        frames.add(SyntheticPackets.frame(false, 1000, DecodedPacket.TCP_SYN | DecodedPacket.TCP_ACK, 9000, 1001,
                SyntheticPackets.capableSynAck(serverKey), 0));
        frames.add(SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_ACK, 1001, 9001,
                SyntheticPackets.capableAck(clientKey, serverKey), 0));
        byte[] join = ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x10).put((byte) 2)
                .putInt((int) MptcpCrypto.token(1, serverKey)).putInt(7).array();
        frames.add(SyntheticPackets.frame(true, 2000, DecodedPacket.TCP_SYN, 5000, 0, join, 0));
        frames.add(SyntheticPackets.frame(false, 2000, DecodedPacket.TCP_SYN | DecodedPacket.TCP_ACK, 9000, 5001,
                new byte[0], 0));
        frames.add(SyntheticPackets.frame(true, 2000, DecodedPacket.TCP_ACK, 5001, 9001, new byte[0], 0));
        long nextDsn = 1;
        long[] nextSeq = {1, 1};
        long[] blockDsn = new long[2];
        long[] blockSeq = new long[2];
        long[] blockLeft = new long[2];
        for (int i = 0; i < 2 * (WARM + MEASURED); i++) {
            int s = i % 2;
            if (blockLeft[s] < SEGMENT) { // a new mapping block for this subflow, after every DSN handed out
                blockDsn[s] = nextDsn;
                blockSeq[s] = nextSeq[s];
                blockLeft[s] = MAPPING / SEGMENT * SEGMENT;
                nextDsn += blockLeft[s];
            }
            long inBlock = nextSeq[s] - blockSeq[s];
            frames.add(SyntheticPackets.frame(true, ports[s], DecodedPacket.TCP_ACK, isn[s] + nextSeq[s], 9001,
                    SyntheticPackets.dss4(serverIdsn + 1, clientIdsn + blockDsn[s], blockSeq[s],
                            (int) (MAPPING / SEGMENT * SEGMENT)), SEGMENT));
            frames.add(SyntheticPackets.frame(false, ports[s], DecodedPacket.TCP_ACK, 9001,
                    isn[s] + nextSeq[s] + SEGMENT,
                    SyntheticPackets.dss4(clientIdsn + blockDsn[s] + inBlock + SEGMENT, serverIdsn + 1, 0, 0), 0));
            nextSeq[s] += SEGMENT;
            blockLeft[s] -= SEGMENT;
        }
        return frames;
    }
}
