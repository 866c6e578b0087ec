package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.analysis.SyntheticPackets.capableAck;
import static org.braid.analysis.SyntheticPackets.capableSyn;
import static org.braid.analysis.SyntheticPackets.capableSynAck;

import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.WindowPeriod;
import org.braid.model.WindowStats;
import org.junit.jupiter.api.Test;

/**
 * The shared receive window on packets built for the purpose: the client sends data, the server
 * advertises DATA_ACK + (window << 8). Packet n (1-based) is captured at n ms.
 */
class WindowTrackerTest {
    private static final int SYN = DecodedPacket.TCP_SYN;
    private static final int ACK = DecodedPacket.TCP_ACK;
    private static final int RST = DecodedPacket.TCP_RST;
    private static final int CLIENT_SHIFT = 7;
    private static final int SERVER_SHIFT = 8;
    private static final long SERVER_KEY = 0x1122334455667788L;
    private static final int SEGMENT = 1000;

    private final MptcpAnalyzer analyzer = new MptcpAnalyzer();
    private final SyntheticPackets net = new SyntheticPackets(analyzer);
    private long clientIdsn;
    private int port = 1000;

    @Test
    void theEdgeIsTheDataAckPlusTheScaledWindowAndFourByteDataAcksExpandPastTheWrap() {
        handshake(keyWithIdsnLowBitsAbove(0xffff_0000L), true);
        advertise(1, 100);                       // packet 4
        assertThat(analyzer.columns().windowEdge(3)).isEqualTo(1 + (100L << SERVER_SHIFT));
        // The low 32 bits of this DATA_ACK wrapped past 2^32: it lies 70,000 bytes on, not 4 GB back.
        advertise(70_001, 300);                  // packet 5
        assertThat(analyzer.columns().windowEdge(4)).isEqualTo(70_001 + (300L << SERVER_SHIFT));
        assertThat(analyzer.columns().windowEdge(0)).isEqualTo(PacketColumns.NO_DSN);

        WindowStats w = client();
        assertThat(w.advertisements()).isEqualTo(2);
        assertThat(w.maxRightEdge()).isEqualTo(70_001 + (300L << SERVER_SHIFT));
        assertThat(w.subflows()).singleElement().satisfies(s -> {
            assertThat(s.scaleShift()).isEqualTo(SERVER_SHIFT);
            assertThat(s.scaleKnown()).isTrue();
            assertThat(s.lastRightEdge()).isEqualTo(70_001 + (300L << SERVER_SHIFT));
        });
    }

    @Test
    void aShrunkAdvertisementKeepsTheLargestEdgeAndIsCounted() {
        handshake(0x0102030405060708L, true);
        advertise(1, 100);                          // edge 25,601
        advertise(1001, 90);                        // edge 24,041: shrunk by more than 256
        advertise(1001, 97);                        // edge 25,833
        advertise(1257, 96);                        // edge 25,833 again: the ACK ate one window unit
        WindowStats w = client();
        assertThat(w.maxRightEdge()).isEqualTo(1001 + (97L << SERVER_SHIFT));
        assertThat(w.shrinks()).isEqualTo(1);
        assertThat(w.belowMaxEdge()).isEqualTo(1);
        assertThat(analyzer.columns().windowEdge(4)).isEqualTo(1001 + (90L << SERVER_SHIFT));
    }

