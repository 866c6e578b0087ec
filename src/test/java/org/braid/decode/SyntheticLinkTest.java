package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.decode.FrameBuilder.ethernet;
import static org.braid.decode.FrameBuilder.extension;
import static org.braid.decode.FrameBuilder.fragmentHeader;
import static org.braid.decode.FrameBuilder.ipv4;
import static org.braid.decode.FrameBuilder.ipv4Tcp;
import static org.braid.decode.FrameBuilder.ipv6;
import static org.braid.decode.FrameBuilder.mptcp;
import static org.braid.decode.FrameBuilder.tcp;
import static org.braid.decode.Synthetic.concat;
import static org.braid.decode.Synthetic.decode;
import static org.braid.decode.Synthetic.hex;

import org.braid.render.PacketText;
import org.junit.jupiter.api.Test;

/** Link types and IP layouts the public traces do not have, on hand-made frames. */
class SyntheticLinkTest {
    private static final byte[] SEGMENT = tcp(DecodedPacket.TCP_ACK | DecodedPacket.TCP_PSH,
            mptcp("2001 00000007"), 10);   // DSS with a 4-byte DATA_ACK of 7
    private static final byte[] IPV4 = ipv4Tcp(SEGMENT);

    private static void assertTcpAt(DecodedPacket p, int ipOffset) {
        assertThat(p.warningCount()).as("warnings").isZero();
        assertThat(p.ipOffset()).isEqualTo(ipOffset);
        assertThat(p.hasTcp()).isTrue();
        assertThat(p.payloadOffset()).as("payload is the frame's last 10 bytes").isEqualTo(p.capturedLength() - 10);
        assertThat(p.sourcePort()).isEqualTo(5201);
        assertThat(p.destinationPort()).isEqualTo(443);
        assertThat(p.sequenceNumber()).isEqualTo(0xfedcba98L);
        assertThat(p.payloadWireLength()).isEqualTo(10);
        assertThat(p.payloadCapturedLength()).isEqualTo(10);
        assertThat(p.mptcpOptionCount()).isEqualTo(1);
        assertThat(p.mptcpOption(0).dataAck()).isEqualTo(7);
    }

    @Test
    void ethernetWithoutTags() {
        DecodedPacket p = decode(LinkType.ETHERNET, ethernet(0x0800, IPV4));
        assertTcpAt(p, 14);
        assertThat(p.vlanCount()).isZero();
        assertThat(p.sourceAddress()).isEqualTo("192.0.2.1");
        assertThat(p.destinationAddress()).isEqualTo("198.51.100.2");
    }

    @Test
    void ethernetPaddingAfterTheDatagramIsIgnored() {
        byte[] shortSegment = ipv4Tcp(tcp(DecodedPacket.TCP_SYN, new byte[0], 0));
        byte[] padded = concat(ethernet(0x0800, shortSegment), new byte[6]);
        DecodedPacket p = decode(LinkType.ETHERNET, padded);
        assertThat(p.warningCount()).isZero();
        assertThat(p.payloadWireLength()).isZero();
        assertThat(p.payloadCapturedLength()).isZero();
    }

    @Test
    void vlanAndStackedQinQTags() {
        DecodedPacket single = decode(LinkType.ETHERNET, ethernet(0x0800, IPV4, 0x8100, 0x2064));
        assertTcpAt(single, 18);
        assertThat(single.vlanCount()).isEqualTo(1);
        assertThat(single.vlanId(0)).isEqualTo(100);

        DecodedPacket qinq = decode(LinkType.ETHERNET, ethernet(0x86dd, ipv6(6, SEGMENT),
                0x88a8, 0x0010, 0x9100, 0x0020, 0x8100, 0x0fff));
        assertTcpAt(qinq, 26);
        assertThat(qinq.vlanCount()).isEqualTo(3);
        assertThat(qinq.vlanId(0)).isEqualTo(16);
        assertThat(qinq.vlanId(1)).isEqualTo(32);
        assertThat(qinq.vlanId(2)).isEqualTo(4095);
        assertThat(qinq.networkProtocol()).isEqualTo(0x86dd);
    }

