package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.analysis.SyntheticPackets.dss8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.braid.decode.DecodedPacket;
import org.braid.model.ConnectionEndReason;
import org.braid.model.EventType;
import org.braid.model.FallbackReason;
import org.braid.model.MptcpConnection;
import org.junit.jupiter.api.Test;

/**
 * Checksums, fallbacks and ADD_ADDR HMACs on packets built for the purpose, with every expected
 * value computed here by the plain textbook method (not the analyzer's incremental one).
 */
class SyntheticLifecycleTest {
    private static final int SYN = DecodedPacket.TCP_SYN;
    private static final int ACK = DecodedPacket.TCP_ACK;
    private static final long CLIENT_KEY = 0x0102030405060708L;
    private static final long SERVER_KEY = 0x1122334455667788L;
    private static final long CLIENT_ISN = 1000;
    private static final long SERVER_ISN = 9000;
    private static final byte[] NONE = new byte[0];

    private final MptcpAnalyzer analyzer = new MptcpAnalyzer();
    private final SyntheticPackets net = new SyntheticPackets(analyzer);
    private final long clientIdsn = MptcpCrypto.idsn(1, CLIENT_KEY);

    /**
     * An odd-length mapping over three segments of odd and even sizes, sent out of order, one of
     * them twice with other bytes: the first copy counts (it is what the receiver's TCP kept).
     */
    @Test
    void aMappingVerifiesFromSegmentsInAnyOrderAndTheFirstCopyCounts() {
        handshake(true);
        byte[] data = randomBytes(3001, 1);
        int checksum = dssChecksum(clientIdsn + 1, 1, data.length, data);
        byte[] option = dssWithChecksum(clientIdsn + 1, 1, data.length, checksum);
        sendData(option, data, 1001, 2000);
        sendData(option, data, 0, 1001);
        byte[] changed = data.clone();
        changed[10] ^= 1;
        sendData(option, changed, 0, 1001); // a retransmission that a middlebox changed: ignored
        sendData(option, data, 2000, 3001);
        analyzer.finish();
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.mappings().size()).isEqualTo(1);
        assertThat(c.mappings().verified()).isEqualTo(1);
        assertThat(analyzer.columns().hasFlag(analyzer.columns().size() - 1, PacketColumns.CHECKSUM_VERIFIED)).isTrue();
    }

    /** RFC 8684 3.3.1: a DATA_FIN counts in the data-level length of the pseudo-header, but maps no byte. */
    @Test
    void aDataFinInTheMappingCountsInItsLengthButNotInItsBytes() {
        handshake(true);
        byte[] data = randomBytes(101, 4);
        int checksum = dssChecksum(clientIdsn + 1, 1, data.length + 1, data);
        byte[] option = dssWithChecksum(clientIdsn + 1, 1, data.length + 1, checksum);
        option[3] |= 0x10; // DATA_FIN
        sendData(option, data, 0, data.length);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.mappings().verified()).isEqualTo(1);
        assertThat(c.mappings().length(0)).isEqualTo(102);
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.HALF_CLOSED);
    }

    @Test
    void aChangedFirstCopyFailsEvenWhenTheRetransmissionIsRight() {
        handshake(true);
        byte[] data = randomBytes(1400, 2);
        int checksum = dssChecksum(clientIdsn + 1, 1, data.length, data);
        byte[] option = dssWithChecksum(clientIdsn + 1, 1, data.length, checksum);
        byte[] changed = data.clone();
        changed[100] ^= 0x40;
        sendData(option, changed, 0, 700);
        sendData(option, data, 0, 1400);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.mappings().failed()).isEqualTo(1);
        assertThat(c.mappings().failures().get(0).failedPacket()).isEqualTo(5);
    }

    @Test
    void aMappingMissingBytesAtTheEndOfTheCaptureIsUnverifiableAndFlaggedWhereItWasCarried() {
        handshake(true);
        byte[] data = randomBytes(2000, 3);
        byte[] option = dssWithChecksum(clientIdsn + 1, 1, data.length, dssChecksum(clientIdsn + 1, 1, 2000, data));
        sendData(option, data, 0, 1000);
        assertThat(analyzer.result().connections().get(0).mappings().unverifiable()).isEqualTo(1);
        assertThat(analyzer.columns().hasFlag(3, PacketColumns.CHECKSUM_UNVERIFIABLE)).isFalse();
        analyzer.finish();
        assertThat(analyzer.columns().hasFlag(3, PacketColumns.CHECKSUM_UNVERIFIABLE)).isTrue();
        assertThat(analyzer.result().connections().get(0).mappings().failed()).isZero();
    }

    @Test
    void anInfiniteMappingIsAFallback() {
        handshake(false);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, dss8(0, clientIdsn + 1, 1, 0), 500);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.lifecycle().fallback().reason()).isEqualTo(FallbackReason.INFINITE_MAPPING);
        assertThat(c.lifecycle().fallback().packet()).isEqualTo(4);
        assertThat(analyzer.columns().hasFlag(3, PacketColumns.FALLBACK)).isTrue();
        assertThat(c.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.FALLBACK));
    }

    @Test
    void dataWithoutAnyDssAfterTheHandshakeIsAFallback() {
        handshake(false);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, NONE, 500);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.lifecycle().fallback().reason()).isEqualTo(FallbackReason.DSS_MISSING);
        assertThat(c.lifecycle().fallback().packet()).isEqualTo(4);
    }

    @Test
    void dataUnderAMappingIsNoFallback() {
        handshake(false);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, dss8(0, clientIdsn + 1, 1, 500), 500);
        // Without an option, after a mapping from the same sender: a segment whose mapping is elsewhere.
        net.send(true, ACK, CLIENT_ISN + 501, SERVER_ISN + 1, NONE, 500);
        assertThat(analyzer.result().connections().get(0).lifecycle().fallback()).isNull();
    }

    @Test
    void addAddrHmacsAreCheckedWithTheSendersKeyFirstAndTheRightmost64Bits() {
        handshake(false);
        int address = 0xc6336402; // 198.51.100.2
        long good = addAddrHmac(SERVER_KEY, CLIENT_KEY, 1, address);
        net.send(false, ACK, SERVER_ISN + 1, CLIENT_ISN + 1, addAddr(1, address, good), 0);
        net.send(false, ACK, SERVER_ISN + 1, CLIENT_ISN + 1, addAddr(1, address, good ^ 1), 0);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.lifecycle().addAddrHmacVerified()).isEqualTo(1);
        assertThat(c.lifecycle().addAddrHmacFailed()).isEqualTo(1);
        assertThat(analyzer.columns().hasFlag(3, PacketColumns.HMAC_FAILED)).isFalse();
        assertThat(analyzer.columns().hasFlag(4, PacketColumns.HMAC_FAILED)).isTrue();
        assertThat(analyzer.result().warnings()).singleElement().asString().contains("ADD_ADDR HMAC");
    }

    /**
     * MP_PRIO applies to the subflow it is sent on; the RFC 6824 form with an address id applies to
     * the subflows using the sender's address with that id, wherever it is sent.
     */
    @Test
    void mpPrioWithAnAddressIdAppliesToTheSubflowsOfThatAddress() {
        handshake(false);
        net.clientPort(2000);
        net.send(true, SYN, 5000, 0, ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x10)
                .put((byte) 5).putInt((int) MptcpCrypto.token(1, SERVER_KEY)).putInt(0x0badcafe).array(), 0);
        net.clientPort(1000);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, new byte[] {30, 4, 0x51, 5}, 0);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, new byte[] {30, 3, 0x51}, 0);
        MptcpConnection c = analyzer.result().connections().get(0);
        assertThat(c.subflows()).hasSize(2);
        var initial = c.subflows().get(0).lifecycle();
        var join = c.subflows().get(1).lifecycle();
        assertThat(join.backupChanges()).singleElement().satisfies(b -> {
            assertThat(b.packet()).isEqualTo(5);
            assertThat(b.backup()).isTrue();
            assertThat(b.byClient()).isTrue();
        });
        assertThat(join.finalBackup()).isTrue();
        assertThat(initial.backupChanges()).singleElement().satisfies(b -> assertThat(b.packet()).isEqualTo(6));
    }

    private void handshake(boolean checksums) {
        int flags = checksums ? 0x81 : 0x01;
        net.send(true, SYN, CLIENT_ISN, 0, new byte[] {30, 4, 0x01, (byte) flags}, 0);
        net.send(false, SYN | ACK, SERVER_ISN, CLIENT_ISN + 1, ByteBuffer.allocate(12).put((byte) 30)
                .put((byte) 12).put((byte) 0x01).put((byte) flags).putLong(SERVER_KEY).array(), 0);
        net.send(true, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, ByteBuffer.allocate(20).put((byte) 30).put((byte) 20)
                .put((byte) 0x01).put((byte) flags).putLong(CLIENT_KEY).putLong(SERVER_KEY).array(), 0);
    }

    /** Client data bytes [from, to) of the mapping that starts at subflow sequence 1. */
    private void sendData(byte[] option, byte[] data, int from, int to) {
        byte[] frame = SyntheticPackets.frame(true, 1000, ACK, CLIENT_ISN + 1 + from, SERVER_ISN + 1, option, to - from);
        System.arraycopy(data, from, frame, frame.length - (to - from), to - from);
        net.feed(frame);
    }

    /** DSS with a 4-byte DSN and a checksum, no DATA_ACK. */
    private static byte[] dssWithChecksum(long dsn, long subflowSeq, int length, int checksum) {
        return ByteBuffer.allocate(16).put((byte) 30).put((byte) 16).put((byte) 0x20).put((byte) 0x04)
                .putInt((int) dsn).putInt((int) subflowSeq).putShort((short) length).putShort((short) checksum)
                .array();
    }

    /** RFC 8684 3.3.1 done the textbook way: the whole pseudo-header and data in one buffer. */
    private static int dssChecksum(long dsn, long subflowSeq, int length, byte[] data) {
        ByteBuffer all = ByteBuffer.allocate(16 + data.length + 1);
        all.putLong(dsn).putInt((int) subflowSeq).putShort((short) length).putShort((short) 0).put(data);
        byte[] bytes = all.array();
        long sum = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] addAddr(int id, int address, long hmac) {
        return ByteBuffer.allocate(16).put((byte) 30).put((byte) 16).put((byte) 0x30).put((byte) id).putInt(address)
                .putLong(hmac).array();
    }

    private static long addAddrHmac(long senderKey, long receiverKey, int id, int address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ByteBuffer.allocate(16).putLong(senderKey).putLong(receiverKey).array(),
                    "HmacSHA256"));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(7).put((byte) id).putInt(address).putShort((short) 0)
                    .array());
            return ByteBuffer.wrap(Arrays.copyOfRange(digest, 24, 32)).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