    @Test
    void segmentsEndingBeyondTheLargestEdgeAreFlagged() {
        handshake(0x0102030405060708L, true);
        advertise(1, 4);                           // packet 4: edge 1 + 1024 = 1025
        data(1, SEGMENT);                          // packet 5: DSN 1-1001, inside
        data(1001, 24);                            // packet 6: ends exactly at the edge
        data(1025, SEGMENT);                       // packet 7: wholly beyond
        advertise(1, 2);                           // packet 8: a lower edge does not lower the limit
        data(2025, 10);                            // packet 9: beyond by 1010 bytes
        advertise(1025, 10);                       // packet 10: edge 3585
        data(2035, SEGMENT);                       // packet 11: inside now
        data(3585, 1);                             // packet 12: a zero-window probe at the edge
        PacketColumns columns = analyzer.columns();
        assertThat(columns.hasFlag(4, PacketColumns.BEYOND_WINDOW)).isFalse();
        assertThat(columns.hasFlag(5, PacketColumns.BEYOND_WINDOW)).isFalse();
        assertThat(columns.hasFlag(6, PacketColumns.BEYOND_WINDOW)).isTrue();
        assertThat(columns.hasFlag(8, PacketColumns.BEYOND_WINDOW)).isTrue();
        assertThat(columns.hasFlag(10, PacketColumns.BEYOND_WINDOW)).isFalse();
        assertThat(columns.hasFlag(11, PacketColumns.BEYOND_WINDOW)).isFalse();
        WindowStats w = client();
        assertThat(w.beyondWindowChecked()).isTrue();
        assertThat(w.beyondWindowPackets()).isEqualTo(2);
        assertThat(w.beyondWindowBytes()).isEqualTo(SEGMENT + 10);
        assertThat(events(EventType.BEYOND_WINDOW)).extracting(MptcpEvent::packet).containsExactly(7L, 9L);
    }

    @Test
    void withoutTheHandshakeTheScaleIsUnknownAndNothingIsFlaggedBeyond() {
        handshake(0x0102030405060708L, false); // no window scale on the SYNs: known to be 0
        advertise(1, 100);
        assertThat(analyzer.columns().windowEdge(3)).isEqualTo(101);
        assertThat(client().subflows()).singleElement().satisfies(s -> assertThat(s.scaleShift()).isZero());
        assertThat(client().beyondWindowChecked()).isTrue();
        assertThat(client().windowLimitedNanos()).isZero();

        MptcpAnalyzer late = new MptcpAnalyzer();
        SyntheticPackets lateNet = new SyntheticPackets(late);
        // A capture that starts mid-connection: DSN mappings from the client, DATA_ACKs from the server.
        lateNet.send(true, ACK, 5000, 9000, dss8Only(0x10_0000_0000L, 100, SEGMENT), SEGMENT);
        lateNet.feed(window(SyntheticPackets.frame(false, 1000, ACK, 9000, 6000, dataAck8(0x10_0000_0000L + SEGMENT),
                0), 1));
        lateNet.send(true, ACK, 6000, 9000, dss8Only(0x10_0000_0000L + SEGMENT, 1100, SEGMENT), SEGMENT);
        assertThat(late.columns().windowEdge(1)).isEqualTo(SEGMENT + 1);
        assertThat(late.columns().hasFlag(2, PacketColumns.BEYOND_WINDOW)).isFalse();
        WindowStats w = late.result().connections().get(0).window().client();
        assertThat(w.beyondWindowChecked()).isFalse();
        assertThat(w.beyondWindowPackets()).isZero();
        assertThat(w.windowLimitedNanos()).as("the edge may be too low to judge").isNull();
        assertThat(w.unknownScale()).singleElement().satisfies(s -> {
            assertThat(s.scaleShift()).isNull();
            assertThat(s.unscaledAdvertisements()).isEqualTo(1);
        });
    }

