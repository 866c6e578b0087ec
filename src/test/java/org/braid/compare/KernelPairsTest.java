package org.braid.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.PcapngWriter;
import org.braid.io.TraceReader;
import org.braid.model.MptcpConnection;
import org.braid.model.Reinjection;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel pairs of sample-traces/pairs: one transfer captured at the client and at the server,
 * through a router namespace whose nftables counters say how many packets it dropped.
 */
class KernelPairsTest {
    /** The router's nft counters when the committed pairs were made (sample-traces/pairs/*-drops.txt). */
    private static final long DEAD_PATH_DROPPED_ON_PATH_2 = 76;
    private static final long PATH_LOSS_DROPPED_ON_PATH_2 = 9;
    private static final long SHIFT_NANOS = 12_345_678_000L;
    private static final long TOLERANCE_NANOS = 100_000;

    private static Path pair(String name, String end) {
        return Traces.sampleTrace("pairs/" + name + "-" + end + ".pcap");
    }

    private static Comparison compare(String name) throws IOException {
        return Comparer.compare(pair(name, "client"), pair(name, "server"));
    }

    /** Copies a trace with every timestamp mapped through {@code time}, as pcapng. */
    static Path retimed(Path trace, Path target, LongUnaryOperator time) throws IOException {
        try (PacketSource source = TraceReader.open(trace);
                PcapngWriter writer = PcapngWriter.atomic(target, "retimed copy")) {
            Frame frame = new Frame();
            Frame copy = new Frame();
            while (source.next(frame)) {
                ByteBuffer bytes = ByteBuffer.wrap(frame.copyBytes());
                copy.set(bytes, 0, frame.capturedLength(), frame.originalLength(), frame.linkType(),
                        frame.interfaceId(), time.applyAsLong(frame.timestampNanos()), frame.packetNumber(),
                        frame.fileOffset());
                writer.write(copy);
            }
        }
        return target;
    }

    @Test
    void clockOffsetIsRecoveredFromAShiftedCopy(@TempDir Path dir) throws IOException {
        for (String name : List.of("dead-path", "path-loss")) {
            Path shifted = retimed(pair(name, "server"), dir.resolve(name + "-shifted.pcapng"), t -> t + SHIFT_NANOS);
            ClockEstimate clock = Comparer.compare(pair(name, "client"), shifted).clock();
            // Both namespaces share one kernel clock: the true offset is the shift itself.
            long error = Math.abs(clock.offsetNanos() - SHIFT_NANOS);
            assertThat(error).as(name).isLessThanOrEqualTo(Math.min(TOLERANCE_NANOS, clock.uncertaintyNanos()));
            ClockEstimate back = Comparer.compare(shifted, pair(name, "client")).clock();
            assertThat(Math.abs(back.offsetNanos() + SHIFT_NANOS)).as(name + " reversed")
                    .isLessThanOrEqualTo(Math.min(TOLERANCE_NANOS, back.uncertaintyNanos()));
        }
    }

    @Test
    void driftIsRecoveredFromAStretchedCopy(@TempDir Path dir) throws IOException {
        double ppm = 200;
        Path server = pair("dead-path", "server");
        long origin = Comparer.compare(server, server).a().time(0);
        Path stretched = retimed(server, dir.resolve("stretched.pcapng"),
                t -> t + SHIFT_NANOS + Math.round((t - origin) * ppm / 1e6));
        ClockEstimate clock = Comparer.compare(pair("dead-path", "client"), stretched).clock();
        assertThat(clock.driftPpm()).isNotNull();
        assertThat(Math.abs(clock.driftPpm() - ppm)).isLessThanOrEqualTo(3 * clock.driftUncertaintyPpm() + 10);
        assertThat(clock.driftApplied()).isTrue();
    }

    /**
     * Source NAT between the capture points: the server's capture sees the client's path-1 address
     * 10.1.0.1 as 192.168.73.89. Both have the same ones'-complement sum, so the IP and TCP checksums
     * stay right without rewriting them.
     */
    static Path natted(Path trace, Path target) throws IOException {
        return natted(trace, target, 1);
    }

