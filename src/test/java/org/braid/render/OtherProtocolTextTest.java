package org.braid.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.PcapEdits;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UDP, ICMP, ICMPv6 and ARP on the real packets of {@code other-protocols.pcap}: the list columns
 * are tshark 4.0's (its Source, Destination, Protocol and Info, spaces collapsed and its request and
 * reply links left out), the details tree's fields cover their bytes, and every cut of every frame
 * decodes without an exception, with a warning where a header was cut.
 */
class OtherProtocolTextTest {
    private static final Path TRACE = Traces.sampleTrace("other-protocols.pcap");

    /** tshark -T fields -e _ws.col.Source -e _ws.col.Destination -e _ws.col.Protocol -e _ws.col.Info. */
    private static final List<String> TSHARK = List.of(
            "::\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "::\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "::\tff02::1:ff00:a\tICMPv6\tNeighbor Solicitation for fe80::ff:fe00:a",
            "::\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "::\tff02::1:ff00:b\tICMPv6\tNeighbor Solicitation for fe80::ff:fe00:b",
            "::\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "fe80::ff:fe00:a\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "fe80::ff:fe00:a\tff02::2\tICMPv6\tRouter Solicitation from 02:00:00:00:00:0a",
            "fe80::ff:fe00:a\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "fe80::ff:fe00:b\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "fe80::ff:fe00:b\tff02::2\tICMPv6\tRouter Solicitation from 02:00:00:00:00:0b",
            "fe80::ff:fe00:b\tff02::16\tICMPv6\tMulticast Listener Report Message v2",
            "02:00:00:00:00:0a\tBroadcast\tARP\tWho has 192.0.2.2? Tell 192.0.2.1",
            "02:00:00:00:00:0b\t02:00:00:00:00:0a\tARP\t192.0.2.2 is at 02:00:00:00:00:0b",
            "192.0.2.1\t192.0.2.2\tICMP\tEcho (ping) request id=0x0001, seq=1/256, ttl=64",
            "192.0.2.2\t192.0.2.1\tICMP\tEcho (ping) reply id=0x0001, seq=1/256, ttl=64",
            "192.0.2.1\t192.0.2.2\tICMP\tEcho (ping) request id=0x0001, seq=2/512, ttl=64",
            "192.0.2.2\t192.0.2.1\tICMP\tEcho (ping) reply id=0x0001, seq=2/512, ttl=64",
            "192.0.2.1\t192.0.2.2\tICMP\tEcho (ping) request id=0x0001, seq=3/768, ttl=64",
            "192.0.2.2\t192.0.2.1\tICMP\tEcho (ping) reply id=0x0001, seq=3/768, ttl=64",
            "192.0.2.1\t192.0.2.2\tUDP\t40000 \u2192 4000 Len=3",
            "192.0.2.2\t192.0.2.1\tUDP\t4000 \u2192 40000 Len=32",
            "192.0.2.1\t192.0.2.2\tUDP\t56941 \u2192 9 Len=3",
            "192.0.2.2\t192.0.2.1\tICMP\tDestination unreachable (Port unreachable)",
            "2001:db8:1::1\tff02::1:ff00:2\tICMPv6\tNeighbor Solicitation for 2001:db8:1::2 from 02:00:00:00:00:0a",
            "2001:db8:1::2\t2001:db8:1::1\tICMPv6\tNeighbor Advertisement 2001:db8:1::2 (sol, ovr) is at 02:00:00:00:00:0b",
            "2001:db8:1::1\t2001:db8:1::2\tICMPv6\tEcho (ping) request id=0x0001, seq=1, hop limit=64",
            "2001:db8:1::2\t2001:db8:1::1\tICMPv6\tEcho (ping) reply id=0x0001, seq=1, hop limit=64",
            "fe80::ff:fe00:a\tff02::2\tICMPv6\tRouter Solicitation from 02:00:00:00:00:0a",
            "2001:db8:1::1\t2001:db8:1::2\tICMPv6\tEcho (ping) request id=0x0001, seq=2, hop limit=64",
            "2001:db8:1::2\t2001:db8:1::1\tICMPv6\tEcho (ping) reply id=0x0001, seq=2, hop limit=64",
            "2001:db8:1::1\t2001:db8:1::2\tUDP\t35033 \u2192 9 Len=3",
            "2001:db8:1::2\t2001:db8:1::1\tICMPv6\tDestination Unreachable (Port unreachable)",
            "fe80::ff:fe00:b\tff02::2\tICMPv6\tRouter Solicitation from 02:00:00:00:00:0b");

    @Test
    void columnsAreTsharks() {
        List<String> ours = new ArrayList<>();
        forEach(TRACE, (frame, p) -> ours.add(PacketText.source(p) + "\t" + PacketText.destination(p) + "\t"
                + PacketText.protocol(p) + "\t" + PacketText.info(p, " \u2192 ")));
        assertThat(ours).containsExactlyElementsOf(TSHARK);
    }

    @Test
    void numericFieldsCoverTheirBytes() {
        int[] checked = {0};
        forEach(TRACE, (frame, packet) -> checked[0] += DetailTreeTest.assertNumericFieldsCoverTheirBytes(frame, packet));
        assertThat(checked[0]).isGreaterThan(34 * 3);
    }

