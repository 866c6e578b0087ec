package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.braid.decode.Synthetic.concat;
import static org.braid.decode.Synthetic.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ICMP errors quote the packet in error: the decoder keeps its addresses, protocol, ports and TCP
 * sequence number, so an error names the subflow it hit; path MTU errors keep the next-hop MTU.
 */
class IcmpErrorTest {
    /** The first 28 bytes of a TCP segment from 192.0.2.1:5201 to 198.51.100.2:443, as a router quotes it. */
    private static final byte[] QUOTED_V4 = Arrays.copyOf(FrameBuilder.ipv4Tcp(FrameBuilder.tcp(0x18, new byte[0], 100)), 28);

    @Test
    void fragmentationNeededNamesTheTcpSegmentAndTheMtu() {
        byte[] icmp = concat(hex("03 04 0000 0000 0578"), QUOTED_V4); // type 3 code 4, next-hop MTU 1400
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, icmp))).icmp();
        assertThat(m.isError()).isTrue();
        assertThat(m.nextHopMtu()).isEqualTo(1400);
        assertThat(m.hasInner()).isTrue();
        assertThat(m.innerOffset()).isEqualTo(14 + 20 + 8);
        assertThat(m.innerVersion()).isEqualTo(4);
        assertThat(m.innerProtocol()).isEqualTo(6);
        assertThat((int) m.innerSourceLow()).isEqualTo(FrameBuilder.SOURCE_V4);
        assertThat((int) m.innerDestinationLow()).isEqualTo(FrameBuilder.DESTINATION_V4);
        assertThat(m.innerTransportOffset()).isEqualTo(14 + 20 + 8 + 20);
        assertThat(m.innerSourcePort()).isEqualTo(5201);
        assertThat(m.innerDestinationPort()).isEqualTo(443);
        assertThat(m.innerSequence()).isEqualTo(0xfedcba98L);
    }

    /**
     * A router on a 5G transport path quotes the GTP-U packet it could not forward: the outer IPv4
     * and UDP headers, GTP-U, then the subflow's own segment. The error names the segment inside.
     */
    @Test
    void fragmentationNeededAboutAGtpUPacketNamesTheSegmentInside() {
        byte[] segment = FrameBuilder.ipv4Tcp(FrameBuilder.tcp(0x18, new byte[0], 100));
        byte[] gtp = concat(hex("30 ff"), new byte[] {(byte) (segment.length >> 8), (byte) segment.length},
                hex("00001001"), segment);
        byte[] udp = concat(hex("0868 0868"), new byte[] {(byte) ((8 + gtp.length) >> 8), (byte) (8 + gtp.length)},
                hex("0000"), gtp);
        byte[] outer = concat(hex("45 00"), new byte[] {(byte) ((20 + udp.length) >> 8), (byte) (20 + udp.length)},
                hex("0000 4000 40 11 0000 0ac80001 0ac80002"), udp); // 10.200.0.1 -> 10.200.0.2
        byte[] icmp = concat(hex("03 04 0000 0000 0578"), Arrays.copyOf(outer, 20 + 8 + 8 + 20 + 20));
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, icmp))).icmp();
        assertThat(m.nextHopMtu()).isEqualTo(1400);
        assertThat(m.innerInTunnel()).isTrue();
        assertThat(m.innerOffset()).isEqualTo(14 + 20 + 8 + 20 + 8 + 8);
        assertThat(m.innerProtocol()).isEqualTo(6);
        assertThat((int) m.innerSourceLow()).isEqualTo(FrameBuilder.SOURCE_V4);
        assertThat(m.innerSourcePort()).isEqualTo(5201);
        assertThat(m.innerDestinationPort()).isEqualTo(443);
        assertThat(m.innerSequence()).isEqualTo(0xfedcba98L);

        // Quoted only to the UDP header, as an old router quotes 8 bytes: the tunnel packet is named.
        byte[] shortQuote = concat(hex("03 04 0000 0000 0578"), Arrays.copyOf(outer, 28));
        m = Synthetic.decode(LinkType.ETHERNET, FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, shortQuote))).icmp();
        assertThat(m.innerInTunnel()).isFalse();
        assertThat(m.innerProtocol()).isEqualTo(17);
        assertThat(m.innerSourcePort()).isEqualTo(2152);
    }

    /** Errors quoting tunnels that carry errors quoting tunnels, a thousand deep: one level is opened, nothing recurses. */
    @Test
    void nestedQuotesOfTunnelsAreOpenedOneLevelDeep() {
        byte[] packet = FrameBuilder.ipv4Tcp(FrameBuilder.tcp(0x18, new byte[0], 10));
        for (int depth = 0; depth < 1000; depth++) {
            byte[] gtp = concat(hex("30 ff"), new byte[] {(byte) (packet.length >> 8), (byte) packet.length},
                    hex("00001001"), packet);
            byte[] udp = concat(hex("0868 0868"), new byte[] {(byte) ((8 + gtp.length) >> 8), (byte) (8 + gtp.length)},
                    hex("0000"), gtp);
            packet = FrameBuilder.ipv4(1, 0, concat(hex("03 04 0000 0000 0578"), FrameBuilder.ipv4(17, 0, udp)));
        }
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET, FrameBuilder.ethernet(0x0800, packet)).icmp();
        assertThat(m.isError()).isTrue();
        assertThat(m.innerInTunnel()).isTrue();
        assertThat(m.innerProtocol()).as("the ICMP error inside the first tunnel").isEqualTo(1);
    }

    @Test
    void packetTooBigQuotesAnIpv6Segment() {
        byte[] quoted = Arrays.copyOf(FrameBuilder.ipv6(6, FrameBuilder.tcp(0x10, new byte[0], 1400)), 48);
        byte[] icmp = concat(hex("02 00 0000 00000500"), quoted); // packet too big, MTU 1280
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x86dd, FrameBuilder.ipv6(58, icmp))).icmp();
        assertThat(m.v6()).isTrue();
        assertThat(m.nextHopMtu()).isEqualTo(1280);
        assertThat(m.innerVersion()).isEqualTo(6);
        assertThat(m.innerSourceHigh()).isEqualTo(0x20010db800000000L);
        assertThat(m.innerDestinationLow()).isEqualTo(2);
        assertThat(m.innerSourcePort()).isEqualTo(5201);
        assertThat(m.innerSequence()).isEqualTo(0xfedcba98L);
    }

    @Test
    void aShortQuoteKeepsWhatWasCapturedAndAnEchoQuotesNothing() {
        // Only the ports: no sequence number.
        byte[] ports = concat(hex("0b 00 0000 00000000"), Arrays.copyOf(QUOTED_V4, 24));
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, ports))).icmp();
        assertThat(m.innerSourcePort()).isEqualTo(5201);
        assertThat(m.innerSequence()).isEqualTo(-1);
        assertThat(m.nextHopMtu()).as("time exceeded carries no MTU").isEqualTo(-1);
        // Half an IP header: no packet in error at all, and no warning either.
        byte[] half = concat(hex("03 01 0000 00000000"), Arrays.copyOf(QUOTED_V4, 10));
        DecodedPacket p = Synthetic.decode(LinkType.ETHERNET, FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, half)));
        assertThat(p.icmp().hasInner()).isFalse();
        assertThat(p.icmp().innerTransportOffset()).isEqualTo(-1);
        assertThat(p.warningCount()).isZero();
        // An echo request's data is not a packet in error, even when it looks like one.
        byte[] echo = concat(hex("08 00 0000 00010001"), QUOTED_V4);
        IcmpHeader ping = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x0800, FrameBuilder.ipv4(1, 0, echo))).icmp();
        assertThat(ping.isError()).isFalse();
        assertThat(ping.hasInner()).isFalse();
    }

    /** A quoted IPv6 segment behind a destination options header: the transport header is after it. */
    @Test
    void aQuoteWalksIpv6ExtensionHeaders() {
        byte[] segment = concat(FrameBuilder.extension(6, 2), FrameBuilder.tcp(0x10, new byte[0], 1400));
        byte[] quoted = Arrays.copyOf(FrameBuilder.ipv6(60, segment), 40 + 16 + 8);
        byte[] icmp = concat(hex("02 00 0000 00000500"), quoted);
        IcmpHeader m = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x86dd, FrameBuilder.ipv6(58, icmp))).icmp();
        assertThat(m.innerProtocol()).isEqualTo(6);
        assertThat(m.innerHeaderLength()).isEqualTo(56);
        assertThat(m.innerSourcePort()).isEqualTo(5201);
        assertThat(m.innerSequence()).isEqualTo(0xfedcba98L);
        // The quote ends inside the extension header: no ports are read from it.
        byte[] cut = concat(hex("02 00 0000 00000500"), Arrays.copyOf(FrameBuilder.ipv6(60, segment), 40 + 12));
        IcmpHeader short6 = Synthetic.decode(LinkType.ETHERNET,
                FrameBuilder.ethernet(0x86dd, FrameBuilder.ipv6(58, cut))).icmp();
        assertThat(short6.hasInner()).isTrue();
        assertThat(short6.innerTransportOffset()).isEqualTo(-1);
    }

    /** A later fragment's first bytes are data: they are no ports, for IPv4 and for IPv6. */
    @Test
    void aQuotedLaterFragmentHasNoPorts() {
        byte[] v4 = FrameBuilder.ipv4(6, 0x2000 | 185, FrameBuilder.tcp(0x10, new byte[0], 0)); // offset 1480
        IcmpHeader m4 = Synthetic.decode(LinkType.ETHERNET, FrameBuilder.ethernet(0x0800,
                FrameBuilder.ipv4(1, 0, concat(hex("0b 00 0000 00000000"), Arrays.copyOf(v4, 28))))).icmp();
        assertThat(m4.hasInner()).isTrue();
        assertThat(m4.innerTransportOffset()).isEqualTo(-1);
        byte[] v6 = FrameBuilder.ipv6(44, concat(FrameBuilder.fragmentHeader(6, 1448, true),
                FrameBuilder.tcp(0x10, new byte[0], 0)));
        IcmpHeader m6 = Synthetic.decode(LinkType.ETHERNET, FrameBuilder.ethernet(0x86dd,
                FrameBuilder.ipv6(58, concat(hex("03 00 0000 00000000"), Arrays.copyOf(v6, 64))))).icmp();
        assertThat(m6.innerProtocol()).isEqualTo(6);
        assertThat(m6.innerTransportOffset()).isEqualTo(-1);
    }
}
