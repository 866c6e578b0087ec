package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.decode.FrameBuilder.ethernet;
import static org.braid.decode.FrameBuilder.ipv4;
import static org.braid.decode.FrameBuilder.ipv4Tcp;
import static org.braid.decode.FrameBuilder.tcp;
import static org.braid.decode.Synthetic.concat;
import static org.braid.decode.Synthetic.decode;
import static org.braid.decode.Synthetic.hex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.render.DetailTree;
import org.braid.render.DetailTreeText;
import org.braid.render.PacketText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tunnel layers around a packet: each is recorded with its identifier and the packet inside is
 * decoded as the packet; a header that does not check out leaves the datagram as it was; cut,
 * malformed and endlessly nested tunnels end in a warning, never an exception.
 */
class TunnelDecoderTest {
    private static final byte[] SEGMENT = ipv4Tcp(tcp(0x18, new byte[0], 10));

    private static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return concat(ByteBuffer.allocate(8).putShort((short) sourcePort).putShort((short) destinationPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).array(), payload);
    }

    private static DecodedPacket overUdp(int port, byte[] tunnel) {
        return decode(LinkType.ETHERNET, ethernet(0x0800, ipv4(17, 0x4000, udp(40000, port, tunnel))));
    }

    private static List<Encapsulation> layers(DecodedPacket p) {
        List<Encapsulation> kinds = new ArrayList<>();
        for (int i = 0; i < p.tunnelCount(); i++) {
            kinds.add(p.tunnelKind(i));
        }
        return kinds;
    }

    private static void assertInnerSegment(DecodedPacket p) {
        assertThat(p.hasTcp()).isTrue();
        assertThat(p.sourcePort()).isEqualTo(5201);
        assertThat(p.destinationPort()).isEqualTo(443);
        assertThat(p.payloadWireLength()).isEqualTo(10);
        assertThat(p.hasUdp()).isFalse();
        assertThat(p.warningCount()).isZero();
    }

    @Test
    void gtpUWithoutOptionalFieldsCarriesTheSegment() {
        byte[] gtp = concat(ByteBuffer.allocate(8).put((byte) 0x30).put((byte) 0xff).putShort((short) SEGMENT.length)
                .putInt(0xabcdef).array(), SEGMENT);
        DecodedPacket p = overUdp(2152, gtp);
        assertInnerSegment(p);
        assertThat(layers(p)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.UDP, Encapsulation.GTP_U);
        assertThat(p.tunnelId(2)).isEqualTo(0xabcdef);
        assertThat(p.tunnelLength(2)).isEqualTo(8);
        assertThat(p.ipOffset()).isEqualTo(14 + 20 + 8 + 8);
    }

    @Test
    void gtpUMessagesOtherThanUserDataStayUdp() {
        byte[] echo = hex("32 01 0004 00000000 0001 00 00");
        DecodedPacket p = overUdp(2152, echo);
        assertThat(p.hasUdp()).isTrue();
        assertThat(p.tunnelCount()).isZero();
        assertThat(p.sourceIpv4()).isEqualTo(FrameBuilder.SOURCE_V4);
    }

    @Test
    void aGtpUExtensionOfLengthZeroIsAWarning() {
        byte[] gtp = concat(hex("34 ff 0010 00000001 0000 00 85"), hex("00 00 00 00"), SEGMENT);
        DecodedPacket p = overUdp(2152, gtp);
        assertThat(p.hasTcp()).isFalse();
        assertThat(layers(p)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.UDP, Encapsulation.GTP_U);
        assertThat(p.warning(0).kind()).isEqualTo(WarningKind.GTP_BAD_EXTENSION_LENGTH);
    }

    @Test
    void vxlanWithoutItsIdentifierFlagStaysUdp() {
        DecodedPacket p = overUdp(4789, concat(hex("00000000 00138900"), ethernet(0x0800, SEGMENT)));
        assertThat(p.hasUdp()).isTrue();
        assertThat(p.tunnelCount()).isZero();
        DecodedPacket flagged = overUdp(4789, concat(hex("08000000 00138900"), ethernet(0x0800, SEGMENT)));
        assertInnerSegment(flagged);
        assertThat(layers(flagged)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.UDP, Encapsulation.VXLAN,
                Encapsulation.INNER_ETHERNET);
        assertThat(flagged.tunnelId(2)).isEqualTo(0x1389);
    }

    @Test
    void aVlanTaggedFrameInsideVxlanKeepsItsTagsInTheLayer() {
        DecodedPacket p = overUdp(4789, concat(hex("08000000 00000100"), ethernet(0x0800, SEGMENT, 0x8100, 42)));
        assertInnerSegment(p);
        assertThat(p.tunnelLength(3)).isEqualTo(18);
    }

    @Test
    void l2tpDataWithEveryOptionalFieldAndACompressedPppHeaderCarriesTheSegment() {
        // Flags L, S and O, version 2; length; tunnel 0x0102, session 0x0304; Ns, Nr; an offset of 3 bytes;
        // PPP without address and control, protocol compressed to one byte (0x21, IPv4).
        byte[] header = {0x4a, 0x02, 0, 0, 0x01, 0x02, 0x03, 0x04, 0, 1, 0, 2, 0, 3, 9, 9, 9, 0x21};
        DecodedPacket p = overUdp(TunnelDecoder.L2TP_PORT, concat(header, SEGMENT));
        assertThat(layers(p)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.UDP, Encapsulation.L2TP);
        assertThat(p.tunnelId(2)).isEqualTo(0x0102_0304L);
        assertThat(p.tunnelLength(2)).isEqualTo(header.length);
        assertInnerSegment(p);
    }

    @Test
    void l2tpControlMessagesAndVersion3StayUdp() {
        byte[] control = {(byte) 0xc8, 0x02, 0, 12, 0, 1, 0, 0, 0, 0, 0, 0};
        assertThat(overUdp(TunnelDecoder.L2TP_PORT, control).hasUdp()).isTrue();
        byte[] version3 = {0x00, 0x03, 0, 0, 0, 0, 0, 5};
        DecodedPacket p = overUdp(TunnelDecoder.L2TP_PORT, concat(version3, SEGMENT));
        assertThat(p.hasUdp()).isTrue();
        assertThat(p.tunnelCount()).isZero();
    }

    @Test
    void aCutL2tpHeaderIsAWarning() {
        byte[] header = {0x48, 0x02, 0, 0, 0x01, 0x02, 0x03, 0x04, 0, 1}; // Nr missing
        DecodedPacket p = overUdp(TunnelDecoder.L2TP_PORT, header);
        assertThat(layers(p)).contains(Encapsulation.L2TP);
        assertThat(p.hasTcp()).isFalse();
        assertThat(p.warningCount()).isEqualTo(1);
        assertThat(p.warning(0).kind()).isEqualTo(WarningKind.TUNNEL_HEADER_TRUNCATED);
    }

    @Test
    void vxlanGpeCarriesIpv4AndMplsAndLeavesNshClosed() {
        byte[] ipv4 = {0x0c, 0, 0, 1, 0, 0, 0x13, 0};
        DecodedPacket p = overUdp(TunnelDecoder.VXLAN_GPE_PORT, concat(ipv4, SEGMENT));
        assertThat(layers(p)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.UDP, Encapsulation.VXLAN);
        assertThat(p.tunnelId(2)).isEqualTo(0x13);
        assertInnerSegment(p);
        byte[] mpls = {0x0c, 0, 0, 5, 0, 0, 0x13, 0, 0, 0x01, 0x01, 64}; // label 16, bottom of stack
        p = overUdp(TunnelDecoder.VXLAN_GPE_PORT, concat(mpls, SEGMENT));
        assertThat(layers(p)).endsWith(Encapsulation.VXLAN, Encapsulation.MPLS);
        assertInnerSegment(p);
        byte[] nsh = {0x0c, 0, 0, 4, 0, 0, 0x13, 0};
        p = overUdp(TunnelDecoder.VXLAN_GPE_PORT, concat(nsh, SEGMENT));
        assertThat(layers(p)).endsWith(Encapsulation.VXLAN);
        assertThat(p.hasTcp()).isFalse();
        assertThat(p.hasUdp()).isFalse();
        byte[] notGpe = {0x08, 0, 0, 1, 0, 0, 0x13, 0}; // no P flag
        assertThat(overUdp(TunnelDecoder.VXLAN_GPE_PORT, concat(notGpe, SEGMENT)).hasUdp()).isTrue();
    }

    @Test
    void greWithSourceRoutingIsNotOpened() {
        DecodedPacket p = decode(LinkType.ETHERNET, ethernet(0x0800, ipv4(47, 0x4000, concat(hex("4000 0800"), SEGMENT))));
        assertThat(p.tunnelCount()).isZero();
        assertThat(p.ipProtocol()).isEqualTo(47);
        assertThat(p.hasTcp()).isFalse();
    }

    @Test
    void greCarriesIpAndMplsAndBridgedEthernet() {
        assertInnerSegment(decode(LinkType.ETHERNET, ethernet(0x0800, ipv4(47, 0x4000, concat(hex("0000 0800"), SEGMENT)))));
        DecodedPacket mpls = decode(LinkType.ETHERNET,
                ethernet(0x0800, ipv4(47, 0x4000, concat(hex("0000 8847 00064140"), SEGMENT))));
        assertInnerSegment(mpls);
        assertThat(layers(mpls)).containsExactly(Encapsulation.OUTER_IPV4, Encapsulation.GRE, Encapsulation.MPLS);
        assertThat(mpls.tunnelId(2)).isEqualTo(100);
        DecodedPacket bridged = decode(LinkType.ETHERNET,
                ethernet(0x0800, ipv4(47, 0x4000, concat(hex("0000 6558"), ethernet(0x0800, SEGMENT)))));
        assertInnerSegment(bridged);
        assertThat(layers(bridged)).endsWith(Encapsulation.INNER_ETHERNET);
    }

    @Test
    void pppoeInACookedCaptureCarriesIpv4() {
        byte[] session = concat(hex("11 00 0001"), ByteBuffer.allocate(4).putShort((short) (SEGMENT.length + 2))
                .putShort((short) 0x0021).array(), SEGMENT);
        DecodedPacket p = decode(LinkType.LINUX_SLL2, FrameBuilder.sll2(0x8864, session));
        assertInnerSegment(p);
        assertThat(layers(p)).containsExactly(Encapsulation.PPPOE);
        assertThat(p.tunnelId(0)).isEqualTo(1);
    }

    @Test
    void anMplsStackWithoutItsBottomIsAWarning() {
        byte[] labels = new byte[4 * 20];
        DecodedPacket p = decode(LinkType.ETHERNET, ethernet(0x8847, concat(labels, SEGMENT)));
        assertThat(p.hasTcp()).isFalse();
        assertThat(p.warning(0).kind()).isEqualTo(WarningKind.MPLS_TOO_MANY_LABELS);
    }

    @Test
    void endlessIpInIpNestingStopsAtTheLayerLimit() {
        byte[] packet = SEGMENT;
        for (int i = 0; i < 40; i++) {
            packet = ipv4(4, 0, packet);
        }
        DecodedPacket p = decode(LinkType.RAW, packet);
        assertThat(p.tunnelCount()).isEqualTo(DecodedPacket.MAX_TUNNEL_LAYERS);
        assertThat(p.hasTcp()).isFalse();
        assertThat(p.warning(p.warningCount() - 1).kind()).isEqualTo(WarningKind.TOO_MANY_TUNNEL_LAYERS);
    }

    @Test
    void aPacketIsDecodedAfreshAfterATunnelledOne() {
        DecodedPacket p = new DecodedPacket();
        PacketDecoder decoder = new PacketDecoder();
        byte[] tunnelled = ethernet(0x0800, ipv4(4, 0, SEGMENT));
        decoder.decode(ByteBuffer.wrap(tunnelled), 0, tunnelled.length, tunnelled.length, LinkType.ETHERNET, p);
        assertThat(p.tunnelCount()).isEqualTo(1);
        byte[] bare = ethernet(0x0800, SEGMENT);
        decoder.decode(ByteBuffer.wrap(bare), 0, bare.length, bare.length, LinkType.ETHERNET, p);
        assertThat(p.tunnelCount()).isZero();
        assertInnerSegment(p);
    }

    /**
     * The first packets of every tunnelled sample, cut at every length and with every byte set to
     * 0x00 and 0xff in turn: decoding, the packet list line and the details tree never throw.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gtpu", "pppoe", "mpls", "erspan", "geneve", "vxlan", "vxlan-gpe", "l2tp", "gre", "4in6",
        "pktap-wifi-cellular"})
    void cutAndDamagedTunnelsNeverThrow(String mode) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        int linkType;
        try (PacketSource source = TraceReader.open(org.braid.testing.Traces.sampleTrace("tunnels/" + mode + ".pcap"))) {
            Frame frame = new Frame();
            while (frames.size() < 5 && source.next(frame)) {
                frames.add(frame.copyBytes());
            }
            linkType = frame.linkType();
        }
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket p = new DecodedPacket();
        Frame frame = new Frame();
        for (byte[] original : frames) {
            for (int length = 0; length <= original.length; length++) {
                exercise(decoder, p, frame, original, length, linkType);
            }
            for (int at = 0; at < Math.min(original.length, 160); at++) {
                for (byte value : new byte[] {0, (byte) 0xff}) {
                    byte[] damaged = original.clone();
                    damaged[at] = value;
                    exercise(decoder, p, frame, damaged, damaged.length, linkType);
                }
            }
        }
    }

    private static void exercise(PacketDecoder decoder, DecodedPacket p, Frame frame, byte[] bytes, int captured,
            int linkType) {
        frame.set(ByteBuffer.wrap(bytes), 0, captured, bytes.length, linkType, 0, 0, 1, 0);
        decoder.decode(frame, p);
        PacketText.info(p);
        DetailTreeText.render(DetailTree.build(frame, p));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "gtpu; GPRS Tunneling Protocol (GTP-U), TEID: 0x00001001; PDU Session Container, 4 bytes",
        "pppoe; PPP-over-Ethernet Session, Session ID: 0x2a17; Point-to-Point Protocol, Protocol: IPv4 (0x0021)",
        "mpls; MultiProtocol Label Switching Header, Label: 1000, 2 labels; Label: 16, Traffic class: 0, Bottom of stack: 1",
        "erspan; Encapsulated Remote Switch Port Analyzer, type II, Session ID: 7; Protocol type: ERSPAN (0x88be)",
        "geneve; Generic Network Virtualization Encapsulation, VNI: 0x00004d; Ethernet II, Src: 02:00:00:00:00:01",
        "vxlan; Virtual eXtensible Local Area Network, VNI: 5001; User Datagram Protocol, Src Port: 49153, Dst Port: 4789",
        "gre; Generic Routing Encapsulation (IPv4); Key: 0x0000beef",
        "4in6; Internet Protocol Version 6, Src: 2001:db8:ff00::1, Dst: 2001:db8:ff00::2 (tunnel); Extension headers: 8 bytes",
        "vxlan-gpe; Virtual eXtensible Local Area Network (GPE), VNI: 5002; Next protocol: IPv4 (1)",
        "l2tp; Layer 2 Tunneling Protocol (version 2), Tunnel ID: 7, Session ID: 9; Ns: 0, Nr: 0",
        "pktap-wifi-cellular; Apple PKTAP, Interface: en0, Process: assistantd (321); DLT: 1 (Ethernet)"})
    void theDetailsShowEachLayerAsWiresharkNamesIt(String mode, String title, String field) throws IOException {
        String text;
        try (PacketSource source = TraceReader.open(org.braid.testing.Traces.sampleTrace("tunnels/" + mode + ".pcap"))) {
            Frame frame = new Frame();
            source.next(frame);
            DecodedPacket p = new DecodedPacket();
            new PacketDecoder().decode(frame, p);
            text = DetailTreeText.render(DetailTree.build(frame, p));
        }
        assertThat(text).contains(title).contains(field)
                .contains("Internet Protocol Version 4, Src: 192.0.2.1, Dst: 192.0.2.2\n")
                .contains("Transmission Control Protocol, Src Port: ");
    }

    /** A PKTAP header shorter than its structure, or longer than the frame, is a warning; a record that is no packet decodes nothing. */
    @Test
    void aBadPktapHeaderIsAWarning() {
        byte[] frame = concat(pktapHeader(108, 1, 12), SEGMENT);
        assertInnerSegment(decode(LinkType.PKTAP, frame));
        assertThat(decode(LinkType.PKTAP, frame).pktapHeaderLength()).isEqualTo(108);
        DecodedPacket shortHeader = decode(LinkType.PKTAP, concat(pktapHeader(40, 1, 12), SEGMENT));
        assertThat(shortHeader.warning(0).kind()).isEqualTo(WarningKind.PKTAP_BAD_HEADER_LENGTH);
        assertThat(shortHeader.hasTcp()).isFalse();
        DecodedPacket pastTheFrame = decode(LinkType.PKTAP, concat(pktapHeader(4000, 1, 12), SEGMENT));
        assertThat(pastTheFrame.warning(0).kind()).isEqualTo(WarningKind.PKTAP_BAD_HEADER_LENGTH);
        DecodedPacket noPacket = decode(LinkType.PKTAP, concat(pktapHeader(108, 0, 12), SEGMENT));
        assertThat(noPacket.hasIp()).isFalse();
        assertThat(noPacket.warningCount()).isZero();
        DecodedPacket unknownDlt = decode(LinkType.PKTAP, concat(pktapHeader(108, 1, 999), SEGMENT));
        assertThat(unknownDlt.warning(0).kind()).isEqualTo(WarningKind.UNKNOWN_LINK_TYPE);
        assertThat(unknownDlt.warning(0).offset()).isEqualTo(108);
    }

    private static byte[] pktapHeader(int length, int record, int dlt) {
        return java.util.Arrays.copyOf(ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(length)
                .putInt(record).putInt(dlt).array(), 108);
    }
}