    @Test
    void aZeroWindowPeriodRunsFromTheFirstZeroToTheNextOpenWindow() {
        handshake(0x0102030405060708L, true);
        data(1, SEGMENT);                          // packet 4
        advertise(1001, 0);                        // packet 5 at 5 ms: zero
        advertise(1001, 0);                        // packet 6: still zero
        serverReset();                             // packet 7: a reset's window 0 is no advertisement
        advertise(1001, 8);                        // packet 8 at 8 ms: open
        advertise(2001, 0);                        // packet 9 at 9 ms: zero until the end
        data(1001, SEGMENT);                       // packet 10 at 10 ms: the connection's last packet
        PacketColumns columns = analyzer.columns();
        assertThat(columns.hasFlag(4, PacketColumns.ZERO_WINDOW)).isTrue();
        assertThat(columns.hasFlag(5, PacketColumns.ZERO_WINDOW)).isTrue();
        assertThat(columns.hasFlag(6, PacketColumns.ZERO_WINDOW)).isFalse();
        assertThat(columns.hasFlag(7, PacketColumns.ZERO_WINDOW)).isFalse();
        WindowStats w = client();
        assertThat(w.zeroWindowPackets()).isEqualTo(3);
        assertThat(w.zeroWindowPeriods()).isEqualTo(2);
        assertThat(w.zeroWindows()).containsExactly(new WindowPeriod(0, 5_000_000, 5, 8_000_000, 8L),
                new WindowPeriod(0, 9_000_000, 9, 10_000_000, null));
        assertThat(w.zeroWindowNanos()).isEqualTo(4_000_000);
        assertThat(events(EventType.ZERO_WINDOW)).extracting(MptcpEvent::packet).containsExactly(5L, 9L);
        assertThat(events(EventType.ZERO_WINDOW).get(0).detail()).contains("reopened after 0.003000 s at packet 8");
        assertThat(events(EventType.ZERO_WINDOW).get(1).detail()).contains("not reopened");
    }

    @Test
    void windowLimitedWhileTheDataInFlightFillsTheWindowToWithinOneSegment() {
        handshake(0x0102030405060708L, true);
        advertise(1, 15);                          // packet 4 at 4 ms: edge 3841
        data(1, SEGMENT);                          // packet 5: sent up to 1001, not limited
        data(1001, SEGMENT);                       // packet 6: 2001
        data(2001, SEGMENT);                       // packet 7 at 7 ms: 3001 + one segment >= 3841, limited
        data(3001, 840);                           // packet 8: 3841, still limited
        advertise(3001, 15);                       // packet 9 at 9 ms: edge 6841, free again
        data(3841, SEGMENT);                       // packet 10 at 10 ms: 4841
        data(4841, SEGMENT);                       // packet 11 at 11 ms: 5841 + 1000 >= 6841, limited to the end
        data(5841, 10);                            // packet 12 at 12 ms, the last
        assertThat(client().windowLimitedNanos()).isEqualTo(2_000_000 + 1_000_000);
    }

    @Test
    void subflowsAdvertisingEdgesFarApartAtTheSameMomentDisagree() {
        handshake(0x0102030405060708L, true);
        join(2000);                                // packets 4-6, handshake RTT 2 ms
        data(1, SEGMENT);                          // packet 7
        advertise(1, 400);                         // packet 8, subflow 1: edge 102,401
        port = 2000;
        advertise(1, 200);                         // packet 9, subflow 2: edge 51,201, 1 ms later: disagrees
        advertise(1001, 400);                      // packet 10: 103,401, above: growth, no disagreement
        port = 1000;
        advertise(1001, 398);                      // packet 11: 102,889, 512 bytes below: within a segment
        for (int i = 0; i < 3; i++) {
            data(1001 + i * SEGMENT, SEGMENT);     // packets 12-14
        }
        advertise(1001, 200);                      // packet 15, 5 ms after subflow 2's last: not the same moment
        WindowStats w = client();
        assertThat(w.disagreements()).isEqualTo(1);
        assertThat(events(EventType.WINDOW_DISAGREEMENT)).singleElement().satisfies(e -> {
            assertThat(e.packet()).isEqualTo(9);
            assertThat(e.detail()).contains("right edge 51201 here, 102401 on flow 0");
        });
        assertThat(w.subflows()).hasSize(2);
        assertThat(w.subflows().get(1).lastRightEdge()).isEqualTo(1001 + (400L << SERVER_SHIFT));
    }

    // --- the connection ---

    private void handshake(long clientKey, boolean scale) {
        clientIdsn = MptcpCrypto.idsn(1, clientKey);
        byte[] clientScale = scale ? windowScale(CLIENT_SHIFT) : new byte[0];
        byte[] serverScale = scale ? windowScale(SERVER_SHIFT) : new byte[0];
        net.send(true, SYN, 1000, 0, concat(capableSyn(), clientScale), 0);
        net.send(false, SYN | ACK, 9000, 1001, concat(capableSynAck(SERVER_KEY), serverScale), 0);
        net.send(true, ACK, 1001, 9001, capableAck(clientKey, SERVER_KEY), 0);
    }

