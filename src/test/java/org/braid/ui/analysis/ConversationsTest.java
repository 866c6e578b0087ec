package org.braid.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.filter.FilterParser;
import org.braid.filter.FilterResult;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.braid.ui.analysis.Conversations.Conversation;
import org.braid.ui.packets.FilterTask;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.TraceFields;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.tasks.TaskProgress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationsTest {
    private static LoadedTrace load(String name) throws IOException {
        Path path = Traces.sampleTrace(name);
        return new TraceLoadTask(path, name).call(TaskProgress.NONE);
    }

    private static List<Conversation> all(Conversations found) {
        List<Conversation> all = new ArrayList<>(found.mptcp());
        all.addAll(found.tcp());
        all.addAll(found.ipv4());
        all.addAll(found.ipv6());
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4-ipv6-join.pcap", "dead-path.pcap", "fallback-tcp.pcap"})
    void eachConversationsFilterSelectsExactlyItsPackets(String name) throws IOException {
        try (LoadedTrace trace = load(name)) {
            Conversations found = Conversations.of(trace, done -> { });
            assertThat(found.tcp()).isNotEmpty();
            for (Conversation conversation : all(found)) {
                FilterResult filter = FilterParser.parse(conversation.filter(), TraceFields.of(trace));
                assertThat(filter.isValid()).as(conversation.filter()).isTrue();
                int[] kept = FilterTask.run(trace, filter.filter(), done -> { });
                assertThat((long) kept.length).as(conversation.filter()).isEqualTo(conversation.packets());
                long bytes = 0;
                for (int i : kept) {
                    bytes += trace.index().originalLength(i);
                }
                assertThat(bytes).as(conversation.filter()).isEqualTo(conversation.bytes());
                assertThat(conversation.startNanos() + conversation.durationNanos())
                        .isEqualTo(trace.index().relativeNanos(kept[kept.length - 1]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4-ipv6-join.pcap", "dead-path.pcap"})
    void aConnectionAddsUpItsSubflowsWithItsClientAsA(String name) throws IOException {
        try (LoadedTrace trace = load(name)) {
            Conversations found = Conversations.of(trace, done -> { });
            List<MptcpConnection> connections = trace.analysis().result().connections();
            assertThat(found.mptcp()).hasSize(connections.size()).isNotEmpty();
            for (int c = 0; c < connections.size(); c++) {
                MptcpConnection connection = connections.get(c);
                Conversation row = found.mptcp().get(c);
                assertThat(row.a()).isEqualTo(connection.client().toString());
                assertThat(row.subflows()).isEqualTo(connection.subflows().size());
                long packets = 0;
                for (Subflow subflow : connection.subflows()) {
                    packets += found.tcp().stream().filter(t -> t.filter().equals("tcp.stream == " + subflow.flow()))
                            .mapToLong(Conversation::packets).sum();
                }
                assertThat(row.packets()).isEqualTo(packets);
                // The client sends the first SYN: at least one packet each way, the client's first.
                assertThat(row.packetsAtoB()).isPositive();
                assertThat(row.packetsBtoA()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4-ipv6-join.pcap"})
    void bothAddressFamiliesHaveTheirPairs(String name) throws IOException {
        try (LoadedTrace trace = load(name)) {
            Conversations found = Conversations.of(trace, done -> { });
            assertThat(found.ipv4()).isNotEmpty();
            assertThat(found.ipv6()).isNotEmpty();
            assertThat(found.ipv6()).allMatch(pair -> pair.a().contains(":") && pair.b().contains(":"));
        }
    }
}
