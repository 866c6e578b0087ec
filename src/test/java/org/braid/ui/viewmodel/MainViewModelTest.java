package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.decode.MptcpSubtype;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.packets.LiveTrace;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketSort;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.tasks.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's state without the window: every task runs at once on the test's thread, so
 * opening, filtering, selecting and live refreshes are checked in milliseconds, without JavaFX's toolkit.
 */
class MainViewModelTest {
    private static final Path V0 = Traces.publicTrace("tcpdump-mptcp-v0.pcap");
    private static final Path V1 = Traces.publicTrace("tcpdump-mptcp-v1.pcap");
    private static final Path DEAD_PATH = Traces.sampleTrace("dead-path.pcap");

    private final Preferences node = Preferences.userRoot().node("org/braid/ui-test/" + System.nanoTime());
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final MainViewModel model = new MainViewModel(tasks, new UiPreferences(node));
    private final List<UserMessage> messages = new ArrayList<>();

    MainViewModelTest() {
        model.setMessageHandler(messages::add);
    }

    @AfterEach
    void close() throws BackingStoreException {
        model.dispose();
        node.removeNode();
    }

    @Test
    void openingShowsEveryPacketAndSelectsTheFirst() {
        model.open(V1);

        assertThat(model.traceProperty().get().path()).isEqualTo(V1);
        assertThat(model.rowsProperty().get().size()).isEqualTo(20);
        assertThat(model.selectedProperty().get()).isZero();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.taskTextProperty().get()).isEqualTo("Loaded 20 packets");
        assertThat(model.countTextProperty().get()).isEqualTo("Packets: 20");
        assertThat(model.recentFiles()).containsExactly(V1.toAbsolutePath().normalize());
        assertThat(messages).isEmpty();
    }

    @Test
    void aTraceWithoutMptcpLeavesNoTablesOfThePreviousTrace() {
        model.open(Traces.sampleTrace("dss-checksum.pcap"));
        assertThat(model.analysis().checksums()).isNotEmpty();
        assertThat(model.analysis().events()).isNotEmpty();

        model.open(Traces.sampleTrace("other-protocols.pcap"));

        assertThat(model.analysis().connections()).allMatch(group -> group.children().isEmpty());
        assertThat(model.analysis().checksums()).isEmpty();
        assertThat(model.analysis().events()).isEmpty();
        assertThat(model.analysis().reinjections()).isEmpty();
        assertThat(model.analysis().checksumsNegotiatedProperty().get()).isFalse();
    }

    @Test
    void theDetailsShowRelativeTcpNumbersWithTheRawOnesUnlessAbsoluteIsChosen() {
        model.open(V1);
        model.select(1); // the SYN/ACK: its sequence number is its direction's first, its ACK the SYN's plus one

        DetailNode tcp = tcpNode();
        assertThat(tcp.text()).contains("Seq: 0, Ack: 1,");
        List<String> lines = tcp.children().stream().map(DetailNode::text).toList();
        assertThat(lines).contains("Sequence number: 0    (relative sequence number)",
                "Acknowledgment number: 1    (relative ack number)");
        assertThat(lines).anyMatch(line -> line.startsWith("Sequence number (raw): "));
        // Apply as Filter on the relative line would give a wrong filter: tcp.seq is absolute.
        DetailNode relative = tcp.children().stream().filter(n -> n.text().endsWith("(relative sequence number)"))
                .findFirst().orElseThrow();
        assertThat(org.braid.ui.packets.DetailFields.of(relative)).isEmpty();

        model.absoluteSequenceProperty().set(true);

        assertThat(tcpNode().text()).doesNotContain("Seq: 0,");
        assertThat(tcpNode().children()).noneMatch(n -> n.text().contains("relative"));
        model.absoluteSequenceProperty().set(false);
    }

    private DetailNode tcpNode() {
        return model.details().detailsProperty().get().tree().stream()
                .filter(n -> n.text().startsWith("Transmission Control Protocol")).findFirst().orElseThrow();
    }

    @Test
    void stepMovesOverTheShownRowsAndStopsAtTheEnds() {
        model.open(V1);
        model.filterBy("mptcp.subtype == 2");
        int[] shown = model.rowsProperty().get().stream().mapToInt(row -> row.index()).toArray();
        assertThat(shown.length).isGreaterThan(2);
        model.select(shown[0]);

        model.step(1);
        assertThat(model.selectedProperty().get()).isEqualTo(shown[1]);
        model.step(-1);
        model.step(-1);
        assertThat(model.selectedProperty().get()).isEqualTo(shown[0]);
        model.step(Integer.MAX_VALUE);
        assertThat(model.selectedProperty().get()).isEqualTo(shown[shown.length - 1]);
        assertThat(model.details().detailsProperty().get().packetNumber()).isEqualTo(shown[shown.length - 1] + 1L);
    }

    @Test
    void goToPacketSelectsItOrSaysWhyNot() {
        model.open(V1);

        assertThat(model.goToPacket(20)).isTrue();
        assertThat(model.selectedProperty().get()).isEqualTo(19);
        assertThat(model.goToPacket(21)).isFalse();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).header()).isEqualTo("No packet 21");
        assertThat(messages.get(0).details()).isEqualTo("Packets are numbered 1 to 20.");

        model.filterBy("tcp.flags.syn == 1");
        assertThat(model.goToPacket(20)).isFalse();
        assertThat(messages.get(1).header()).isEqualTo("Packet 20 is hidden");
        assertThat(model.selectedProperty().get()).as("the filter hid the selection").isEqualTo(-1);
    }

    @Test
    void revealWidensTheFilterToThePacketsConnection() throws IOException {
        PacketColumns columns = analyze(DEAD_PATH);
        int reinjection = 0;
        while (columns.reinjectionOf(reinjection) == PacketColumns.NO_PACKET) {
            reinjection++;
        }
        int original = columns.reinjectionOf(reinjection);
        int flow = columns.flowOfPacket(reinjection);
        assertThat(columns.flowOfPacket(original)).isNotEqualTo(flow);
        model.open(DEAD_PATH);
        model.filterBy("tcp.stream == " + flow);
        model.select(reinjection);

        model.reveal(original);

        assertThat(model.selectedProperty().get()).isEqualTo(original);
        assertThat(model.filterBar().appliedProperty().get()).isEqualTo("mptcp.connection == 0");
        assertThat(model.rowsProperty().get().rowOf(reinjection)).as("the connection's other subflow").isNotNegative();
    }

    @Test
    void theAppliedFilterCarriesOverToTheNextTrace() throws IOException {
        model.open(V0);
        model.filterBy("mptcp.subtype == 2");
        // Typed but not applied: the next trace is filtered by what was applied.
        model.filterBar().textProperty().set("tcp.port == 1");

        model.open(V1);

        long dss = count(V1, MptcpSubtype.DSS);
        assertThat(model.rowsProperty().get().size()).isEqualTo((int) dss);
        assertThat(model.filterBar().appliedProperty().get()).isEqualTo("mptcp.subtype == 2");
    }

    @Test
    void aFilterAppliedDuringALoadAppliesToTheLoadedTrace() throws IOException {
        tasks.hold();
        model.open(V1);
        model.filterBy("mptcp.subtype == 2");
        assertThat(model.busyProperty().get()).isTrue();

        tasks.release();

        assertThat(model.rowsProperty().get().size()).isEqualTo((int) count(V1, MptcpSubtype.DSS));
    }

    @Test
    void openingAnotherTraceDuringALoadReplacesIt() {
        tasks.hold();
        model.open(V0);
        model.open(V1);
        tasks.release();

        assertThat(model.traceProperty().get().path()).isEqualTo(V1);
        assertThat(model.taskTextProperty().get()).isEqualTo("Loaded 20 packets");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(messages).isEmpty();
    }

    @Test
    void aCancelledLoadKeepsTheShownTrace() {
        model.open(V1);
        tasks.hold();
        model.open(V0);
        model.cancel();
        tasks.release();

        assertThat(model.traceProperty().get().path()).isEqualTo(V1);
        assertThat(model.taskTextProperty().get()).isEqualTo("Load of tcpdump-mptcp-v0.pcap cancelled");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aCorruptFileIsReportedAndTheShownTraceStays(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        model.open(V1);
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.pcap"), "not a trace at all, just text");

        model.open(junk);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(messages.get(0).title()).isEqualTo("Cannot open trace");
        assertThat(model.traceProperty().get().path()).isEqualTo(V1);
    }

    @Test
    void liveSnapshotsGrowTheListKeepingTheSelectionAndReapplyingTheFilter() throws IOException {
        LiveTrace live = new LiveTrace("Live capture on lo", "capture filter \"\"");
        int[] fed = {0};
        try (PacketSource source = TraceReader.open(V1)) {
            PacketPass.run(source, (frame, packet) -> {
                if (fed[0]++ < 10) {
                    live.onPacket(frame, packet);
                }
            });
        }
        LoadedTrace first = live.snapshot();
        model.showLive(first, true, false);
        model.filterBy("tcp.flags.syn == 1");
        int syn = model.rowsProperty().get().packetIndex(0);
        model.select(syn);

        try (PacketSource source = TraceReader.open(V1)) {
            int[] seen = {0};
            PacketPass.run(source, (frame, packet) -> {
                if (seen[0]++ >= 10) {
                    live.onPacket(frame, packet);
                }
            });
        }
        model.showLive(live.snapshot(), false, true);

        assertThat(model.traceProperty().get().index().size()).isEqualTo(20);
        assertThat(model.selectedProperty().get()).isEqualTo(syn);
        assertThat(model.filterBar().appliedProperty().get()).isEqualTo("tcp.flags.syn == 1");
        assertThat(model.rowsProperty().get().size()).isEqualTo(
                (int) TraceFactsCount.count(V1, p -> p.hasTcpFlag(org.braid.decode.DecodedPacket.TCP_SYN)));
        assertThat(model.analysis().connections()).isNotEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("Live capture on lo - Braid");
    }

    @Test
    void aSortOrdersTheRowsAndSurvivesTheNextFilter() {
        model.open(DEAD_PATH);
        model.select(5);
        model.sortBy(new PacketSort(StandardColumn.LENGTH, false));

        var rows = model.rowsProperty().get();
        var index = model.traceProperty().get().index();
        assertThat(index.originalLength(rows.packetIndex(0))).isGreaterThanOrEqualTo(index.originalLength(rows.packetIndex(1)));
        assertThat(model.selectedProperty().get()).as("the selection stays").isEqualTo(5);
        model.step(1);
        assertThat(model.selectedProperty().get()).isEqualTo(rows.packetIndex(rows.rowOf(5) + 1));

        model.filterBy("mptcp.subflow == 1");
        rows = model.rowsProperty().get();
        for (int row = 1; row < rows.size(); row++) {
            assertThat(index.originalLength(rows.packetIndex(row - 1))).isGreaterThanOrEqualTo(
                    index.originalLength(rows.packetIndex(row)));
        }
        model.sortBy(null);
        assertThat(model.rowsProperty().get().packetIndex(0)).isLessThan(model.rowsProperty().get().packetIndex(1));
    }

    @Test
    void exportsAreNamedAfterTheTraceAndReadableByAll(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        model.open(V1);
        assertThat(model.export().baseName()).isEqualTo("tcpdump-mptcp-v1");
        Path target = dir.resolve(model.export().baseName() + "-displayed.pcapng");

        model.export().exportPackets(target);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).header()).isEqualTo("Export packets: done");
        assertThat(java.nio.file.Files.getPosixFilePermissions(target))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void marksToggleStepInTheListsOrderAndExportAlone(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        model.open(DEAD_PATH);
        for (int packet : new int[] {40, 10, 30}) {
            model.select(packet);
            model.toggleMark();
        }
        model.select(30);
        model.toggleMark(); // unmarked again
        assertThat(model.markedPackets()).containsExactly(10, 40);
        assertThat(model.markedCountProperty().get()).isEqualTo(2);

        model.select(0);
        assertThat(model.stepMarked(1)).isTrue();
        assertThat(model.selectedProperty().get()).isEqualTo(10);
        assertThat(model.stepMarked(1)).isTrue();
        assertThat(model.selectedProperty().get()).isEqualTo(40);
        assertThat(model.stepMarked(1)).isFalse();
        assertThat(model.stepMarked(-1)).isTrue();
        assertThat(model.selectedProperty().get()).isEqualTo(10);

        Path target = dir.resolve("marked.pcapng");
        model.exportMarked(target);
        assertThat(messages.get(messages.size() - 1).details()).isEqualTo("2 packets written to " + target);

        model.open(V1);
        assertThat(model.markedPackets()).as("marks belong to their trace").isEmpty();
    }

    private static PacketColumns analyze(Path trace) throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, analyzer);
        }
        return analyzer.columns();
    }

    private static long count(Path trace, MptcpSubtype subtype) throws IOException {
        return TraceFactsCount.count(trace, p -> p.firstMptcpOption(subtype) != null);
    }

    /** Counts straight from the decoder, to check the view model against. */
    private static final class TraceFactsCount {
        static long count(Path trace, java.util.function.Predicate<org.braid.decode.DecodedPacket> which)
                throws IOException {
            long[] count = new long[1];
            try (PacketSource source = TraceReader.open(trace)) {
                PacketPass.run(source, (frame, packet) -> count[0] += which.test(packet) ? 1 : 0);
            }
            return count[0];
        }
    }
}
