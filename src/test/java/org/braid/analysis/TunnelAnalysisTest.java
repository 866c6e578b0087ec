package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.model.FindingKind;
import org.braid.model.MptcpConnection;
import org.braid.report.JsonReport;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MPTCP inside a tunnel is analysed as if captured bare: the kernel captures wrapped by
 * {@code sample-traces/encapsulate.py} in GTP-U, PPPoE, MPLS, ERSPAN, Geneve, VXLAN, GRE and
 * IPv4-in-IPv6 give the whole JSON document of the bare capture, DSS checksum failure and MP_FAIL
 * included (their payload is found through every header); so does a hybrid access capture whose
 * three subflows ride PPPoE, GTP-U and MPLS, and an Apple PKTAP capture of a Wi-Fi (Ethernet) and a
 * cellular (raw IP) subflow. A VXLAN overlay the kernel itself ran is found whole.
 */
class TunnelAnalysisTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tunnels/gtpu.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/pppoe.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/mpls.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/erspan.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/geneve.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/vxlan.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/vxlan-gpe.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/l2tp.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/gre.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/4in6.pcap, checksum-fail-one-subflow.pcap",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap, follow-three-subflows.pcap",
        "tunnels/pktap-wifi-cellular.pcap, follow-two-subflows.pcap"})
    void aTunnelledCaptureIsAnalysedAsTheBareOne(String tunnelled, String bare) throws IOException {
        String inside = json(Traces.sampleTrace(tunnelled));
        assertThat(inside).isEqualTo(json(Traces.sampleTrace(bare)));
        assertThat(inside).contains("\"connections\" : [ {");
    }

    @Test
    void theChecksumFailureIsFoundInsideGtpU() throws IOException {
        MptcpConnection c = MptcpAnalyzer.analyze(Traces.sampleTrace("tunnels/gtpu.pcap")).connections().get(0);
        assertThat(c.mappings().failures()).hasSize(1);
    }

    @Test
    void aKernelVxlanOverlayKeepsBothSubflowsAndTheirJoin() throws IOException {
        AnalysisResult result = MptcpAnalyzer.analyze(Traces.sampleTrace("vxlan-two-subflows.pcap"));
        assertThat(result.connections()).hasSize(1);
        MptcpConnection c = result.connections().get(0);
        assertThat(c.subflows()).hasSize(2);
        assertThat(c.subflows().get(1).client().toString()).startsWith("10.10.2.1:");
        assertThat(c.hmacVerified()).isEqualTo(2);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(200_000);
        assertThat(result.tcpConnections()).isEmpty();
    }

    private static String json(Path trace) throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.write(MptcpAnalyzer.analyze(trace), out);
        return out.toString();
    }

    /**
     * A router on the GTP-U transport path refuses a tunnel packet too big for its next hop and
     * quotes 548 bytes of it: the outer headers, GTP-U, and the subflow's own IP and TCP headers. The
     * error is appended to the GTP-U sample; the analysis names the subflow inside, as on a bare path.
     */
    @Test
    void aFragmentationNeededAboutATunnelPacketIsAWarningOnTheSubflowInside(@TempDir Path dir) throws IOException {
        byte[] pcap = Files.readAllBytes(Traces.sampleTrace("tunnels/gtpu.pcap"));
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int records = 0;
        byte[] refused = null;
        for (int at = 24; at + 16 <= pcap.length; at += 16 + in.getInt(at + 8)) {
            records++;
            int length = in.getInt(at + 8);
            boolean uplink = pcap[at + 16 + 14 + 15] == 1; // outer source 10.200.0.1
            if (refused == null && length > 1000 && uplink) {
                refused = Arrays.copyOfRange(pcap, at + 16 + 14, at + 16 + 14 + 548); // the outer IP packet on
            }
        }
        assertThat(refused).isNotNull();
        byte[] icmp = ByteBuffer.allocate(8 + refused.length).put(new byte[] {3, 4, 0, 0, 0, 0, 0x05, 0x78})
                .put(refused).array(); // fragmentation needed, next-hop MTU 1400
        byte[] ip = ByteBuffer.allocate(20 + icmp.length).put(new byte[] {0x45, 0}).putShort((short) (20 + icmp.length))
                .put(new byte[] {0, 0, 0, 0, 64, 1, 0, 0, 10, (byte) 200, 0, (byte) 254, 10, (byte) 200, 0, 1}).put(icmp)
                .array();
        byte[] frame = ByteBuffer.allocate(14 + ip.length).put(new byte[12]).putShort((short) 0x0800).put(ip).array();
        ByteBuffer record = ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(2_000_000_000).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        Path trace = dir.resolve("gtpu-pmtu.pcap");
        Files.write(trace, concat(pcap, record.array()));

        AnalysisResult result = Analysis.of(trace);
        List<Finding> found = result.findings().stream().filter(f -> f.kind() == FindingKind.ICMP_ERROR).toList();
        assertThat(found).as("%s", result.findings()).hasSize(1);
        assertThat(found.get(0).summary()).startsWith("subflow 0: 1 ICMP error \"Destination unreachable (Fragmentation"
                + " needed)\" from 10.200.0.254 about segments the subflow's client sent").contains("next-hop MTU 1400");
        assertThat(found.get(0).evidence().contains(records + 1)).isTrue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
