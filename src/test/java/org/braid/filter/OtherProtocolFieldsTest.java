package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The UDP, ICMP, ICMPv6 and ARP fields select the packets tshark 4.0 selects with the same filter in
 * other-protocols.pcap, but for the UDP header quoted inside an ICMP error (packets 24 and 33): Braid
 * decodes it for the details tree, but its filter fields, unlike tshark's, do not look inside the quote.
 */
class OtherProtocolFieldsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "udp; 21 22 23 32",
        "udp.port == 4000; 21 22",
        "udp.srcport == 4000 || udp.dstport == 9; 22 23 32",
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
}
