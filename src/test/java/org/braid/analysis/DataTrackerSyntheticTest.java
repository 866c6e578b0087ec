package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.analysis.SyntheticPackets.capableAck;
import static org.braid.analysis.SyntheticPackets.capableSyn;
import static org.braid.analysis.SyntheticPackets.capableSynAck;
import static org.braid.analysis.SyntheticPackets.dss4;

import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.junit.jupiter.api.Test;

/**
 * Reinjections and retransmissions on packets built for the purpose: two subflows whose data
 * crosses the 32-bit wrap of both the DSN and the initial subflow's sequence numbers, a path
 * that dies and has its data re-sent on the other, and segments overtaken on the way.
 */
class DataTrackerSyntheticTest {
    private static final int SYN = DecodedPacket.TCP_SYN;
    private static final int ACK = DecodedPacket.TCP_ACK;
    private static final int SEGMENT = 1000;
    private static final int PER_PATH = 50;
    private static final long ISN_1 = 0xffff_f000L; // the initial subflow's sequence numbers wrap too
    private static final long ISN_2 = 5000;
    private static final long SERVER_ISN = 9000;

    private final MptcpAnalyzer analyzer = new MptcpAnalyzer();
    private final SyntheticPackets net = new SyntheticPackets(analyzer);
    private long idsn;

    @Test
    void aDeadPathsSegmentsResentOnTheOtherAreReinjectionsAcrossTheWrap() {
        twoSubflows();
        // Path 1 sends DSNs 1..50,000 and path 2 50,001..100,000, interleaved.
        for (int i = 0; i < PER_PATH; i++) {
            send(1, i, i);
            send(2, i, PER_PATH + i);
        }
        int firstReinjection = (int) packetsSoFar();
        // Path 2 dies: its last five segments are re-sent on path 1, after path 1's own data.
        for (int k = 0; k < 5; k++) {
            send(1, PER_PATH + k, 2 * PER_PATH - 5 + k);
        }
        send(2, PER_PATH - 1, 2 * PER_PATH - 1); // path 2's own retransmission of its last segment
        send(1, 3, 3);                           // and one of path 1's, long after

        PacketColumns columns = analyzer.columns();
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(2L * PER_PATH * SEGMENT);
        assertThat(c.data().reinjectedPackets()).isEqualTo(5);
        assertThat(c.data().reinjectedBytes()).isEqualTo(5L * SEGMENT);
        for (int k = 0; k < 5; k++) {
            int packet = firstReinjection + k;
            Reinjection r = c.data().reinjections().get(k);
            assertThat(r.packet()).isEqualTo(packet + 1L);
            assertThat(columns.hasFlag(packet, PacketColumns.REINJECTION)).isTrue();
            assertThat(columns.hasFlag(packet, PacketColumns.TCP_RETRANSMISSION)).isFalse();
            // The original: path 2's segment k of its last five, the (2 * (45 + k) + 1)-th data packet.
            int original = 6 + 2 * (PER_PATH - 5 + k) + 1;
            assertThat(columns.reinjectionOf(packet)).isEqualTo(original);
            assertThat(r.originalPackets()).containsExactly(original + 1L);
            assertThat(r.dsn()).isEqualTo(1 + (2L * PER_PATH - 5 + k) * SEGMENT);
            assertThat(columns.relativeDsn(packet)).isEqualTo(r.dsn());
            assertThat(r.fromFlow()).isEqualTo(1);
            assertThat(r.toFlow()).isZero();
            assertThat(r.delayNanos()).isEqualTo((packet - original) * 1_000_000L);
        }
        int ownRetransmission = firstReinjection + 5;
        assertThat(columns.hasFlag(ownRetransmission, PacketColumns.TCP_RETRANSMISSION)).isTrue();
        assertThat(columns.hasFlag(ownRetransmission, PacketColumns.REINJECTION))
                .as("path 2's bytes were first sent on path 2").isFalse();
        assertThat(columns.hasFlag(ownRetransmission + 1, PacketColumns.TCP_RETRANSMISSION)).isTrue();
        assertThat(c.subflows()).extracting(s -> s.retransmissions()).containsExactly(1L, 1L);
        assertThat(c.subflows().get(0).data().clientReinjectedBytes()).isEqualTo(5L * SEGMENT);
        assertThat(c.subflows().get(0).data().clientFirstSentBytes()).isEqualTo((long) PER_PATH * SEGMENT);
        assertThat(c.subflows().get(1).data().clientFirstSentBytes()).isEqualTo((long) PER_PATH * SEGMENT);
        assertThat(c.events()).filteredOn(e -> e.type() == EventType.REINJECTION_BURST).singleElement()
                .satisfies(e -> {
                    assertThat(e.packet()).isEqualTo(firstReinjection + 1L);
                    assertThat(e.detail()).startsWith("5 segment(s), 5000 bytes from the client");
                });
    }

