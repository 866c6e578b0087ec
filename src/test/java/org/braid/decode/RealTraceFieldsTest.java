package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Field values of real traces, checked against what tshark 4.0 and tcpdump print for the same
 * bytes (values copied from {@code tshark -T fields -e tcp.options.mptcp.*}) and, for keys, against
 * the tokens in expected-tshark.json computed from them.
 */
class RealTraceFieldsTest {

    /** Decodes one packet of a trace into a fresh DecodedPacket that stays valid. */
    private static DecodedPacket packet(String trace, long number) {
        Traces.FrameBytes frame = Traces.frame(trace, number);
        return Synthetic.decode(frame.linkType(), frame.bytes());
    }

    private static MptcpOption only(DecodedPacket p, MptcpSubtype subtype) {
        MptcpOption option = p.firstMptcpOption(subtype);
        assertThat(option).as(subtype + " in packet").isNotNull();
        return option;
    }

    /** RFC 8684 2.1 / RFC 6824 3.1: the token is the most significant 32 bits of the key's hash. */
    private static long token(long key, String algorithm) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance(algorithm).digest(ByteBuffer.allocate(8).putLong(key).array());
        return ByteBuffer.wrap(hash).getInt() & 0xffffffffL;
    }

    @Test
    void v1HandshakeKeysAndTokensOverLinuxCooked() throws Exception {
        DecodedPacket syn = packet("tcpdump-mptcp-v1.pcap", 1);
        assertThat(syn.linkType()).isEqualTo(LinkType.LINUX_SLL);
        assertThat(syn.linkHeaderLength()).isEqualTo(16);
        MptcpOption synCapable = only(syn, MptcpSubtype.MP_CAPABLE);
        assertThat(synCapable.length()).isEqualTo(4);
        assertThat(synCapable.version()).isEqualTo(1);
        assertThat(synCapable.flags()).isEqualTo(0x01);
        assertThat(synCapable.hasSenderKey()).isFalse();

        MptcpOption synAck = only(packet("tcpdump-mptcp-v1.pcap", 2), MptcpSubtype.MP_CAPABLE);
        assertThat(synAck.length()).isEqualTo(12);
        assertThat(synAck.senderKey()).isEqualTo(Long.parseUnsignedLong("3001306557161771836"));
        assertThat(token(synAck.senderKey(), "SHA-256")).isEqualTo(2740809090L);

        MptcpOption ack = only(packet("tcpdump-mptcp-v1.pcap", 3), MptcpSubtype.MP_CAPABLE);
        assertThat(ack.length()).isEqualTo(20);
        assertThat(ack.senderKey()).isEqualTo(Long.parseUnsignedLong("2295531734017261039"));
        assertThat(ack.receiverKey()).isEqualTo(synAck.senderKey());
        assertThat(token(ack.senderKey(), "SHA-256")).isEqualTo(597671344L);
        assertThat(ack.hasDataLevelLength()).isFalse();

        MptcpOption firstData = only(packet("tcpdump-mptcp-v1.pcap", 4), MptcpSubtype.MP_CAPABLE);
        assertThat(firstData.length()).isEqualTo(22);
        assertThat(firstData.dataLevelLength()).isEqualTo(8192);
        assertThat(firstData.hasChecksum()).isFalse();
    }

    @Test
    void v1DssWith8ByteFieldsAndDataFin() {
        DecodedPacket p = packet("tcpdump-mptcp-v1.pcap", 7);
        MptcpOption dss = only(p, MptcpSubtype.DSS);
        assertThat(dss.flags()).isEqualTo(0x0f);
        assertThat(dss.dataAckIs8Bytes()).isTrue();
        assertThat(dss.dsnIs8Bytes()).isTrue();
        assertThat(dss.dataAck()).isEqualTo(Long.parseUnsignedLong("14413541604287230030"));
        assertThat(dss.dataSequenceNumber()).isEqualTo(Long.parseUnsignedLong("11713449205243392242"));
        assertThat(dss.subflowSequenceNumber()).isEqualTo(1);
        assertThat(dss.dataLevelLength()).isEqualTo(8192);
        assertThat(dss.hasChecksum()).isFalse();
        assertThat(dss.dataFin()).isFalse();
        // Frame 7 is 7100 bytes of payload on the wire, as tshark's tcp.len says.
        assertThat(p.payloadWireLength()).isEqualTo(7100);

        MptcpOption fin = only(packet("tcpdump-mptcp-v1.pcap", 16), MptcpSubtype.DSS);
        assertThat(fin.flags()).isEqualTo(0x1f);
        assertThat(fin.dataFin()).isTrue();
        assertThat(fin.dataLevelLength()).isEqualTo(1);
        assertThat(fin.subflowSequenceNumber()).isZero();
    }

    @Test
    void v0KeysTokensAndJoinHandshake() throws Exception {
        String trace = "tcpdump-mptcp-v0.pcap";
        MptcpOption clientKey = only(packet(trace, 1), MptcpSubtype.MP_CAPABLE);
        assertThat(clientKey.version()).isZero();
        assertThat(clientKey.flags()).isEqualTo(0x81);
        assertThat(clientKey.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM)).isTrue();
        assertThat(clientKey.length()).isEqualTo(12);
        assertThat(clientKey.senderKey()).isEqualTo(Long.parseUnsignedLong("11285646634205721522"));
        MptcpOption serverKey = only(packet(trace, 2), MptcpSubtype.MP_CAPABLE);
        assertThat(serverKey.senderKey()).isEqualTo(Long.parseUnsignedLong("10843866842831127890"));
        assertThat(token(clientKey.senderKey(), "SHA-1")).isEqualTo(2945910507L);
        assertThat(token(serverKey.senderKey(), "SHA-1")).isEqualTo(3833528642L);

        MptcpOption joinSyn = only(packet(trace, 8), MptcpSubtype.MP_JOIN);
        assertThat(joinSyn.joinStage()).isEqualTo(MptcpOption.JoinStage.SYN);
        assertThat(joinSyn.receiverToken()).isEqualTo(3833528642L);
        assertThat(joinSyn.senderNonce()).isEqualTo(459692568L);
        assertThat(joinSyn.addressId()).isZero();
        assertThat(joinSyn.backup()).isFalse();

        MptcpOption joinSynAck = only(packet(trace, 9), MptcpSubtype.MP_JOIN);
        assertThat(joinSynAck.joinStage()).isEqualTo(MptcpOption.JoinStage.SYN_ACK);
        assertThat(joinSynAck.addressId()).isEqualTo(1);
        assertThat(joinSynAck.truncatedHmac()).isEqualTo(6536553503648313405L);
        assertThat(joinSynAck.senderNonce()).isEqualTo(866904533L);

        MptcpOption joinAck = only(packet(trace, 10), MptcpSubtype.MP_JOIN);
        assertThat(joinAck.joinStage()).isEqualTo(MptcpOption.JoinStage.ACK);
        assertThat(joinAck.hmacLength()).isEqualTo(20);
        assertThat(MptcpOptionText.describe(joinAck))
                .isEqualTo("MP_JOIN ack hmac=0xcb7b87f5e5f0502f43b535fb70ef6607df2e6c7a");
    }

    @Test
    void v0AddAddressRemoveAddressAndChecksummedDss() {
        String trace = "tcpdump-mptcp-v0.pcap";
        DecodedPacket p = packet(trace, 4);
        MptcpOption add = only(p, MptcpSubtype.ADD_ADDR);
        assertThat(add.addAddrV0()).isTrue();
        assertThat(add.addressIpVersion()).isEqualTo(4);
        assertThat(add.addressId()).isEqualTo(1);
        assertThat(IpText.ipv4(add.address4())).isEqualTo("10.1.2.2");
        assertThat(add.hasPort()).isFalse();
        assertThat(add.hmacLength()).isZero();
        // A 20-byte DSS with 4-byte ack and DSN has room for the checksum (tcpdump shows csum 0x82f;
        // tshark 4.0 hides it because it decides by the handshake's A flag, which it did not track here).
        MptcpOption dss = only(p, MptcpSubtype.DSS);
        assertThat(dss.length()).isEqualTo(20);
        assertThat(dss.dataAck()).isEqualTo(3576348362L);
        assertThat(dss.dataSequenceNumber()).isEqualTo(3518592144L);
        assertThat(dss.dataLevelLength()).isEqualTo(41);
        assertThat(dss.hasChecksum()).isTrue();
        assertThat(dss.checksum()).isEqualTo(0x082f);

        MptcpOption remove = only(packet(trace, 210), MptcpSubtype.REMOVE_ADDR);
        assertThat(remove.removedIdCount()).isEqualTo(1);
        assertThat(remove.removedId(0)).isZero();
        assertThat(only(packet(trace, 210), MptcpSubtype.DSS).dataAck()).isEqualTo(3576352763L);
    }

    @Test
    void v1AddAddressWithHmac() {
        MptcpOption add = only(packet("tcpdump-mptcp-aa-v1.pcap", 13), MptcpSubtype.ADD_ADDR);
        assertThat(add.length()).isEqualTo(16);
        assertThat(add.addAddrV0()).isFalse();
        assertThat(add.echo()).isFalse();
        assertThat(add.addressId()).isEqualTo(1);
        assertThat(IpText.ipv4(add.address4())).isEqualTo("192.168.136.225");
        // tshark and tcpdump agree: length 16 is IPv4 + HMAC and no port.
        assertThat(add.hasPort()).isFalse();
        assertThat(add.truncatedHmac()).isEqualTo(7392984743117484396L);
        assertThat(MptcpOptionText.describe(add)).isEqualTo("ADD_ADDR id=1 192.168.136.225 hmac=0x669928744366716c");
    }

    @Test
    void addAddressEchoOverLinuxCooked() {
        MptcpOption announce = only(packet("tcpdump-mptcp-aa-echo.pcap", 1), MptcpSubtype.ADD_ADDR);
        assertThat(announce.echo()).isFalse();
        assertThat(announce.truncatedHmac()).isEqualTo(Long.parseUnsignedLong("17881920977513078553"));
        DecodedPacket echoPacket = packet("tcpdump-mptcp-aa-echo.pcap", 2);
        MptcpOption echo = only(echoPacket, MptcpSubtype.ADD_ADDR);
        assertThat(echo.length()).isEqualTo(8);
        assertThat(echo.echo()).isTrue();
        assertThat(echo.hmacLength()).isZero();
        assertThat(IpText.ipv4(echo.address4())).isEqualTo("10.0.2.1");
        assertThat(only(echoPacket, MptcpSubtype.DSS).dataAck()).isEqualTo(Long.parseUnsignedLong("17984156407873109865"));
    }

    @Test
    void tcpResetReasonsOverRawIp() {
        DecodedPacket first = packet("tcpdump-mptcp-tcprst.pcap", 1);
        assertThat(first.linkType()).isEqualTo(LinkType.RAW);
        MptcpOption unspecified = only(first, MptcpSubtype.MP_TCPRST);
        assertThat(unspecified.resetReason()).isZero();
        assertThat(unspecified.flags()).isZero();
        MptcpOption transientError = only(packet("tcpdump-mptcp-tcprst.pcap", 2), MptcpSubtype.MP_TCPRST);
        assertThat(transientError.resetReason()).isEqualTo(1);
        assertThat(transientError.hasFlag(MptcpOption.RST_T)).isTrue();
        assertThat(transientError.hasFlag(MptcpOption.RST_U)).isFalse();
        assertThat(MptcpOptionText.describe(transientError)).isEqualTo("MP_TCPRST reason=MPTCP-specific error (1) flags=T");
    }

    @Test
    void fastCloseCarriesThePeersKey() throws Exception {
        String trace = "tcpdump-mptcp-fclose.pcap";
        MptcpOption serverKey = only(packet(trace, 4), MptcpSubtype.MP_CAPABLE);
        MptcpOption close = only(packet(trace, 10), MptcpSubtype.MP_FASTCLOSE);
        assertThat(close.receiverKey()).isEqualTo(Long.parseUnsignedLong("14989582283654746948"));
        assertThat(close.receiverKey()).isEqualTo(serverKey.senderKey());
        assertThat(token(close.receiverKey(), "SHA-1")).isIn(3554470991L, 528961146L);
        MptcpOption dss = only(packet(trace, 6), MptcpSubtype.DSS);
        assertThat(dss.checksum()).isEqualTo(0x9e91);
    }

    @Test
    void fourByteDataAckWithEightByteDsnAndDataFin() {
        MptcpOption data = only(packet("ptcpdump-mptcp.pcap", 6), MptcpSubtype.DSS);
        assertThat(data.flags()).isEqualTo(0x0d);
        assertThat(data.dataAckIs8Bytes()).isFalse();
        assertThat(data.dsnIs8Bytes()).isTrue();
        assertThat(data.dataAck()).isEqualTo(2876660120L);
        assertThat(data.dataSequenceNumber()).isEqualTo(3891854986895050400L);
        assertThat(data.subflowSequenceNumber()).isEqualTo(6);
        assertThat(data.dataLevelLength()).isEqualTo(4);

        MptcpOption fin = only(packet("ptcpdump-mptcp.pcap", 8), MptcpSubtype.DSS);
        assertThat(fin.flags()).isEqualTo(0x1d);
        assertThat(fin.dataFin()).isTrue();
        assertThat(fin.dataSequenceNumber()).isEqualTo(3891854986895050404L);
        assertThat(fin.dataLevelLength()).isEqualTo(1);
    }

    @Test
    void pppLinkTypeWithoutAddressAndControl() throws Exception {
        String trace = "mptcpanalyzer_iperf-mptcp-0-0.pcap";
        DecodedPacket synAck = packet(trace, 5);
        assertThat(synAck.linkType()).isEqualTo(LinkType.PPP);
        assertThat(synAck.linkHeaderLength()).isEqualTo(2);
        assertThat(synAck.sourceAddress()).isEqualTo("10.1.0.1");
        assertThat(synAck.sourcePort()).isEqualTo(5001);
        MptcpOption key = only(synAck, MptcpSubtype.MP_CAPABLE);
        assertThat(key.senderKey()).isEqualTo(Long.parseUnsignedLong("15630232866698755056"));
        assertThat(token(key.senderKey(), "SHA-1")).isIn(176983692L, 809210772L);
        MptcpOption add = only(packet(trace, 8), MptcpSubtype.ADD_ADDR);
        assertThat(add.addressId()).isEqualTo(3);
        assertThat(IpText.ipv4(add.address4())).isEqualTo("10.1.1.1");
        MptcpOption join = only(packet(trace, 24), MptcpSubtype.MP_JOIN);
        assertThat(join.receiverToken()).isEqualTo(809210772L);
        assertThat(join.addressId()).isEqualTo(3);
        // The first frame of this trace is ICMPv6 over PPP (protocol 0x0057).
        DecodedPacket first = packet(trace, 1);
        assertThat(first.ipVersion()).isEqualTo(6);
        assertThat(first.ipProtocol()).isEqualTo(58);
        assertThat(first.sourceAddress()).isEqualTo("fe80::200:ff:fe00:1");
    }

    @Test
    void malformedThreeByteDssCountsAsDssWithAWarning() {
        DecodedPacket p = packet("tcpdump-mptcp-dss-oobr.pcap", 1);
        assertThat(p.mptcpOptionCount()).isEqualTo(1);
        MptcpOption dss = p.mptcpOption(0);
        assertThat(dss.subtype()).isEqualTo(MptcpSubtype.DSS);
        assertThat(dss.malformed()).isTrue();
        assertThat(dss.length()).isEqualTo(3);
        // The byte after the option (an EOL) must not be read as DSS flags.
        assertThat(dss.flags()).isZero();
        assertThat(dss.hasDataAck()).isFalse();
        assertThat(p.warningCount()).isEqualTo(1);
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.MPTCP_BAD_LENGTH);
        assertThat(p.warningOffset(0)).isEqualTo(dss.offset());
        assertThat(p.mss()).isEqualTo(16396);
        assertThat(p.timestampValue()).isEqualTo(597120308L);
    }

    /**
     * Warnings appear exactly where tshark 4.0 raises a malformed-packet or length expert info: the
     * DPI-MPTCP traces whose options were cut out by hand without fixing the IP length ("IPv4 total
     * length exceeds packet length", "IPv6 payload length exceeds framing length"), and the 3-byte DSS.
     */
    @Test
    void warningsWhereTsharkReportsMalformedPackets() {
        Set<String> warned = new TreeSet<>();
        for (String trace : Traces.names()) {
            Traces.forEach(trace, (frame, p) -> {
                for (int i = 0; i < p.warningCount(); i++) {
                    warned.add(trace + " #" + frame.packetNumber() + " " + p.warningKind(i) + " " + p.warningDetail(i));
                }
            });
        }
        // The DPI-MPTCP traces are left out of the repository (their licence); only those present count.
        List<String> present = Traces.names();
        assertThat(warned).containsExactlyElementsOf(java.util.stream.Stream.of(
                "dpi-mptcp-mod_tok.pcap #2 IP_LENGTH_EXCEEDS_FRAME 4",
                "dpi-mptcp-mod_tok.pcap #3 IP_LENGTH_EXCEEDS_FRAME 4",
                "dpi-mptcp-mp_rejected.pcap #2 IP_LENGTH_EXCEEDS_FRAME 12",
                "dpi-mptcp-mp_rejected.pcap #3 IP_LENGTH_EXCEEDS_FRAME 28",
                "dpi-mptcp-mp_rejected2.pcap #2 IP_LENGTH_EXCEEDS_FRAME 12",
                "dpi-mptcp-mp_rejected2.pcap #3 IP_LENGTH_EXCEEDS_FRAME 28",
                "dpi-mptcp-mp_rejected2.pcap #4 IP_LENGTH_EXCEEDS_FRAME 20",
                "tcpdump-mptcp-dss-oobr.pcap #1 MPTCP_BAD_LENGTH " + ((2L << 32) | 3)) // DSS, length 3
                .filter(line -> present.contains(line.substring(0, line.indexOf(' ')))).toList());
    }
}
