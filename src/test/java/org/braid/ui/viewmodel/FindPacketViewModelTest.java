package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.braid.render.DetailNode;
import org.braid.testing.Traces;
import org.braid.ui.find.FindQuery;
import org.braid.ui.packets.PacketDecoding;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.tasks.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Edit > Find Packet without the window: each search runs at once on the test's thread. */
class FindPacketViewModelTest {
    private static final Path V1 = Traces.publicTrace("tcpdump-mptcp-v1.pcap");

    private final Preferences node = Preferences.userRoot().node("org/braid/find-test/" + System.nanoTime());
    private final MainViewModel model = new MainViewModel(new CurrentThreadTaskExecutor(), new UiPreferences(node));
    private final FindPacketViewModel find = model.find();

    @AfterEach
    void close() throws BackingStoreException {
        model.dispose();
        node.removeNode();
    }

    private int[] shownBy(String filter) {
        model.filterBy(filter);
        int[] shown = model.rowsProperty().get().stream().mapToInt(row -> row.index()).toArray();
        model.filterBy("");
        return shown;
    }

    @Test
    void aDisplayFilterFindsTheNextAndPreviousMatchAndWrapsAtTheEnds() {
        model.open(V1);
        int[] dss = shownBy("mptcp.subtype == 2");
        assertThat(dss.length).isGreaterThan(2);
        model.select(0);
        find.textProperty().set("mptcp.subtype == 2");

        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[0]);
        assertThat(find.statusProperty().get()).isEqualTo("Packet " + (dss[0] + 1));
        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[1]);
        find.findPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[0]);

        model.select(dss[dss.length - 1]);
        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[0]);
        assertThat(find.statusProperty().get()).contains("past the end");
        find.findPrevious();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[dss.length - 1]);
        assertThat(find.statusProperty().get()).contains("past the beginning");
    }

    @Test
    void onlyShownRowsAreSearched() {
        model.open(V1);
        int[] dss = shownBy("mptcp.subtype == 2");
        model.filterBy("!(mptcp.subtype == 2)");
        find.textProperty().set("mptcp.subtype == 2");

        find.findNext();

        assertThat(find.statusProperty().get()).isEqualTo("No packet matched");
        assertThat(model.selectedProperty().get()).isNotIn(Arrays.stream(dss).boxed().toList());
    }

    @Test
    void anInvalidQueryIsToldAndSelectsNothing() {
        model.open(V1);
        model.select(3);
        find.textProperty().set("mptcp.subtyp == 2");
        assertThat(find.invalidProperty().get()).isTrue();
        assertThat(find.statusProperty().get()).startsWith("Invalid filter");

        find.kindProperty().set(FindQuery.Kind.HEX_VALUE);
        find.textProperty().set("1e 2");
        assertThat(find.invalidProperty().get()).isTrue();
        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(3);
        assertThat(find.statusProperty().get()).startsWith("Not a hex value");
    }

    @Test
    void aHexValueFindsTheFirstPacketAfterTheSelectedOneHoldingThoseBytes() {
        model.open(V1);
        int target = 9;
        byte[] needle = sequenceAndAckBytes(target);
        model.select(0);
        find.kindProperty().set(FindQuery.Kind.HEX_VALUE);
        find.textProperty().set(hex(needle));

        find.findNext();

        int found = model.selectedProperty().get();
        assertThat(found).isBetween(1, target);
        PacketDecoding decoding = new PacketDecoding(model.traceProperty().get());
        for (int i = 1; i <= found; i++) {
            assertThat(decoding.load(i)).isTrue();
            assertThat(indexOf(decoding.frame().copyBytes(), needle) >= 0).as("packet %d", i + 1).isEqualTo(i == found);
        }
    }

    @Test
    void aStringIsFoundInTheListTextOrInTheDetailsTree() {
        model.open(V1);
        int[] dss = shownBy("mptcp.subtype == 2");
        int[] syn = shownBy("tcp.flags.syn == 1");
        model.select(0);
        find.kindProperty().set(FindQuery.Kind.STRING);
        find.whereProperty().set(FindQuery.Where.PACKET_LIST);
        find.textProperty().set("dss ");

        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(dss[0]);

        find.caseSensitiveProperty().set(true);
        find.findNext();
        assertThat(find.statusProperty().get()).isEqualTo("No packet matched");

        model.select(syn[syn.length - 1]);
        find.caseSensitiveProperty().set(false);
        find.whereProperty().set(FindQuery.Where.PACKET_DETAILS);
        find.textProperty().set("window scale");
        find.findNext();
        assertThat(model.selectedProperty().get()).isEqualTo(syn[0]);
    }

    /** Find in the details searches the tree the pane shows: relative TCP numbers unless absolute ones are chosen. */
    @Test
    void theDetailsSearchedAreTheDetailsShown() {
        model.open(V1);
        model.select(0);
        find.kindProperty().set(FindQuery.Kind.STRING);
        find.whereProperty().set(FindQuery.Where.PACKET_DETAILS);
        find.textProperty().set("relative sequence number");
        find.findNext();
        int found = model.selectedProperty().get();
        assertThat(find.statusProperty().get()).startsWith("Packet ");
        assertThat(find(model.details().detailsProperty().get().tree(), "Sequence number: ").text())
                .contains("relative sequence number");

        model.absoluteSequenceProperty().set(true);
        find.findNext();
        assertThat(find.statusProperty().get()).isEqualTo("No packet matched");
        assertThat(model.selectedProperty().get()).isEqualTo(found);
    }

    /** The eight bytes of the TCP sequence and acknowledgement numbers, found through the details tree. */
    private byte[] sequenceAndAckBytes(int index) {
        model.select(index);
        var details = model.details().detailsProperty().get();
        DetailNode sequence = find(details.tree(), "Sequence number: ");
        assertThat(sequence).isNotNull();
        return Arrays.copyOfRange(details.bytes(), sequence.offset(), sequence.offset() + 8);
    }

    private static DetailNode find(java.util.List<DetailNode> nodes, String prefix) {
        for (DetailNode node : nodes) {
            if (node.text().startsWith(prefix)) {
                return node;
            }
            DetailNode child = find(node.children(), prefix);
            if (child != null) {
                return child;
            }
        }
        return null;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format(java.util.Locale.ROOT, "%02x ", b & 0xff));
        }
        return text.toString().trim();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