    /** An MP_JOIN subflow from client port {@code clientPort}, both ends scaling. */
    private void join(int clientPort) {
        long serverToken = MptcpCrypto.token(1, SERVER_KEY);
        byte[] syn = ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x10).put((byte) 2)
                .putInt((int) serverToken).putInt(0x01020304).array();
        byte[] synAck = ByteBuffer.allocate(16).put((byte) 30).put((byte) 16).put((byte) 0x10).put((byte) 0)
                .putLong(0).putInt(0x05060708).array();
        byte[] ack = ByteBuffer.allocate(24).put((byte) 30).put((byte) 24).put((byte) 0x10).put((byte) 0).array();
        net.feed(SyntheticPackets.frame(true, clientPort, SYN, 5000, 0, concat(syn, windowScale(CLIENT_SHIFT)), 0));
        net.feed(SyntheticPackets.frame(false, clientPort, SYN | ACK, 7000, 5001,
                concat(synAck, windowScale(SERVER_SHIFT)), 0));
        net.feed(SyntheticPackets.frame(true, clientPort, ACK, 5001, 7001, ack, 0));
    }

    /** Client data at relative DSN {@code dsn} on the initial subflow, mapped one segment at a time. */
    private void data(long dsn, int length) {
        net.feed(SyntheticPackets.frame(true, 1000, ACK, 1000 + dsn, 9001, dss8Only(clientIdsn + dsn, dsn, length),
                length));
    }

    /** The server's DATA_ACK (4 bytes on the wire) at relative {@code dataAck}, window field {@code window}. */
    private void advertise(long dataAck, int window) {
        net.feed(window(SyntheticPackets.frame(false, port, ACK, 9001, 1001, dataAck4(clientIdsn + dataAck), 0),
                window));
    }

    private void serverReset() {
        net.feed(window(SyntheticPackets.frame(false, port, RST | ACK, 9001, 1001, dataAck4(clientIdsn + 1), 0), 0));
    }

    private WindowStats client() {
        return connection().window().client();
    }

    private MptcpConnection connection() {
        return analyzer.result().connections().get(0);
    }

    private java.util.List<MptcpEvent> events(EventType type) {
        return connection().events().stream().filter(e -> e.type() == type).toList();
    }

    // --- options and frames ---

    private static byte[] windowScale(int shift) {
        return new byte[] {3, 3, (byte) shift};
    }

    /** DSS with a 4-byte DATA_ACK only. */
    private static byte[] dataAck4(long dataAck) {
        return ByteBuffer.allocate(8).put((byte) 30).put((byte) 8).put((byte) 0x20).put((byte) 0x01)
                .putInt((int) dataAck).array();
    }

    /** DSS with an 8-byte DATA_ACK only. */
    private static byte[] dataAck8(long dataAck) {
        return ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x20).put((byte) 0x03)
                .putLong(dataAck).array();
    }

    /** DSS with a mapping (8-byte DSN) and no DATA_ACK. */
    private static byte[] dss8Only(long dsn, long subflowSeq, int length) {
        return ByteBuffer.allocate(18).put((byte) 30).put((byte) 18).put((byte) 0x20).put((byte) 0x0c)
                .putLong(dsn).putInt((int) subflowSeq).putShort((short) length).array();
    }

    /** Sets the TCP window field of a raw IPv4 frame from {@link SyntheticPackets#frame}. */
    private static byte[] window(byte[] frame, int window) {
        ByteBuffer.wrap(frame).putShort(20 + 14, (short) window);
        return frame;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    /** A v1 key whose IDSN has its low 32 bits above {@code floor}, so the data soon wraps them. */
    private static long keyWithIdsnLowBitsAbove(long floor) {
        for (long key = 1; ; key++) {
            if ((MptcpCrypto.idsn(1, key) & 0xffff_ffffL) > floor) {
                return key;
            }
        }
    }
}