    @Test
    void linuxCookedV2() {
        DecodedPacket p = decode(LinkType.LINUX_SLL2, FrameBuilder.sll2(0x0800, IPV4));
        assertTcpAt(p, 20);
    }

    @Test
    void bsdNullLoopbackInEitherHostOrder() {
        assertTcpAt(decode(LinkType.NULL, concat(hex("02000000"), IPV4)), 4);
        assertTcpAt(decode(LinkType.NULL, concat(hex("00000002"), IPV4)), 4);
        DecodedPacket macV6 = decode(LinkType.NULL, concat(hex("1e000000"), ipv6(6, SEGMENT)));
        assertTcpAt(macV6, 4);
        assertThat(macV6.networkProtocol()).isEqualTo(30);
        DecodedPacket unknown = decode(LinkType.NULL, concat(hex("07000000"), IPV4));
        assertThat(unknown.hasIp()).isFalse();
        assertThat(unknown.warningKind(0)).isEqualTo(WarningKind.UNKNOWN_LOOPBACK_FAMILY);
    }

    @Test
    void openBsdLoopbackInNetworkOrder() {
        assertTcpAt(decode(LinkType.LOOP, concat(hex("00000002"), IPV4)), 4);
        assertTcpAt(decode(LinkType.LOOP, concat(hex("0000001c"), ipv6(6, SEGMENT))), 4);
    }

    @Test
    void rawIpLinkTypes() {
        for (int linkType : new int[] {LinkType.RAW, LinkType.RAW_OLD_12, LinkType.RAW_OLD_14, LinkType.IPV4}) {
            assertTcpAt(decode(linkType, IPV4), 0);
        }
        assertTcpAt(decode(LinkType.IPV6, ipv6(6, SEGMENT)), 0);
        assertTcpAt(decode(LinkType.RAW, ipv6(6, SEGMENT)), 0);
        DecodedPacket mismatch = decode(LinkType.IPV6, IPV4);
        assertThat(mismatch.warningKind(0)).isEqualTo(WarningKind.IP_VERSION_MISMATCH);
    }

    @Test
    void pppFramings() {
        assertTcpAt(decode(LinkType.PPP_HDLC, concat(hex("ff03 0021"), IPV4)), 4);
        assertTcpAt(decode(LinkType.PPP, concat(hex("ff03 0021"), IPV4)), 4);
        assertTcpAt(decode(LinkType.PPP, concat(hex("0021"), IPV4)), 2);
        assertTcpAt(decode(LinkType.PPP, concat(hex("0057"), ipv6(6, SEGMENT))), 2);
        // Protocol-field compression: a one-byte, odd protocol number.
        assertTcpAt(decode(LinkType.PPP, concat(hex("21"), IPV4)), 1);
        DecodedPacket lcp = decode(LinkType.PPP, hex("ff03 c021 01 01 0004"));
        assertThat(lcp.hasIp()).isFalse();
        assertThat(lcp.networkProtocol()).isEqualTo(0xc021);
        assertThat(lcp.warningCount()).isZero();
    }