    /** The same, keeping packets from number {@code first} on: a capture started late. */
    static Path natted(Path trace, Path target, long first) throws IOException {
        byte[] from = {10, 1, 0, 1};
        byte[] to = {(byte) 192, (byte) 168, 73, 89};
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        try (PacketSource source = TraceReader.open(trace);
                PcapngWriter writer = PcapngWriter.atomic(target, "source NAT")) {
            Frame frame = new Frame();
            Frame copy = new Frame();
            while (source.next(frame)) {
                if (frame.packetNumber() < first) {
                    continue;
                }
                decoder.decode(frame, packet);
                byte[] bytes = frame.copyBytes();
                if (packet.ipVersion() == 4) {
                    for (int field : new int[] {packet.ipOffset() + 12, packet.ipOffset() + 16}) {
                        if (Arrays.equals(bytes, field, field + 4, from, 0, 4)) {
                            System.arraycopy(to, 0, bytes, field, 4);
                        }
                    }
                }
                copy.set(ByteBuffer.wrap(bytes), 0, frame.capturedLength(), frame.originalLength(), frame.linkType(),
                        frame.interfaceId(), frame.timestampNanos(), frame.packetNumber(), frame.fileOffset());
                writer.write(copy);
            }
        }
        return target;
    }

    @Test
    void subflowsAreMatchedBehindNat(@TempDir Path dir) throws IOException {
        Path server = natted(pair("dead-path", "server"), dir.resolve("natted.pcapng"));
        Comparison c = Comparer.compare(pair("dead-path", "client"), server);
        ConnectionMatch match = c.connections().get(0).match();
        assertThat(match.b().client().address()).isEqualTo("192.168.73.89");
        assertThat(match.a().client().address()).isEqualTo("10.1.0.1");
        assertThat(match.subflows()).allMatch(s -> s.flowB() != null);
        assertThat(c.matched()).isEqualTo(compare("dead-path").matched());
        assertThat(networkLoss(c, "10.2.0.1")).isEqualTo(DEAD_PATH_DROPPED_ON_PATH_2);
    }

    @Test
    void withoutKeysOrTokensConnectionsAreMatchedBySequenceNumbers(@TempDir Path dir) throws IOException {
        // Started after the handshakes: the server's capture holds no key and no token.
        Path server = natted(pair("dead-path", "server"), dir.resolve("late.pcapng"), 40);
        Comparison c = Comparer.compare(pair("dead-path", "client"), server);
        assertThat(c.connections()).hasSize(1);
        ConnectionMatch match = c.connections().get(0).match();
        assertThat(match.b().clientKey()).isNull();
        assertThat(match.b().serverToken()).isNull();
        assertThat(match.matchedBy()).isEqualTo("sequence numbers");
        // The 39 packets the client's capture holds from before the server's capture started are
        // listed, not counted as lost.
        assertThat(c.losses().stream().filter(l -> l.kind() == Loss.Kind.OUTSIDE_CAPTURE && l.inA()).count())
                .isEqualTo(39);
        assertThat(networkLoss(c, "10.2.0.1")).isEqualTo(DEAD_PATH_DROPPED_ON_PATH_2);
    }

