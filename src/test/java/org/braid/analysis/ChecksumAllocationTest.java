package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.junit.jupiter.api.Test;

/**
 * Verifying checksums of a stream of new mappings costs no allocation per packet: only the
 * mapping log grows, by doubling (amortized a few bytes a packet). Other logs of the pass grow too
 * (the reinjection tracker keeps 24 bytes per new data segment), so the cost of checksums is
 * measured as the difference between the same stream with and without checksums negotiated.
 */
class ChecksumAllocationTest {
    private static final int SEGMENT = 1400;
    private static final int SEGMENTS_PER_MAPPING = 40;
    private static final int PACKETS_PER_ROUND = 2000;
    private static final int ROUNDS = 20;
    private static final long CLIENT_KEY = 0x0102030405060708L;
    private static final long SERVER_KEY = 0x1122334455667788L;
    /** Offsets in the data frame (raw IPv4, 20-byte IP header, TCP options start at 40). */
    private static final int SEQ = 24;
    private static final int DSN = 44;
    private static final int SUBFLOW_SEQ = 48;
    private static final int LENGTH = 52;
    private static final int CHECKSUM = 54;

    @Test
    void newMappingsAreVerifiedWithoutAllocatingPerPacket() {
        Run plain = run(false);
        Run checked = run(true);
        assertThat(plain.analyzer().result().connections().get(0).checksum()).isFalse();
        assertThat(checked.bytesPerPacket() - plain.bytesPerPacket())
                .as("bytes allocated per packet for checksums").isLessThan(8);
        var mappings = checked.analyzer().result().connections().get(0).mappings();
        assertThat(mappings.size()).isEqualTo(ROUNDS * PACKETS_PER_ROUND / SEGMENTS_PER_MAPPING);
        assertThat(mappings.verified()).isEqualTo(mappings.size());
    }

    record Run(MptcpAnalyzer analyzer, long bytesPerPacket) {}

    private static Run run(boolean checksums) {
        byte flags = (byte) (checksums ? 0x81 : 0x01); // A (checksum required) and H
        MptcpAnalyzer analyzer = new MptcpAnalyzer(3 + ROUNDS * PACKETS_PER_ROUND);
        PacketDecoder decoder = new PacketDecoder();
        Frame frame = new Frame();
        DecodedPacket packet = new DecodedPacket();
        byte[][] handshake = {
                SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_SYN, 1000, 0, new byte[] {30, 4, 1, flags}, 0),
                SyntheticPackets.frame(false, 1000, DecodedPacket.TCP_SYN | DecodedPacket.TCP_ACK, 9000, 1001,
                        ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 1).put(flags)
                                .putLong(SERVER_KEY).array(), 0),
                SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_ACK, 1001, 9001,
                        ByteBuffer.allocate(20).put((byte) 30).put((byte) 20).put((byte) 1).put(flags)
                                .putLong(CLIENT_KEY).putLong(SERVER_KEY).array(), 0)};
        long number = 0;
        for (byte[] bytes : handshake) {
            number++;
            frame.set(ByteBuffer.wrap(bytes), 0, bytes.length, bytes.length, LinkType.RAW, 0, number, number, 0);
            decoder.decode(frame, packet);
            analyzer.onPacket(frame, packet);
        }
        // One data frame rewritten in place for every segment: zero payload, a new mapping every 40 segments.
        byte[] template = SyntheticPackets.frame(true, 1000, DecodedPacket.TCP_ACK, 0, 9001,
                ByteBuffer.allocate(16).put((byte) 30).put((byte) 16).put((byte) 0x20).put((byte) 0x04).array(), SEGMENT);
        ByteBuffer data = ByteBuffer.wrap(template);
        long idsn = MptcpCrypto.idsn(1, CLIENT_KEY);
        int mappingLength = SEGMENT * SEGMENTS_PER_MAPPING;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedAfterFirstRound = 0;
        long segment = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < PACKETS_PER_ROUND; i++, segment++) {
                long relative = 1 + segment * SEGMENT;
                long mappingStart = 1 + segment / SEGMENTS_PER_MAPPING * mappingLength;
                long mappingDsn = idsn + mappingStart;
                data.putInt(SEQ, (int) (1000 + relative));
                data.putInt(DSN, (int) mappingDsn);
                data.putInt(SUBFLOW_SEQ, (int) mappingStart);
                data.putShort(LENGTH, (short) mappingLength);
                data.putShort(CHECKSUM, (short) checksumOfZeros(mappingDsn, mappingStart, mappingLength));
                number++;
                frame.set(data, 0, template.length, template.length, LinkType.RAW, 0, number, number, 0);
                decoder.decode(frame, packet);
                analyzer.onPacket(frame, packet);
            }
            if (round > 0) {
                allocatedAfterFirstRound += threads.getThreadAllocatedBytes(thread) - before;
            }
        }
        long packets = (long) (ROUNDS - 1) * PACKETS_PER_ROUND;
        return new Run(analyzer, allocatedAfterFirstRound / packets);
    }

    /** The DSS checksum of a mapping of zero bytes: the complement of its pseudo-header's sum. */
    private static int checksumOfZeros(long dsn, long subflowSeq, int length) {
        long sum = 0;
        for (int shift = 48; shift >= 0; shift -= 16) {
            sum += (dsn >>> shift) & 0xffff;
        }
        sum += (subflowSeq >>> 16) + (subflowSeq & 0xffff) + length;
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