    @Test
    void unknownLinkTypeIsAWarning() {
        DecodedPacket p = decode(147, IPV4);
        assertThat(p.hasIp()).isFalse();
        assertThat(p.warningCount()).isEqualTo(1);
        assertThat(p.warning(0).message()).isEqualTo("unknown link type 147, not decoded");
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        byte[] authentication = new byte[16];
        authentication[0] = 44;
        authentication[1] = 2;   // AH counts 4-byte units minus 2
        byte[] chain = concat(extension(43, 1), extension(51, 1), authentication, fragmentHeader(60, 0, false),
                extension(6, 1), SEGMENT);
        DecodedPacket p = decode(LinkType.IPV6, ipv6(0, chain));
        assertTcpAt(p, 0);
        assertThat(p.extensionCount()).isEqualTo(5);
        assertThat(p.extensionType(0)).isEqualTo(0);
        assertThat(p.extensionType(1)).isEqualTo(43);
        assertThat(p.extensionType(2)).isEqualTo(51);
        assertThat(p.extensionType(3)).isEqualTo(44);
        assertThat(p.extensionType(4)).isEqualTo(60);
        assertThat(p.extensionLength(2)).isEqualTo(16);
        assertThat(p.ipProtocol()).isEqualTo(6);
        assertThat(p.tcpOffset()).isEqualTo(40 + 8 + 8 + 16 + 8 + 8);
        assertThat(p.isFragment()).isTrue();   // an atomic fragment: offset 0, no more fragments
        assertThat(p.sourceAddress()).isEqualTo("2001:db8::1");
        assertThat(p.ipv6FlowLabel()).isEqualTo(0x12345);
    }

    @Test
    void ipv6NonFirstFragmentIsNotDecodedAsTcp() {
        DecodedPacket p = decode(LinkType.IPV6, ipv6(44, concat(fragmentHeader(6, 1448, true), SEGMENT)));
        assertThat(p.hasTcp()).isFalse();
        assertThat(p.isFragment()).isTrue();
        assertThat(p.fragmentOffset()).isEqualTo(1448);
        assertThat(p.moreFragments()).isTrue();
        assertThat(p.ipProtocol()).isEqualTo(6);
        assertThat(p.warningCount()).isZero();
    }

    @Test
    void ipv4Fragments() {
        DecodedPacket first = decode(LinkType.RAW, ipv4(6, 0x2000, SEGMENT));
        assertThat(first.isFragment()).isTrue();
        assertThat(first.moreFragments()).isTrue();
        assertThat(first.hasTcp()).isTrue();
        DecodedPacket later = decode(LinkType.RAW, ipv4(6, 185, SEGMENT));
        assertThat(later.isFragment()).isTrue();
        assertThat(later.fragmentOffset()).isEqualTo(1480);
        assertThat(later.hasTcp()).isFalse();
        assertThat(PacketText.info(later)).isEqualTo("Fragmented IP protocol (proto=6, off=1480)");
    }

    @Test
    void snaplenCutIsVisibleButNotAWarning() {
        byte[] frame = ethernet(0x0800, IPV4);
        DecodedPacket p = Synthetic.decode(LinkType.ETHERNET, frame, frame.length - 6, frame.length);
        assertThat(p.warningCount()).isZero();
        assertThat(p.payloadWireLength()).isEqualTo(10);
        assertThat(p.payloadCapturedLength()).isEqualTo(4);
    }

    @Test
    void ipLengthLongerThanTheFrameIsAWarning() {
        byte[] ip = IPV4.clone();
        ip[3] = (byte) (ip[3] + 8);
        DecodedPacket p = decode(LinkType.RAW, ip);
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.IP_LENGTH_EXCEEDS_FRAME);
        assertThat(p.warningOffset(0)).isEqualTo(2);
        assertThat(p.warningDetail(0)).isEqualTo(8);
        assertThat(p.hasTcp()).isTrue();
    }

    @Test
    void ipv4HeaderOptionsAreSkipped() {
        byte[] header = java.util.Arrays.copyOf(IPV4, 20);
        header[0] = 0x46;
        header[3] = (byte) (header[3] + 4);
        byte[] withOptions = concat(header, hex("01010100"), SEGMENT);
        DecodedPacket p = decode(LinkType.RAW, withOptions);
        assertTcpAt(p, 0);
        assertThat(p.ipHeaderLength()).isEqualTo(24);
        assertThat(p.tcpOffset()).isEqualTo(24);
    }
}
