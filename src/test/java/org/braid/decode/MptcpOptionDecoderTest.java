package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.decode.FrameBuilder.ipv4Tcp;
import static org.braid.decode.FrameBuilder.mptcp;
import static org.braid.decode.FrameBuilder.tcp;

import org.braid.render.MptcpOptionText;
import org.braid.render.PacketText;
import org.junit.jupiter.api.Test;

/** Option layouts of RFC 8684 and RFC 6824 that the public traces do not exercise. */
class MptcpOptionDecoderTest {

    private static DecodedPacket decodeOptions(String... optionBodies) {
        byte[][] options = new byte[optionBodies.length][];
        for (int i = 0; i < optionBodies.length; i++) {
            options[i] = mptcp(optionBodies[i]);
        }
        return Synthetic.decode(LinkType.RAW, ipv4Tcp(tcp(DecodedPacket.TCP_ACK, Synthetic.concat(options), 0)));
    }

    private static MptcpOption single(String body) {
        DecodedPacket p = decodeOptions(body);
        assertThat(p.mptcpOptionCount()).isEqualTo(1);
        return p.mptcpOption(0);
    }

    @Test
    void capableWithChecksum() {
        MptcpOption o = single("0181 1111111111111111 2222222222222222 05dc abcd");
        assertThat(o.length()).isEqualTo(24);
        assertThat(o.version()).isEqualTo(1);
        assertThat(o.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM)).isTrue();
        assertThat(o.senderKey()).isEqualTo(0x1111111111111111L);
        assertThat(o.receiverKey()).isEqualTo(0x2222222222222222L);
        assertThat(o.dataLevelLength()).isEqualTo(1500);
        assertThat(o.checksum()).isEqualTo(0xabcd);
        assertThat(o.malformed()).isFalse();
        assertThat(MptcpOptionText.describe(o)).isEqualTo(
                "MP_CAPABLE v1 flags=A,H key=0x1111111111111111 rkey=0x2222222222222222 len=1500 csum=0xabcd");
    }

    @Test
    void joinSynWithBackup() {
        MptcpOption o = single("1102 deadbeef 01020304");
        assertThat(o.joinStage()).isEqualTo(MptcpOption.JoinStage.SYN);
        assertThat(o.backup()).isTrue();
        assertThat(o.addressId()).isEqualTo(2);
        assertThat(o.receiverToken()).isEqualTo(0xdeadbeefL);
        assertThat(MptcpOptionText.describe(o)).isEqualTo("MP_JOIN syn token=0xdeadbeef nonce=0x01020304 id=2 backup");
    }

    @Test
    void dssWithEveryFieldInEightBytesAndChecksum() {
        MptcpOption o = single("201f 000000000001e240 00000000000f1206 00000001 05a8 1a2b");
        assertThat(o.length()).isEqualTo(4 + 8 + 8 + 4 + 2 + 2);
        assertThat(o.dataAck()).isEqualTo(123456);
        assertThat(o.dataSequenceNumber()).isEqualTo(987654);
        assertThat(o.subflowSequenceNumber()).isEqualTo(1);
        assertThat(o.dataLevelLength()).isEqualTo(1448);
        assertThat(o.hasChecksum()).isTrue();
        assertThat(o.dataFin()).isTrue();
        assertThat(MptcpOptionText.describe(o)).isEqualTo("DSS ack=123456 dsn=987654 ssn=1 len=1448 csum=0x1a2b DATA_FIN");
    }

    @Test
    void dssUnsignedValuesAreWidened() {
        MptcpOption o = single("2005 ffffffff fffffffe fffffffd ffff");
        assertThat(o.dataAck()).isEqualTo(0xffffffffL);
        assertThat(o.dataSequenceNumber()).isEqualTo(0xfffffffeL);
        assertThat(o.subflowSequenceNumber()).isEqualTo(0xfffffffdL);
        assertThat(o.dataLevelLength()).isEqualTo(0xffff);
        assertThat(o.hasChecksum()).isFalse();
    }

    @Test
    void dssLengthDisagreeingWithFlagsIsMalformedAndReadsNothingPastIt() {
        DecodedPacket p = decodeOptions("2005 00000001 00000002");   // mapping flag but no room for the mapping
        MptcpOption o = p.mptcpOption(0);
        assertThat(o.subtype()).isEqualTo(MptcpSubtype.DSS);
        assertThat(o.malformed()).isTrue();
        assertThat(o.dataAck()).isEqualTo(1);
        assertThat(o.dataSequenceNumber()).isEqualTo(2);
        assertThat(o.hasSubflowSequenceNumber()).isFalse();
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.MPTCP_BAD_LENGTH);
        assertThat(p.warningDetail(0)).isEqualTo((2L << 32) | 12); // subtype DSS, length 12
    }

    @Test
    void addAddressV1Ipv6WithPortAndHmac() {
        MptcpOption o = single("3005 20010db8000000000000000000000002 1f90 0102030405060708");
        assertThat(o.length()).isEqualTo(30);
        assertThat(o.addressIpVersion()).isEqualTo(6);
        assertThat(o.addressId()).isEqualTo(5);
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.truncatedHmac()).isEqualTo(0x0102030405060708L);
        assertThat(MptcpOptionText.describe(o)).isEqualTo("ADD_ADDR id=5 [2001:db8::2]:8080 hmac=0x0102030405060708");
    }

    @Test
    void addAddressV1Ipv4WithPortAndEcho() {
        MptcpOption o = single("3102 c6336402 1f90");
        assertThat(o.echo()).isTrue();
        assertThat(MptcpOptionText.describe(o)).isEqualTo("ADD_ADDR id=2 198.51.100.2:8080 echo");
    }

    @Test
    void addAddressV0Ipv6WithPort() {
        MptcpOption o = single("3603 20010db8000000000000000000000003 0050");
        assertThat(o.addAddrV0()).isTrue();
        assertThat(o.addressIpVersion()).isEqualTo(6);
        assertThat(o.port()).isEqualTo(80);
        assertThat(o.malformed()).isFalse();
    }

    @Test
    void addAddressV0VersionDisagreeingWithLengthIsAWarning() {
        DecodedPacket p = decodeOptions("3601 c6336402");
        assertThat(p.mptcpOption(0).malformed()).isTrue();
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.MPTCP_ADD_ADDR_IPVER_MISMATCH);
    }

    @Test
    void removeAddressList() {
        MptcpOption o = single("40 010203");
        assertThat(o.removedIdCount()).isEqualTo(3);
        assertThat(o.removedId(2)).isEqualTo(3);
        assertThat(MptcpOptionText.describe(o)).isEqualTo("REMOVE_ADDR id=1,2,3");
    }

    @Test
    void priorityInBothVersions() {
        MptcpOption v1 = single("51");
        assertThat(v1.backup()).isTrue();
        assertThat(v1.hasAddressId()).isFalse();
        MptcpOption v0 = single("5004");
        assertThat(v0.backup()).isFalse();
        assertThat(v0.addressId()).isEqualTo(4);
        assertThat(MptcpOptionText.describe(v0)).isEqualTo("MP_PRIO nobackup id=4");
    }

    @Test
    void failAndFastClose() {
        MptcpOption fail = single("6000 8000000000000001");
        assertThat(fail.dataSequenceNumber()).isEqualTo(0x8000000000000001L);
        assertThat(MptcpOptionText.describe(fail)).isEqualTo("MP_FAIL dsn=9223372036854775809");
        MptcpOption close = single("7000 0102030405060708");
        assertThat(close.receiverKey()).isEqualTo(0x0102030405060708L);
    }

    @Test
    void resetWithMiddleboxReason() {
        MptcpOption o = single("8906");
        assertThat(o.resetReason()).isEqualTo(6);
        assertThat(o.hasFlag(MptcpOption.RST_U)).isTrue();
        assertThat(o.hasFlag(MptcpOption.RST_T)).isTrue();
        assertThat(MptcpOptionText.describe(o)).isEqualTo("MP_TCPRST reason=middlebox interference (6) flags=U,T");
    }

    @Test
    void unknownSubtypeKeepsItsLength() {
        MptcpOption o = single("f0 0000000000");
        assertThat(o.subtype()).isEqualTo(MptcpSubtype.UNKNOWN);
        assertThat(o.rawSubtype()).isEqualTo(15);
        assertThat(o.length()).isEqualTo(8);
        assertThat(o.malformed()).isFalse();
        assertThat(MptcpOptionText.describe(o)).isEqualTo("MPTCP subtype 15 len=8");
    }

    @Test
    void optionWithoutSubtypeByte() {
        DecodedPacket p = decodeOptions("");
        assertThat(p.mptcpOptionCount()).isEqualTo(1);
        assertThat(p.mptcpOption(0).rawSubtype()).isEqualTo(-1);
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.MPTCP_NO_SUBTYPE);
    }

    @Test
    void severalOptionsInOnePacketAndInfoText() {
        DecodedPacket p = decodeOptions("51", "2001 00000064", "40 07");
        assertThat(p.mptcpOptionCount()).isEqualTo(3);
        assertThat(PacketText.info(p)).isEqualTo("5201 -> 443 [ACK] Seq=4275878552 Ack=16909060 Win=64240 Len=0"
                + "; MP_PRIO backup; DSS ack=100; REMOVE_ADDR id=7");
    }

    @Test
    void tcpOptionsInInfoText() {
        byte[] options = Synthetic.hex("020405b4 0402 080a 00000064 000000c8 01 030307");
        DecodedPacket p = Synthetic.decode(LinkType.RAW,
                ipv4Tcp(tcp(DecodedPacket.TCP_SYN | DecodedPacket.TCP_ACK, Synthetic.concat(options, mptcp("0101")), 0)));
        assertThat(p.warningCount()).isZero();
        assertThat(PacketText.info(p)).isEqualTo("5201 -> 443 [SYN, ACK] Seq=4275878552 Ack=16909060 Win=64240 Len=0"
                + " MSS=1460 WS=128 SACK_PERM TSval=100 TSecr=200; MP_CAPABLE v1 flags=H");
    }

    @Test
    void sackBlocks() {
        byte[] options = Synthetic.hex("0101 050a 00000010 00000020");
        DecodedPacket p = Synthetic.decode(LinkType.RAW, ipv4Tcp(tcp(DecodedPacket.TCP_ACK, options, 0)));
        assertThat(p.sackBlockCount()).isEqualTo(1);
        assertThat(p.sackLeftEdge(0)).isEqualTo(16);
        assertThat(p.sackRightEdge(0)).isEqualTo(32);
    }

    @Test
    void badTcpOptionLengthsAreWarnings() {
        DecodedPacket zeroLength = Synthetic.decode(LinkType.RAW,
                ipv4Tcp(tcp(DecodedPacket.TCP_ACK, Synthetic.hex("0800 0000"), 0)));
        assertThat(zeroLength.warningKind(0)).isEqualTo(WarningKind.TCP_OPTION_BAD_LENGTH);
        DecodedPacket tooLong = Synthetic.decode(LinkType.RAW,
                ipv4Tcp(tcp(DecodedPacket.TCP_ACK, Synthetic.hex("1e10 2001 0000"), 0)));
        assertThat(tooLong.warningKind(0)).isEqualTo(WarningKind.TCP_OPTION_BAD_LENGTH);
        assertThat(tooLong.mptcpOptionCount()).isZero();
        DecodedPacket wrongMss = Synthetic.decode(LinkType.RAW,
                ipv4Tcp(tcp(DecodedPacket.TCP_ACK, Synthetic.hex("0203 05 00"), 0)));
        assertThat(wrongMss.warningKind(0)).isEqualTo(WarningKind.TCP_OPTION_KNOWN_KIND_BAD_LENGTH);
        assertThat(wrongMss.mss()).isEqualTo(-1);
    }
}
