package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.analysis.SyntheticPackets.capableAck;
import static org.braid.analysis.SyntheticPackets.capableSyn;
import static org.braid.analysis.SyntheticPackets.capableSynAck;
import static org.braid.analysis.SyntheticPackets.dss4;
import static org.braid.analysis.SyntheticPackets.dss8;

import org.braid.decode.DecodedPacket;
import org.braid.model.AnalysisResult;
import org.braid.model.EndReason;
import org.braid.model.MptcpConnection;
import org.junit.jupiter.api.Test;

/** Flows and DSNs on packets built for the purpose: port reuse, DSN wrap past 2^32, late capture. */
class SyntheticFlowsTest {
    private static final int SYN = DecodedPacket.TCP_SYN;
    private static final int ACK = DecodedPacket.TCP_ACK;
    private static final int FIN = DecodedPacket.TCP_FIN | DecodedPacket.TCP_ACK;
    private static final byte[] NONE = new byte[0];

    private final MptcpAnalyzer analyzer = new MptcpAnalyzer();
    private final SyntheticPackets net = new SyntheticPackets(analyzer);

    @Test
    void aNewSynWithAnotherIsnAfterTheEndStartsANewFlow() {
        handshake(1000, 9000, NONE, NONE, NONE);
        net.send(true, FIN, 1001, 9001, NONE, 0);
        net.send(false, FIN, 9001, 1002, NONE, 0);
        net.send(true, ACK, 1002, 9002, NONE, 0);
        net.send(true, SYN, 1000, 0, NONE, 0);   // the same SYN again: a retransmission, same flow
        net.send(true, SYN, 50_000, 0, NONE, 0); // another ISN after the FINs: a new connection
        net.send(false, SYN | ACK, 70_000, 50_001, NONE, 0);
        AnalysisResult result = analyzer.result();
        assertThat(result.tcpConnections()).hasSize(2);
        assertThat(result.tcpConnections().get(0).packets()).isEqualTo(7);
        assertThat(result.tcpConnections().get(0).end()).isEqualTo(EndReason.FIN);
        assertThat(result.tcpConnections().get(0).handshakeRttNanos()).isEqualTo(2_000_000L);
        assertThat(result.tcpConnections().get(1).packets()).isEqualTo(2);
        assertThat(result.tcpConnections().get(1).end()).isEqualTo(EndReason.OPEN);
        assertThat(analyzer.columns().flowOfPacket(7)).isEqualTo(1);
    }

    @Test
    void aSynWithAnotherIsnOnAnOpenFlowStaysInIt() {
        handshake(1000, 9000, NONE, NONE, NONE);
        net.send(true, SYN, 77_000, 0, NONE, 0);
        assertThat(analyzer.result().tcpConnections()).hasSize(1);
    }

    @Test
    void fourByteDsnsAreExpandedAcrossTheWrapPast2To32() {
        long clientKey = keyWithIdsnLowBitsAbove(0xffff_0000L);
        long serverKey = 0x1122334455667788L;
        long idsn = MptcpCrypto.idsn(1, clientKey);
        handshake(1000, 9000, capableSyn(), capableSynAck(serverKey), capableAck(clientKey, serverKey));
        int segment = 1000;
        int segments = 100; // 100 kB: the low 32 bits of the DSN wrap within the first 64 kB
        for (int i = 0; i < segments; i++) {
            long dsn = idsn + 1 + (long) i * segment;
            net.send(true, ACK, 1001 + (long) i * segment, 9001, dss4(0, dsn, 1 + (long) i * segment, segment), segment);
        }
        PacketColumns columns = analyzer.columns();
        for (int i = 0; i < segments; i++) {
            assertThat(columns.relativeDsn(3 + i)).as("segment %d", i).isEqualTo(1 + (long) i * segment);
        }
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.handshake()).isTrue();
        assertThat(c.relativeToIdsn()).isTrue();
        assertThat(c.clientIdsn()).isEqualTo(idsn);
    }

    @Test
    void aLateCaptureWithDssOnlyIsAnIncompleteConnectionCountingFromTheFirstDsn() {
        // Without the SYN, the first mapping proves nothing of the ISN (it may be entered in its middle);
        // the second new mapping agreeing with it anchors the subflow, from that packet on.
        long first = 0x2_0000_0000L - 1000; // the second segment starts exactly at 2^33
        net.send(true, ACK, 5000, 9000, dss8(0, first, 100, 1000), 1000);
        net.send(true, ACK, 6000, 9000, dss4(0, 0x0000_0000L, 1100, 1000), 1000);
        net.send(true, ACK, 7000, 9000, dss4(0, 0x0000_03e8L, 2100, 1000), 1000);
        net.send(true, ACK, 6000, 9000, dss4(0, 0x0000_0000L, 1100, 1000), 1000); // retransmission
        AnalysisResult result = analyzer.result();
        assertThat(result.tcpConnections()).isEmpty();
        MptcpConnection c = result.connections().get(0);
        assertThat(c.handshake()).isFalse();
        assertThat(c.relativeToIdsn()).isFalse();
        assertThat(c.subflows()).singleElement().satisfies(s -> assertThat(s.join()).isFalse());
        PacketColumns columns = analyzer.columns();
        assertThat(columns.relativeDsn(0)).as("before the anchor: unknown, not guessed").isEqualTo(PacketColumns.NO_DSN);
        assertThat(columns.relativeDsn(1)).isEqualTo(1000);
        assertThat(columns.relativeDsn(2)).isEqualTo(2000);
        assertThat(columns.relativeDsn(3)).isEqualTo(1000);
    }

    private void handshake(long clientIsn, long serverIsn, byte[] syn, byte[] synAck, byte[] ack) {
        net.send(true, SYN, clientIsn, 0, syn, 0);
        net.send(false, SYN | ACK, serverIsn, clientIsn + 1, synAck, 0);
        net.send(true, ACK, clientIsn + 1, serverIsn + 1, ack, 0);
    }

    /** A v1 key whose IDSN has its low 32 bits above {@code floor}, so data soon wraps them. */
    private static long keyWithIdsnLowBitsAbove(long floor) {
        for (long key = 1; ; key++) {
            if ((MptcpCrypto.idsn(1, key) & 0xffff_ffffL) > floor) {
                return key;
            }
        }
    }
}
