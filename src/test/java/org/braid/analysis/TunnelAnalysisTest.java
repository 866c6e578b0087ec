package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.report.JsonReport;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
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
}
