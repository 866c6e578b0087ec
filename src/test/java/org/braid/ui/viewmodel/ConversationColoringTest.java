package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.braid.testing.Traces;
import org.braid.ui.packets.ConversationColor;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketSummaries;
import org.braid.ui.packets.TraceFields;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

class ConversationColoringTest {
    @Test
    void theNewestRuleThatSelectsAPacketGivesItsColourUntilReset() throws IOException {
        try (LoadedTrace trace = new TraceLoadTask(Traces.sampleTrace("dead-path.pcap"), "dead-path")
                .call(TaskProgress.NONE)) {
            ConversationColoring coloring = new ConversationColoring(() -> TraceFields.of(trace));
            PacketSummaries rows = new PacketSummaries(trace);
            int flow = trace.analysis().columns().flowOfPacket(0);
            assertThat(coloring.colorOf(rows, 0)).isNull();

            assertThat(coloring.colorize("connection 0", "mptcp.connection == 0", ConversationColor.GREEN)).isTrue();
            assertThat(coloring.colorize("stream", "tcp.stream == " + flow, ConversationColor.PINK)).isTrue();
            assertThat(coloring.colorOf(rows, 0)).isEqualTo(ConversationColor.PINK);
            int otherFlow = -1;
            for (int i = 0; i < trace.index().size() && otherFlow < 0; i++) {
                if (trace.analysis().columns().flowOfPacket(i) != flow
                        && trace.analysis().connectionOfPacket(i) == 0) {
                    otherFlow = i;
                }
            }
            assertThat(otherFlow).as("a packet of another subflow of connection 0").isNotNegative();
            assertThat(coloring.colorOf(rows, otherFlow)).isEqualTo(ConversationColor.GREEN);

            // Colouring the same conversation again replaces its colour.
            coloring.colorize("stream", "tcp.stream == " + flow, ConversationColor.BLUE);
            assertThat(coloring.rules()).hasSize(2);
            assertThat(coloring.colorOf(rows, 0)).isEqualTo(ConversationColor.BLUE);

            assertThat(coloring.colorize("bad", "tcp.stream ==", ConversationColor.GREY)).isFalse();
            coloring.reset();
            assertThat(coloring.colorOf(rows, 0)).isNull();
        }
    }
}
