package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.braid.decode.DecodedPacket;
import org.braid.testing.Traces;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

/** Info leads with the MPTCP options and shows TCP numbers relative to each direction's first, as Wireshark does. */
class InfoTextTest {
    private static final Path TWO_SUBFLOWS = Traces.sampleTrace("two-subflows.pcap");

    @Test
    void mptcpOptionsComeFirstAndSequenceNumbersAreRelative() throws IOException {
        try (LoadedTrace trace = new TraceLoadTask(TWO_SUBFLOWS, "two-subflows").call(TaskProgress.NONE)) {
            PacketSummaries relative = new PacketSummaries(trace);
            PacketSummaries absolute = new PacketSummaries(trace, true);
            PacketDecoding decoding = new PacketDecoding(trace);

            // The client's MP_CAPABLE SYN, the server's SYN-ACK, then the client's third ACK.
            assertThat(relative.get(0).info()).startsWith("MP_CAPABLE v1").contains("[SYN] Seq=0 Win=");
            assertThat(relative.get(0).mptcpSubtypes()).isEqualTo("MP_CAPABLE");
            assertThat(relative.get(1).info()).contains("[SYN, ACK] Seq=0 Ack=1 ");
            assertThat(relative.get(2).info()).contains("[ACK] Seq=1 Ack=1 ");

            decoding.load(0);
            DecodedPacket syn = decoding.packet();
            assertThat(absolute.get(0).info()).contains("Seq=" + syn.sequenceNumber() + " ");
        }
    }

    @Test
    void everyTcpPacketOfATraceHasRelativeNumbersBelowItsAbsoluteOnes() throws IOException {
        try (LoadedTrace trace = new TraceLoadTask(TWO_SUBFLOWS, "two-subflows").call(TaskProgress.NONE)) {
            PacketSummaries relative = new PacketSummaries(trace);
            int joins = 0;
            for (int i = 0; i < trace.index().size(); i++) {
                PacketSummary row = relative.get(i);
                assertThat(row.info()).as("packet %d", i + 1).doesNotContain("; ");
                if (row.mptcpSubtypes().contains("MP_JOIN") && row.info().contains("[SYN]")) {
                    joins++;
                    assertThat(row.info()).as("a join's SYN starts its subflow").startsWith("MP_JOIN").contains("Seq=0 ");
                }
            }
            assertThat(joins).isPositive();
        }
    }

    @Test
    void otherProtocolsHaveTheirOwnColumns() throws IOException {
        Path trace = Traces.sampleTrace("other-protocols.pcap");
        try (LoadedTrace loaded = new TraceLoadTask(trace, "other-protocols").call(TaskProgress.NONE)) {
            PacketSummaries rows = new PacketSummaries(loaded);
            PacketSummary request = rows.get(12);
            assertThat(request.source()).isEqualTo("02:00:00:00:00:0a");
            assertThat(request.destination()).isEqualTo("Broadcast");
            assertThat(request.protocol()).isEqualTo("ARP");
            assertThat(request.info()).isEqualTo("Who has 192.0.2.2? Tell 192.0.2.1");
            assertThat(rows.get(20).protocol()).isEqualTo("UDP");
            assertThat(rows.get(20).info()).isEqualTo("40000 \u2192 4000 Len=3");
            assertThat(rows.get(20).sender()).as("an endpoint is a TCP one").isNull();
            assertThat(rows.get(14).protocol()).isEqualTo("ICMP");
            assertThat(rows.get(25).protocol()).isEqualTo("ICMPv6");
        }
    }
}