    @Test
    void treesNameTheFields() {
        assertThat(render(13)).contains("Address Resolution Protocol (request)", "Opcode: request (1)",
                "Sender MAC address: 02:00:00:00:00:0a", "Target IP address: 192.0.2.2");
        assertThat(render(21)).contains("User Datagram Protocol, Src Port: 40000, Dst Port: 4000", "Length: 11",
                "UDP payload (3 bytes on the wire, 3 captured)");
        assertThat(render(24)).contains("Internet Control Message Protocol", "Type: 3 (Destination unreachable)",
                "Code: 3 (Port unreachable)",
                // the packet in error, as tshark -V quotes it
                "Internet Protocol Version 4, Src: 192.0.2.1, Dst: 192.0.2.2 (the packet in error)",
                "Protocol: UDP (17)", "User Datagram Protocol, Src Port: 56941, Dst Port: 9");
        assertThat(render(33)).contains("Internet Control Message Protocol v6",
                "Internet Protocol Version 6, Src: 2001:db8:1::1, Dst: 2001:db8:1::2 (the packet in error)",
                "User Datagram Protocol, Src Port: 35033, Dst Port: 9");
        assertThat(render(26)).contains("Internet Control Message Protocol v6", "Type: 136 (Neighbor Advertisement)",
                "Flags: 0x60000000 (sol, ovr)", "Target address: 2001:db8:1::2",
                "Link-layer address option: 02:00:00:00:00:0b");
    }

    @Test
    void everyCutDecodesAndCutHeadersAreWarnings(@TempDir Path dir) throws IOException {
        byte[] pcap = PcapEdits.read(TRACE);
        for (int snaplen = 1; snaplen <= 80; snaplen++) {
            Path cut = dir.resolve("cut-" + snaplen + ".pcap");
            Files.write(cut, PcapEdits.withSnaplen(pcap, snaplen));
            forEach(cut, (frame, packet) -> assertThatCode(() -> {
                DetailTree.build(frame, packet);
                PacketText.info(packet);
            }).as("frame %d", frame.packetNumber()).doesNotThrowAnyException());
        }
        // Ethernet 14, then ARP 28; IPv4 20 then UDP or ICMP 8; IPv6 40 then a neighbour advertisement 32.
        assertThat(infoAtSnaplen(dir, pcap, 13, 30)).isEqualTo("ARP request [ARP packet truncated (16 bytes captured)]");
        assertThat(infoAtSnaplen(dir, pcap, 21, 38)).isEqualTo("IPv4 protocol 17 [UDP header truncated (4 bytes captured)]");
        assertThat(infoAtSnaplen(dir, pcap, 15, 40)).isEqualTo("IPv4 protocol 1 [ICMP header truncated (6 bytes captured)]");
        assertThat(infoAtSnaplen(dir, pcap, 26, 70))
                .isEqualTo("Neighbor Advertisement [ICMPv6 message truncated (16 bytes captured)]");
        assertThat(infoAtSnaplen(dir, pcap, 26, 78)).isEqualTo("Neighbor Advertisement 2001:db8:1::2 (sol, ovr)");
    }

    @Test
    void aBadUdpLengthIsAWarning() {
        byte[] frame = frameBytes(21);
        frame[14 + 20 + 5] = 4; // UDP length 4, below its own header
        DecodedPacket p = decode(frame);
        assertThat(PacketText.info(p)).isEqualTo("40000 -> 4000 Len=0 [UDP length 4 is below 8 or beyond the IP payload]");
        frame[14 + 20 + 5] = 60; // beyond the 11 bytes the IP header leaves it
        assertThat(PacketText.info(decode(frame))).endsWith("[UDP length 60 is below 8 or beyond the IP payload]");
    }

    @Test
    void aZeroLengthDiscoveryOptionIsAWarning() {
        byte[] frame = frameBytes(26);
        frame[14 + 40 + 24 + 1] = 0; // the target link-layer address option claims 0 units
        assertThat(PacketText.info(decode(frame)))
                .isEqualTo("Neighbor Advertisement 2001:db8:1::2 (sol, ovr) [ICMPv6 option of type 2 has length 0]");
    }

    private static String infoAtSnaplen(Path dir, byte[] pcap, long number, int snaplen) throws IOException {
        Path cut = dir.resolve("at-" + snaplen + ".pcap");
        Files.write(cut, PcapEdits.withSnaplen(pcap, snaplen));
        List<String> info = new ArrayList<>();
        forEach(cut, (frame, packet) -> {
            if (frame.packetNumber() == number) {
                info.add(PacketText.info(packet));
            }
        });
        return info.get(0);
    }

    private static byte[] frameBytes(long number) {
        List<byte[]> found = new ArrayList<>();
        forEach(TRACE, (frame, packet) -> {
            if (frame.packetNumber() == number) {
                found.add(frame.copyBytes());
            }
        });
        return found.get(0);
    }

    private static DecodedPacket decode(byte[] ethernetFrame) {
        DecodedPacket p = new DecodedPacket();
        new PacketDecoder().decode(ByteBuffer.wrap(ethernetFrame), 0, ethernetFrame.length, ethernetFrame.length, 1, p);
        return p;
    }

    private static String render(long number) {
        List<String> found = new ArrayList<>();
        forEach(TRACE, (frame, packet) -> {
            if (frame.packetNumber() == number) {
                found.add(DetailTreeText.render(DetailTree.build(frame, packet)));
            }
        });
        return found.get(0);
    }

    private static void forEach(Path trace, BiConsumer<Frame, DecodedPacket> visitor) {
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        Frame frame = new Frame();
        try (PacketSource source = TraceReader.open(trace)) {
            while (source.next(frame)) {
                decoder.decode(frame, packet);
                visitor.accept(frame, packet);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
