package org.braid.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.model.Endpoint;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/**
 * A router's error names the segment a capture lacks: on a bare path the segment it quotes, and on
 * a tunnelled path (GTP-U here) the subflow's segment inside the tunnel packet it quotes, so that
 * {@code braid compare} names the error beside a loss on a 5G or DSL transport path too.
 */
class IcmpRefusalsTest {
    private final PacketDecoder decoder = new PacketDecoder();

    @Test
    void anErrorAboutATunnelPacketNamesTheSubflowsSegmentInside() throws IOException {
        byte[] refused = firstBigUplinkPacket();
        DecodedPacket segment = decode(ethernet(refused));
        assertThat(segment.sourcePort()).as("the GTP-U packet decodes to the subflow's segment").isNotEqualTo(2152);

        IcmpRefusals refusals = new IcmpRefusals();
        refusals.add(7, decode(ethernet(fragmentationNeeded(Arrays.copyOf(refused, 548)))));

        Endpoint from = new Endpoint(segment.sourceAddress(), segment.sourcePort());
        Endpoint to = new Endpoint(segment.destinationAddress(), segment.destinationPort());
        IcmpRefusals.Refusal refusal = refusals.about(from, to, segment.sequenceNumber());
        assertThat(refusal).isNotNull();
        assertThat(refusal.packet()).isEqualTo(7);
        assertThat(refusal.reason()).isEqualTo(
                "ICMP \"Destination unreachable (Fragmentation needed)\", next-hop MTU 1400 from 10.200.0.254");
        assertThat(refusals.about(from, to, segment.sequenceNumber() + 1)).as("another segment").isNull();
    }

    @Test
    void aQuoteThatStopsInTheTunnelNamesNoSubflowSegment() throws IOException {
        byte[] refused = firstBigUplinkPacket();
        DecodedPacket segment = decode(ethernet(refused));
        IcmpRefusals refusals = new IcmpRefusals();
        refusals.add(7, decode(ethernet(fragmentationNeeded(Arrays.copyOf(refused, 28))))); // 8 bytes after IP
        assertThat(refusals.about(new Endpoint(segment.sourceAddress(), segment.sourcePort()),
                new Endpoint(segment.destinationAddress(), segment.destinationPort()), segment.sequenceNumber()))
                .as("a UDP quote is not a TCP segment").isNull();
    }

    /** The outer IPv4 packet of the GTP-U sample's first data segment from 10.200.0.1. */
    private static byte[] firstBigUplinkPacket() throws IOException {
        byte[] pcap = Files.readAllBytes(Traces.sampleTrace("tunnels/gtpu.pcap"));
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 24; at + 16 <= pcap.length; at += 16 + in.getInt(at + 8)) {
            int length = in.getInt(at + 8);
            if (length > 1000 && pcap[at + 16 + 14 + 15] == 1) {
                return Arrays.copyOfRange(pcap, at + 16 + 14, at + 16 + length);
            }
        }
        throw new AssertionError("no uplink data segment in the GTP-U sample");
    }

    /** An ICMP fragmentation-needed (next-hop MTU 1400) from 10.200.0.254 to 10.200.0.1 quoting {@code quote}. */
    private static byte[] fragmentationNeeded(byte[] quote) {
        byte[] icmp = ByteBuffer.allocate(8 + quote.length).put(new byte[] {3, 4, 0, 0, 0, 0, 0x05, 0x78}).put(quote)
                .array();
        return ByteBuffer.allocate(20 + icmp.length).put(new byte[] {0x45, 0}).putShort((short) (20 + icmp.length))
                .put(new byte[] {0, 0, 0, 0, 64, 1, 0, 0, 10, (byte) 200, 0, (byte) 254, 10, (byte) 200, 0, 1})
                .put(icmp).array();
    }

    private static byte[] ethernet(byte[] ip) {
        return ByteBuffer.allocate(14 + ip.length).put(new byte[12]).putShort((short) 0x0800).put(ip).array();
    }

    private DecodedPacket decode(byte[] frame) {
        DecodedPacket packet = new DecodedPacket();
        decoder.decode(ByteBuffer.wrap(frame), 0, frame.length, frame.length, LinkType.ETHERNET, packet);
        return packet;
    }
}
