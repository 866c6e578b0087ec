package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tunnel fields, and the outer headers' addresses and UDP ports, select as many packets as
 * tshark 4.0 selects with the same filter (counted with {@code tshark -r TRACE -Y FILTER}).
 * Braid's {@code ip.src} covers IPv6 too, where Wireshark has {@code ipv6.src}: the last row.
 */
class TunnelFieldsTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "tunnels/gtpu.pcap; gtp; 139",
        "tunnels/gtpu.pcap; gtp.teid == 0x1001; 72",
        "tunnels/gtpu.pcap; udp.port == 2152; 139",
        "tunnels/gtpu.pcap; udp.srcport == 2152; 139",
        "tunnels/gtpu.pcap; ip.src == 10.200.0.1; 72",
        "tunnels/gtpu.pcap; ip.src == 192.0.2.1; 72",
        "tunnels/gtpu.pcap; ip.addr == 10.200.0.2 && tcp.len > 0; 69",
        "tunnels/gtpu.pcap; mptcp; 139",
        "vxlan-two-subflows.pcap; vxlan; 342",
        "vxlan-two-subflows.pcap; vxlan.vni == 101; 162",
        "vxlan-two-subflows.pcap; arp; 4",
        "vxlan-two-subflows.pcap; udp.dstport == 4789; 342",
        "vxlan-two-subflows.pcap; ip.src == 198.51.100.1; 93",
        "vxlan-two-subflows.pcap; ip.src == 10.10.2.1; 88",
        "vxlan-two-subflows.pcap; tcp.port == 5201 && vxlan.vni == 102; 169",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap; pppoes; 158",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap; pppoe.session_id == 0x2a17; 158",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap; mpls.label == 16; 183",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap; mpls.label == 1000; 183",
        "tunnels/hybrid-pppoe-gtpu-mpls.pcap; gtp.teid == 0x2002; 88",
        "tunnels/erspan.pcap; erspan.spanid == 7; 139",
        "tunnels/erspan.pcap; gre; 139",
        "tunnels/gre.pcap; gre.key == 0xbeef; 139",
        "tunnels/geneve.pcap; geneve.vni == 77; 139",
        "tunnels/geneve.pcap; udp; 139",
        "tunnels/4in6.pcap; ip.src == 192.0.2.1; 72",
        "tunnels/mpls.pcap; mpls; 139",
        "tunnels/pppoe.pcap; pppoes && tcp.flags.syn == 1; 2",
        "tunnels/pktap-wifi-cellular.pcap; pktap.pid == 321; 495",
        "tunnels/pktap-wifi-cellular.pcap; pktap && ip.src == 198.51.100.1; 130",
        "tunnels/4in6.pcap; ip.src == 2001:db8:ff00::1; 72",
        "tunnels/l2tp.pcap; l2tp; 139",
        "tunnels/l2tp.pcap; l2tp.tunnel == 7; 72",
        "tunnels/l2tp.pcap; l2tp.session == 5; 67",
        "tunnels/l2tp.pcap; udp.port == 1701 && tcp.len > 0; 69",
        "tunnels/vxlan-gpe.pcap; vxlan; 139",
        "tunnels/vxlan-gpe.pcap; vxlan.vni == 5002 && ip.src == 192.0.2.2; 67"})
    void tunnelFieldsSelectWhatTsharkSelects(String trace, String text, int expected) throws IOException {
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).as(String.valueOf(result.error())).isTrue();
        FilterInput input = new FilterInput();
        AtomicInteger matched = new AtomicInteger();
        try (PacketSource source = TraceReader.open(Traces.sampleTrace(trace))) {
            PacketPass.run(source, (frame, packet) -> {
                if (result.filter().matches(input.set(frame, packet))) {
                    matched.incrementAndGet();
                }
            });
        }
        assertThat(matched.get()).isEqualTo(expected);
    }
}
