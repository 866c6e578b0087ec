package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.model.AnalysisResult;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unique data-level bytes against what each sample trace's application sent (sample-traces/README.md),
 * and each subflow's share of them.
 */
class DataLevelTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "two-subflows.pcap, 600000, 0",
            "two-subflows.pcapng, 600000, 0",
            "two-subflows-nsec.pcap, 600000, 0",
            "three-subflows.pcap, 900000, 0",
            "ipv6-two-subflows.pcap, 600000, 0",
            "add-addr-remove-addr.pcap, 900000, 0",
            "dead-path.pcap, 900000, 0",
            "dss-checksum.pcap, 600000, 0",
            "checksum-fail-two-subflows.pcap, 700000, 0",
            "mp-prio-backup.pcap, 1600000, 0",
            "loss-reinjections.pcap, 1200000, 3000",
            "fastclose.pcap, 300000, 20000",
            "fastclose.pcap.gz, 300000, 20000",
            "headers-only-s96.pcap, 1500000, 0",
            "checksum-fail-one-subflow.pcap, 96256, 0", // README: the transfer stalls after 96,256 bytes
    })
    void uniqueBytesAreWhatTheApplicationSentAndTheSubflowsShareThem(String trace, long client, long server) {
        AnalysisResult result = Analysis.of(Traces.sampleTrace(trace));
        assertThat(result.connections()).hasSize(1);
        MptcpConnection c = result.connections().get(0);
        assertThat(c.data().client().uniqueBytes()).isEqualTo(client);
        assertThat(c.data().server().uniqueBytes()).isEqualTo(server);
        // The subflows' clients are the connection's client in these traces.
        assertThat(c.subflows().stream().mapToLong(s -> s.data().clientFirstSentBytes()).sum()).isEqualTo(client);
        assertThat(c.subflows().stream().mapToLong(s -> s.data().serverFirstSentBytes()).sum()).isEqualTo(server);
        assertThat(c.data().client().goodputBitsPerSecond()).isPositive();
    }

    @Test
    void withoutLossEachSubflowFirstSendsExactlyItsPayload() {
        // README: path 1 carries 270,688 bytes, path 2 249,216 and path 3 380,096, none sent twice.
        MptcpConnection c = Analysis.of(Traces.sampleTrace("three-subflows.pcap")).connections().get(0);
        assertThat(c.subflows()).extracting(s -> s.data().clientFirstSentBytes())
                .containsExactly(270_688L, 249_216L, 380_096L);
        assertThat(c.subflows()).extracting(Subflow::clientBytes).containsExactly(270_688L, 249_216L, 380_096L);
        assertThat(c.subflows()).extracting(Subflow::retransmissions).containsOnly(0L);
        assertThat(c.data().reinjectedPackets()).isZero();
    }

    @Test
    void manyShortConnectionsEachCarryTheirEightKilobytesBothWays() {
        AnalysisResult result = Analysis.of(Traces.sampleTrace("many-connections.pcap"));
        assertThat(result.connections()).hasSize(40).allSatisfy(c -> {
            assertThat(c.data().client().uniqueBytes()).isEqualTo(8000);
            assertThat(c.data().server().uniqueBytes()).isEqualTo(8000);
        });
    }

    @Test
    void theDeadPathsDataIsReinjectedInBurstsOntoTheLivingPath() {
        MptcpConnection c = Analysis.of(Traces.sampleTrace("dead-path.pcap")).connections().get(0);
        Subflow living = c.subflows().get(0);
        Subflow dead = c.subflows().get(1);
        assertThat(dead.join()).isTrue();
        assertThat(living.data().clientReinjectedBytes()).isEqualTo(c.data().reinjectedBytes()).isPositive();
        assertThat(dead.data().clientReinjectedBytes()).isZero();
        assertThat(c.data().reinjections()).allSatisfy(r -> {
            assertThat(r.fromFlow()).isEqualTo(dead.flow());
            assertThat(r.toFlow()).isEqualTo(living.flow());
            assertThat(r.packet()).isGreaterThanOrEqualTo(1362); // README: re-sent from frame 1362 on
        });
        var bursts = c.events().stream().filter(e -> e.type() == EventType.REINJECTION_BURST).toList();
        assertThat(bursts).isNotEmpty().first().satisfies(b -> assertThat(b.packet()).isEqualTo(1362));
        int inBursts = bursts.stream().mapToInt(b -> Integer.parseInt(b.detail().substring(0, b.detail().indexOf(' ')))).sum();
        assertThat(inBursts).isEqualTo(c.data().reinjections().size());
    }
}