    @Test
    void packetsTheReceiversCaptureMissedAreNotNetworkLoss(@TempDir Path dir) throws IOException {
        // The server's capture loses every 25th data packet the client sent on path 1.
        Path lossy = dir.resolve("lossy.pcapng");
        int deleted = 0;
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        try (PacketSource source = TraceReader.open(pair("path-loss", "server"));
                PcapngWriter writer = PcapngWriter.atomic(lossy, "capture loss")) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                decoder.decode(frame, packet);
                if (frame.packetNumber() % 25 == 0 && packet.hasTcp() && packet.payloadWireLength() > 0
                        && packet.sourceAddress().equals("10.1.0.1")) {
                    deleted++;
                    continue;
                }
                writer.write(frame);
            }
        }
        Comparison c = Comparer.compare(pair("path-loss", "client"), lossy);
        long captureLoss = c.losses().stream().filter(l -> l.kind() == Loss.Kind.RECEIVER_CAPTURE).count();
        assertThat(deleted).isPositive();
        assertThat(captureLoss).isEqualTo(deleted);
        assertThat(networkLoss(c, "10.1.0.1")).isZero();
        assertThat(networkLoss(c, "10.2.0.1")).isEqualTo(PATH_LOSS_DROPPED_ON_PATH_2);
    }

    @Test
    void withPacketsMatchedOneWayOnlyTheClockAndTheLossesAreUnknown(@TempDir Path dir) throws IOException {
        // The server's capture keeps only what the client sent: nothing bounds the offset from below.
        Path oneWay = dir.resolve("one-way.pcapng");
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        try (PacketSource source = TraceReader.open(pair("path-loss", "server"));
                PcapngWriter writer = PcapngWriter.atomic(oneWay, "one way")) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                decoder.decode(frame, packet);
                if (packet.hasTcp() && packet.sourcePort() != 5201) {
                    writer.write(frame);
                }
            }
        }
        Comparison c = Comparer.compare(pair("path-loss", "client"), oneWay);
        assertThat(c.matched()).isPositive();
        assertThat(c.clock().known()).isFalse();
        assertThat(c.clock().uncertaintyNanos()).isNull();
        assertThat(c.losses()).isNotEmpty().allMatch(l -> l.kind() == Loss.Kind.UNJUDGED);
        for (SubflowComparison s : c.connections().get(0).subflows()) {
            assertThat(s.networkLossClient()).isNull();
            assertThat(s.clientToServer().count()).isZero();
            assertThat(s.clientToServer().medianNanos()).isNull();
        }
        assertThat(c.twins().delay(c.twins().twinOfB(0))).isEqualTo(Comparison.Twins.NO_DELAY);
    }

    @Test
    void networkLossEqualsTheRoutersCounters() throws IOException {
        assertThat(networkLoss(compare("dead-path"), "10.2.0.1")).isEqualTo(DEAD_PATH_DROPPED_ON_PATH_2);
        assertThat(networkLoss(compare("dead-path"), "10.1.0.1")).isZero();
        assertThat(networkLoss(compare("path-loss"), "10.2.0.1")).isEqualTo(PATH_LOSS_DROPPED_ON_PATH_2);
        assertThat(networkLoss(compare("path-loss"), "10.1.0.1")).isZero();
    }

    /**
     * The PMTU pair: the router's path-2 link towards the server has an MTU of 1280, so it refuses
     * the client's bigger segments on subflow 1 with ICMP "fragmentation needed" (frames 28-32, 38,
     * 45, 55, 56 and 62 of the client's capture, as tshark lists them); its nft counters drop
     * nothing. Each of the 10 segments lost in the network is named with the error that quotes it,
     * which arrives after it; the drop-counting pairs have none.
     */
    @Test
    void segmentsARouterRefusedNameItsIcmpError() throws IOException {
        Comparison c = compare("pmtu");
        SubflowComparison refusedOn = c.connections().get(0).subflows().get(1);
        assertThat(refusedOn.networkLossClient()).isEqualTo(10);
        assertThat(refusedOn.refusedClient()).isEqualTo(10);
        assertThat(c.connections().get(0).subflows().get(0).refusedClient()).isZero();
        Set<Long> errors = Set.of(28L, 29L, 30L, 31L, 32L, 38L, 45L, 55L, 56L, 62L);
        List<Loss> network = c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK).toList();
        assertThat(network).hasSize(10).allSatisfy(l -> {
            assertThat(l.inA()).isTrue();
            assertThat(errors).contains(l.icmpErrorPacket());
            assertThat(l.icmpErrorPacket()).isGreaterThan(l.packet());
            assertThat(l.icmpError()).isEqualTo(
                    "ICMP \"Destination unreachable (Fragmentation needed)\", next-hop MTU 1280 from 10.2.0.254");
        });
        assertThat(network.stream().map(Loss::icmpErrorPacket).distinct().count()).isEqualTo(10);
        for (String name : List.of("dead-path", "path-loss")) {
            assertThat(compare(name).losses()).allSatisfy(l -> assertThat(l.icmpErrorPacket()).isNull());
        }
    }

    @Test
    void theLossIsFoundFromEitherSide() throws IOException {
        Comparison reversed = Comparer.compare(pair("dead-path", "server"), pair("dead-path", "client"));
        assertThat(reversed.connections().get(0).aNearClient()).isFalse();
        assertThat(networkLoss(reversed, "10.2.0.1")).isEqualTo(DEAD_PATH_DROPPED_ON_PATH_2);
    }

    /** Network losses on the subflows the client opened from {@code clientAddress}. */
    private static long networkLoss(Comparison c, String clientAddress) {
        long lost = 0;
        for (ConnectionComparison cc : c.connections()) {
            for (SubflowComparison s : cc.subflows()) {
                if (cc.match().a().subflows().get(s.position()).client().address().equals(clientAddress)) {
                    lost += s.networkLossClient() + s.networkLossServer();
                }
            }
        }
        long listed = c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK).count();
        assertThat(listed).isEqualTo(c.connections().stream().flatMap(cc -> cc.subflows().stream())
                .mapToLong(s -> s.networkLossClient() + s.networkLossServer()).sum());
        return lost;
    }

    @Test
    void onTheDeadPathEveryReinjectionOfLostDataIsUseful() throws IOException {
        Comparison c = compare("dead-path");
        Set<Long> lost = new HashSet<>();
        c.losses().stream().filter(l -> l.kind() == Loss.Kind.NETWORK && l.inA()).forEach(l -> lost.add(l.packet()));
        MptcpConnection sender = c.connections().get(0).match().a();
        int ofLostData = 0;
        for (Reinjection r : sender.data().reinjections()) {
            ReinjectionOutcome outcome = c.reinjections().stream().filter(o -> o.inA() && o.packet() == r.packet())
                    .findFirst().orElseThrow();
            if (r.originalPackets().stream().anyMatch(lost::contains)) {
                ofLostData++;
                assertThat(outcome.useful()).as("reinjection #%d", r.packet()).isTrue();
                assertThat(outcome.verdict()).isEqualTo(ReinjectionOutcome.Verdict.NEEDED);
            }
            if (outcome.verdict() == ReinjectionOutcome.Verdict.REDUNDANT) {
                assertThat(r.originalPackets()).allMatch(p -> c.twins().twinOfA((int) (p - 1)) >= 0);
            }
        }
        assertThat(ofLostData).isPositive();
        assertThat(c.connections().get(0).usefulBytes()).isPositive();
    }

    @Test
    void everyPacketIsMatchedOrAccountedFor() throws IOException {
        Comparison c = compare("path-loss");
        assertThat(c.matched() + c.onlyInA()).isEqualTo(c.a().packets());
        assertThat(c.matched() + c.onlyInB()).isEqualTo(c.b().packets());
        for (int i = 0; i < c.a().packets(); i++) {
            int j = c.twins().twinOfA(i);
            if (j >= 0) {
                assertThat(c.twins().twinOfB(j)).isEqualTo(i);
                assertThat(c.twins().delay(i)).isGreaterThanOrEqualTo(-c.clock().uncertaintyNanos());
            }
        }
    }

    @Test
    void headOfLineWaitsNameTheSubflowThatHeldTheGap() throws IOException {
        Comparison c = compare("dead-path");
        assertThat(c.holWaits()).isNotEmpty();
        for (HolWait w : c.holWaits()) {
            assertThat(w.inA()).isFalse(); // the client sends: the receiver is the server, capture B
            if (w.waitNanos() != null) {
                assertThat(w.waitNanos()).isNotNegative();
                assertThat(w.blockingSubflow()).isNotNull();
            }
        }
        assertThat(c.connections().get(0).blockedShare()).isBetween(0.0, 1.0);
        // Data stuck on the dead subflow 1 reached the server as reinjections on subflow 0: those
        // gaps were held by subflow 1 and filled by subflow 0.
        assertThat(c.holWaits()).anyMatch(w -> Integer.valueOf(1).equals(w.blockingSubflow())
                && Integer.valueOf(0).equals(w.filledBySubflow()));
    }
}