    @Test
    void segmentsOvertakenOnTheWayAreNeitherRetransmissionsNorReinjections() {
        twoSubflows();
        send(1, 0, 0);
        send(1, 2, 2); // segment 1 is overtaken by 2, and arrives 1 ms later: within the handshake RTT
        send(1, 1, 1);
        send(2, 1, 4); // the same on path 2, whose DSNs lie below path 1's newest
        send(2, 0, 3);
        send(1, 3, 5);
        PacketColumns columns = analyzer.columns();
        for (int i = 6; i < columns.size(); i++) {
            assertThat(columns.flags(i)).as("packet %d", i + 1).isZero();
        }
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(6L * SEGMENT);
        assertThat(c.subflows()).extracting(s -> s.retransmissions()).containsOnly(0L);
    }

    @Test
    void aSegmentFillingAHoleLongAfterIsARetransmissionWhoseOriginalWasNotCaptured() {
        twoSubflows();
        send(1, 0, 0);
        send(1, 2, 2);
        for (int i = 3; i < 10; i++) {
            send(2, i, 100 + i); // time passes on the other path
        }
        send(1, 1, 1);
        PacketColumns columns = analyzer.columns();
        assertThat(columns.hasFlag(columns.size() - 1, PacketColumns.TCP_RETRANSMISSION)).isTrue();
        assertThat(columns.hasFlag(columns.size() - 1, PacketColumns.REINJECTION)).isFalse();
    }

    @Test
    void onceEverySubflowHasClosedItsRangesAreDroppedAndOldDataIsNoLongerJudged() {
        twoSubflows();
        send(1, 0, 0);
        send(2, 0, 1);
        for (int path = 1; path <= 2; path++) {
            long end = (path == 1 ? ISN_1 : ISN_2) + 1 + SEGMENT;
            net.clientPort(path == 1 ? 1000 : 2000);
            net.send(true, DecodedPacket.TCP_FIN | ACK, end, SERVER_ISN + 1, new byte[0], 0);
            net.send(false, DecodedPacket.TCP_FIN | ACK, SERVER_ISN + 1, end + 1, new byte[0], 0);
        }
        send(1, 1, 1); // path 2's data again on path 1, after everything closed
        PacketColumns columns = analyzer.columns();
        assertThat(columns.hasFlag(columns.size() - 1, PacketColumns.REINJECTION)).isFalse();
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(2L * SEGMENT);
        assertThat(c.subflows()).extracting(s -> s.end().name()).containsOnly("FIN");
    }

    /** Segment {@code index} of path {@code path} (1 or 2) carrying data segment {@code dataIndex}. */
    private void send(int path, long index, long dataIndex) {
        long relativeSeq = 1 + index * SEGMENT;
        long dsn = idsn + 1 + dataIndex * SEGMENT;
        net.clientPort(path == 1 ? 1000 : 2000);
        net.send(true, ACK, (path == 1 ? ISN_1 : ISN_2) + relativeSeq, SERVER_ISN + 1,
                dss4(0, dsn, relativeSeq, SEGMENT), SEGMENT);
    }

    private long packetsSoFar() {
        return analyzer.columns().size();
    }

    /** Six packets: the MP_CAPABLE handshake on port 1000 and an MP_JOIN handshake on port 2000. */
    private void twoSubflows() {
        long clientKey = keyWithIdsnLowBitsAbove(0xffff_0000L);
        long serverKey = 0x1122334455667788L;
        idsn = MptcpCrypto.idsn(1, clientKey);
        net.clientPort(1000);
        net.send(true, SYN, ISN_1, 0, capableSyn(), 0);
        net.send(false, SYN | ACK, SERVER_ISN, ISN_1 + 1, capableSynAck(serverKey), 0);
        net.send(true, ACK, ISN_1 + 1, SERVER_ISN + 1, capableAck(clientKey, serverKey), 0);
        net.clientPort(2000);
        net.send(true, SYN, ISN_2, 0, joinSyn(MptcpCrypto.token(1, serverKey)), 0);
        net.send(false, SYN | ACK, SERVER_ISN, ISN_2 + 1, new byte[0], 0);
        net.send(true, ACK, ISN_2 + 1, SERVER_ISN + 1, new byte[0], 0);
    }

    private static byte[] joinSyn(long token) {
        return ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x10).put((byte) 2)
                .putInt((int) token).putInt(0x12345678).array();
    }

    private static long keyWithIdsnLowBitsAbove(long floor) {
        for (long key = 1; ; key++) {
            if ((MptcpCrypto.idsn(1, key) & 0xffff_ffffL) > floor) {
                return key;
            }
        }
    }
}
