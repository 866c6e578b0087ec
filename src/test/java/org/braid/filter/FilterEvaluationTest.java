package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.braid.analysis.PacketPass;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each filter selects exactly the packets a plain Java predicate over the decoder selects, on real
 * traces (IPv4 and IPv6, MPTCP v0 and v1), and selects some but not all of them.
 */
class FilterEvaluationTest {
    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("tcpdump-mptcp-v0.pcap", "mptcp.subtype == 2", subtype(MptcpSubtype.DSS)),
            Arguments.of("tcpdump-mptcp-v1.pcap", "mptcp.subtype == 0 || mptcp.subtype == 1",
                    subtype(MptcpSubtype.MP_CAPABLE).or(subtype(MptcpSubtype.MP_JOIN))),
            Arguments.of("mptcpanalyzer_client_2.pcap", "!mptcp", (Predicate<DecodedPacket>) p -> p.mptcpOptionCount() == 0),
            Arguments.of("tcpdump-mptcp-v0.pcap", "tcp.flags.syn == 1 && tcp.flags.ack == 0",
                    (Predicate<DecodedPacket>) p -> p.hasTcpFlag(DecodedPacket.TCP_SYN)
                            && !p.hasTcpFlag(DecodedPacket.TCP_ACK)),
            Arguments.of("tcpdump-mptcp-v0.pcap", "tcp.len > 0 and mptcp", (Predicate<DecodedPacket>) p ->
                    p.payloadWireLength() > 0 && p.mptcpOptionCount() > 0),
            Arguments.of("mptcpanalyzer_client_2.pcap", "tcp.len >= 1000", (Predicate<DecodedPacket>) p ->
                    p.hasTcp() && p.payloadWireLength() >= 1000),
            Arguments.of("tcpdump-mptcp-v1.pcap", "frame.number <= 10 or frame.len < 80", null),
            Arguments.of("tcpdump-mptcp-v0.pcap", "mptcp.dsn > 0x7fffffff", (Predicate<DecodedPacket>) p -> {
                for (int i = 0; i < p.mptcpOptionCount(); i++) {
                    MptcpOption o = p.mptcpOption(i);
                    if (o.subtype() == MptcpSubtype.DSS && o.hasDataSequenceNumber()
                            && o.dataSequenceNumber() > 0x7fffffffL) {
                        return true;
                    }
                }
                return false;
            }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void filterAgreesWithTheDecoder(String trace, String text, Predicate<DecodedPacket> expected) throws IOException {
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).as(String.valueOf(result.error())).isTrue();
        FilterInput input = new FilterInput();
        long[] counts = new long[3]; // matched, agreed, total
        try (PacketSource source = TraceReader.open(Traces.publicTrace(trace))) {
            PacketPass.run(source, (frame, packet) -> {
                boolean matched = result.filter().matches(input.set(frame, packet));
                boolean wanted = expected != null ? expected.test(packet)
                        : frame.packetNumber() <= 10 || frame.originalLength() < 80;
                counts[0] += matched ? 1 : 0;
                counts[1] += matched == wanted ? 1 : 0;
                counts[2]++;
            });
        }
        assertThat(counts[1]).isEqualTo(counts[2]);
        assertThat(counts[0]).isPositive().isLessThan(counts[2]);
    }

    @ParameterizedTest
    @MethodSource("addressCases")
    void addressesMatchSourceOrDestination(String trace) throws IOException {
        Path path = Traces.publicTrace(trace);
        String[] firstSource = new String[1];
        long[] counts = new long[4]; // addr, src, dst, not-addr
        FilterInput input = new FilterInput();
        try (PacketSource source = TraceReader.open(path)) {
            PacketPass.run(source, (frame, packet) -> {
                if (firstSource[0] == null && packet.hasIp()) {
                    firstSource[0] = packet.sourceAddress();
                }
            });
        }
        Filter addr = FilterParser.parse("ip.addr == " + firstSource[0]).filter();
        Filter src = FilterParser.parse("ip.src == " + firstSource[0]).filter();
        Filter dst = FilterParser.parse("ip.dst == " + firstSource[0]).filter();
        Filter notAddr = FilterParser.parse("ip.addr != " + firstSource[0]).filter();
        long[] expected = new long[4];
        try (PacketSource source = TraceReader.open(path)) {
            PacketPass.run(source, (frame, packet) -> {
                input.set(frame, packet);
                counts[0] += addr.matches(input) ? 1 : 0;
                counts[1] += src.matches(input) ? 1 : 0;
                counts[2] += dst.matches(input) ? 1 : 0;
                counts[3] += notAddr.matches(input) ? 1 : 0;
                boolean s = packet.hasIp() && packet.sourceAddress().equals(firstSource[0]);
                boolean d = packet.hasIp() && packet.destinationAddress().equals(firstSource[0]);
                expected[0] += s || d ? 1 : 0;
                expected[1] += s ? 1 : 0;
                expected[2] += d ? 1 : 0;
                expected[3] += s || d ? 0 : 1;
            });
        }
        assertThat(counts).isEqualTo(expected);
        assertThat(expected[1]).isPositive();
        assertThat(expected[2]).isPositive();
    }

    static Stream<String> addressCases() {
        // IPv4 and IPv6 traces.
        return Stream.of("tcpdump-mptcp-v0.pcap", "tcpdump-mptcp-v1.pcap", "dpi-mptcp-longer.pcapng");
    }

    private static Predicate<DecodedPacket> subtype(MptcpSubtype subtype) {
        return p -> p.firstMptcpOption(subtype) != null;
    }
}
