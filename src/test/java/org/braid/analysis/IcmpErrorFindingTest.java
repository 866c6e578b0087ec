package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpSubtype;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router's ICMP errors about a subflow's segments: the kernel's path MTU trace (sample-traces
 * README, scenario {@code pair_pmtu}), and errors appended to the two-subflow trace by hand, where
 * one quotes no subflow. The analysis finds the subflow from the quote and says so once.
 */
class IcmpErrorFindingTest {
    @Test
    void theKernelsPathMtuErrorsAreOneWarningOnTheJoinedSubflow() {
        AnalysisResult result = Analysis.of(Traces.sampleTrace("pairs/pmtu-client.pcap"));
        List<Finding> found = result.findings().stream().filter(f -> f.kind() == FindingKind.ICMP_ERROR).toList();
        assertThat(found).as("%s", result.findings()).hasSize(1);
        Finding error = found.get(0);
        assertThat(error.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(result.connections().get(error.connection()).subflowPosition(error.flow())).isEqualTo(1);
        // tshark -Y icmp: the frames of the 10 errors, all from the router, next-hop MTU 1280.
        assertThat(error.evidence().packets()).containsExactly(28, 29, 30, 31, 32, 38, 45, 55, 56, 62);
        assertThat(error.summary()).startsWith("subflow 1: 10 ICMP errors \"Destination unreachable (Fragmentation"
                + " needed)\" from 10.2.0.254 about segments the subflow's client sent").contains("next-hop MTU 1280");
    }

    private static final Path TRACE = Traces.sampleTrace("two-subflows.pcap");
    private static final int ROUTER = 0xcb0071fe; // 203.0.113.254

    @Test
    void fragmentationNeededIsAWarningOnTheSubflowItQuotes(@TempDir Path dir) throws IOException {
        Quoted segment = firstDataOfJoinedSubflow();
        byte[] pcap = Files.readAllBytes(TRACE);
        long packets = count(TRACE);
        byte[] withErrors = append(pcap, List.of(fragmentationNeeded(segment, 0), fragmentationNeeded(segment, 0),
                fragmentationNeeded(segment, 0x55)));
        Path trace = dir.resolve("two-subflows-icmp.pcap");
        Files.write(trace, withErrors);

        AnalysisResult result = Analysis.of(trace);
        List<Finding> found = result.findings().stream().filter(f -> f.kind() == FindingKind.ICMP_ERROR).toList();
        assertThat(found).as("%s", result.findings()).hasSize(1);
        Finding error = found.get(0);
        assertThat(error.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(result.connections().get(error.connection()).subflowPosition(error.flow())).as("the joined one").isEqualTo(1);
        assertThat(error.summary()).startsWith("subflow 1: 2 ICMP errors \"Destination unreachable (Fragmentation"
                + " needed)\" from 203.0.113.254 about segments the subflow's client sent")
                .contains("next-hop MTU 1280");
        assertThat(error.evidence().contains(packets + 1)).isTrue();
        assertThat(error.evidence().contains(packets + 2)).isTrue();
        assertThat(error.evidence().contains(packets + 3)).as("quotes no subflow").isFalse();

        // Without the errors, no such finding: the clean trace says nothing of ICMP.
        assertThat(Analysis.of(TRACE).findings()).noneMatch(f -> f.kind() == FindingKind.ICMP_ERROR);
    }

    /** A captured segment's bytes, and where its IP and TCP headers start. */
    private record Quoted(byte[] frame, int ipOffset, int tcpOffset) {}

    private static Quoted firstDataOfJoinedSubflow() throws IOException {
        Quoted[] found = new Quoted[1];
        int[] joinPort = {-1};
        try (PacketSource source = TraceReader.open(TRACE)) {
            PacketPass.run(source, (frame, packet) -> {
                if (packet.hasTcpFlag(DecodedPacket.TCP_SYN) && !packet.hasTcpFlag(DecodedPacket.TCP_ACK)
                        && packet.firstMptcpOption(MptcpSubtype.MP_JOIN) != null && joinPort[0] < 0) {
                    joinPort[0] = packet.sourcePort();
                }
                if (found[0] == null && packet.sourcePort() == joinPort[0] && packet.payloadWireLength() > 0) {
                    found[0] = new Quoted(frame.copyBytes(), packet.ipOffset(), packet.tcpOffset());
                }
            });
        }
        assertThat(found[0]).as("a data segment on the joined subflow").isNotNull();
        return found[0];
    }

    /**
     * The segment's link header, then an IPv4 header from the router to the segment's sender and an
     * ICMP fragmentation needed (MTU 1280) quoting the segment's IP header and 8 bytes of its TCP
     * header, its source port's high byte changed by {@code portChange} (not 0: a port no subflow uses).
     */
    private static byte[] fragmentationNeeded(Quoted segment, int portChange) {
        byte[] quote = Arrays.copyOfRange(segment.frame, segment.ipOffset, segment.tcpOffset + 8);
        quote[segment.tcpOffset - segment.ipOffset] ^= (byte) portChange;
        ByteBuffer b = ByteBuffer.allocate(segment.ipOffset + 20 + 8 + quote.length);
        b.put(segment.frame, 0, segment.ipOffset);
        int sender = ByteBuffer.wrap(segment.frame).getInt(segment.ipOffset + 12);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + quote.length)).putInt(0);
        b.put((byte) 64).put((byte) 1).putShort((short) 0).putInt(ROUTER).putInt(sender);
        b.put((byte) 3).put((byte) 4).putShort((short) 0).putShort((short) 0).putShort((short) 1280);
        b.put(quote);
        return b.array();
    }

    private static long count(Path trace) throws IOException {
        try (PacketSource source = TraceReader.open(trace)) {
            return PacketPass.run(source, (frame, packet) -> { });
        }
    }

    /** The classic little-endian microsecond pcap with {@code frames} appended, a millisecond apart after its last. */
    private static byte[] append(byte[] pcap, List<byte[]> frames) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt(0)).isEqualTo(0xa1b2c3d4);
        long lastSeconds = 0;
        long lastMicros = 0;
        for (int at = 24; at + 16 <= pcap.length; at += 16 + in.getInt(at + 8)) {
            lastSeconds = in.getInt(at) & 0xffffffffL;
            lastMicros = in.getInt(at + 4) & 0xffffffffL;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pcap);
        long micros = lastSeconds * 1_000_000 + lastMicros;
        for (byte[] frame : frames) {
            micros += 1000;
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame.length)
                    .putInt(frame.length);
            out.writeBytes(record.array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }
}
