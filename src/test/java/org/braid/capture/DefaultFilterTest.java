package org.braid.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * libpcap, given the default capture filter, keeps every packet of the tunnelled sample traces
 * (Ethernet frames of GTP-U, VXLAN, Geneve, GRE with ERSPAN, IPv4-in-IPv6 and PPPoE), where a
 * filter of {@code tcp} keeps none: a live capture on such a link sees the subflows. MPLS, which
 * the filter leaves out, is the control. Compiling and applying a filter needs no privilege.
 */
class DefaultFilterTest {
    @ParameterizedTest
    @ValueSource(strings = {"gtpu", "vxlan", "vxlan-gpe", "geneve", "gre", "erspan", "4in6", "pppoe", "mpls", "l2tp"})
    void theDefaultFilterKeepsTunnelledSubflows(String mode) throws IOException, PcapNativeException {
        List<byte[]> frames = new ArrayList<>();
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("tunnels/" + mode + ".pcap"))) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                frames.add(frame.copyBytes());
            }
        }
        assertThat(kept(CaptureSettings.DEFAULT_FILTER, frames)).isEqualTo(mode.equals("mpls") ? 0 : frames.size());
        assertThat(kept("tcp", frames)).isZero();
    }

    private static int kept(String filter, List<byte[]> frames) throws PcapNativeException {
        BpfProgram program = Pcaps.compileFilter(CaptureSettings.DEFAULT_SNAPLEN, DataLinkType.EN10MB, filter,
                BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
        try {
            int kept = 0;
            for (byte[] frame : frames) {
                if (program.applyFilter(frame)) {
                    kept++;
                }
            }
            return kept;
        } finally {
            program.free();
        }
    }
}
