package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UDP, ICMP, ICMPv6 and ARP fields select the packets tshark 4.0 selects with the same filter in
 * other-protocols.pcap, the UDP header quoted inside an ICMP error (packets 24 and 33) included: its
 * addresses and ports are values of ip, udp and tcp fields too. A hand-made fragmentation-needed
 * error quoting a TCP segment checks the TCP fields, which the trace has no error for.
 */
class OtherProtocolFieldsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "udp; 21 22 23 24 32 33",
        "udp.port == 4000; 21 22",
        "udp.srcport == 4000 || udp.dstport == 9; 22 23 24 32 33",
        "udp.dstport == 9; 23 24 32 33",
        "udp && icmp; 24",
        "ip.src == 192.0.2.1; 15 17 19 21 23 24",
        "ip.dst == 192.0.2.2; 15 17 19 21 23 24",
        "udp.length > 11; 22",
        "icmp; 15 16 17 18 19 20 24",
        "icmp.type == 8; 15 17 19",
        "icmp.type == 3 && icmp.code == 3; 24",
        "icmpv6.type == 135 || icmpv6.type == 136; 3 5 25 26",
        "icmpv6.type == 1 && icmpv6.code == 4; 33",
        "arp; 13 14",
        "arp.opcode == 2; 14",
        "arp.src.proto_ipv4 == 192.0.2.1; 13",
        "arp.dst.proto_ipv4 == 192.0.2.1; 14",
        "!tcp && !udp && !icmp && !icmpv6 && !arp; ''"})
    void fieldsSelectWhatTsharkSelects(String text, String numbers) throws IOException {
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).as(String.valueOf(result.error())).isTrue();
        FilterInput input = new FilterInput();
        List<Long> matched = new ArrayList<>();
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("other-protocols.pcap"))) {
            PacketPass.run(source, (frame, packet) -> {
                if (result.filter().matches(input.set(frame, packet))) {
                    matched.add(frame.packetNumber());
                }
            });
        }
        List<Long> expected = new ArrayList<>();
        for (String number : numbers.split(" ")) {
            if (!number.isEmpty()) {
                expected.add(Long.parseLong(number));
            }
        }
        assertThat(matched).containsExactlyElementsOf(expected);
    }

    /** ICMP fragmentation needed (MTU 1400) from a router, quoting 192.0.2.1:5201 to 198.51.100.2:443, seq 1000. */
    private static final String FRAG_NEEDED = "45000038000000004001000" + "0cb007101c0000201" // IPv4 203.0.113.1 -> 192.0.2.1
            + "0304000000000578" // type 3 code 4, MTU 1400
            + "45000064000040004006000" + "0c0000201c6336402" // the quoted IPv4 header
            + "145101bb000003e8"; // its ports and sequence number

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "tcp; true", "tcp.port == 5201; true", "tcp.srcport == 5201; true", "tcp.dstport == 443; true",
        "tcp.seq == 1000; true", "tcp.srcport == 443; false", "udp; false", "ip.src == 192.0.2.1; true",
        "ip.dst == 198.51.100.2; true", "ip.src == 203.0.113.1; true", "tcp.len == 0; false", "tcp.flags.syn == 0; false"})
    void anErrorQuotingATcpSegmentIsSelectedByItsFields(String text, boolean selected) {
        byte[] bytes = HexFormat.of().parseHex(FRAG_NEEDED);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Frame frame = new Frame();
        frame.set(buffer, 0, bytes.length, bytes.length, LinkType.RAW, 0, 0, 1, 0);
        DecodedPacket packet = new DecodedPacket();
        new PacketDecoder().decode(frame, packet);
        assertThat(packet.icmp().innerSequence()).isEqualTo(1000);
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).as(String.valueOf(result.error())).isTrue();
        assertThat(result.filter().matches(new FilterInput().set(frame, packet))).isEqualTo(selected);
    }
}
