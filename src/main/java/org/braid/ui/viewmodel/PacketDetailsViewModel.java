package org.braid.ui.viewmodel;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.braid.render.DetailNode;
import org.braid.ui.analysis.ShownDetails;
import org.braid.ui.bytes.HexDump;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketDecoding;

/**
 * The details tree and bytes pane of the selected packet, decoded on demand, with the analysis's
 * section appended. Selecting a tree node highlights its bytes; following a link node (one that
 * names another packet) jumps there.
 */
public final class PacketDetailsViewModel {
    /** One decoded packet: its number, details tree, captured bytes, and its link nodes (by identity) to packet indexes. */
    public record PacketDetails(long packetNumber, List<DetailNode> tree, byte[] bytes, Map<DetailNode, Integer> links) {}

    private final ReadOnlyObjectWrapper<PacketDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObjectProperty<DetailNode> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<List<HexDump.Segment>> bytes =
            new ReadOnlyObjectWrapper<>(this, "bytes", List.of());
    private LoadedTrace trace;
    private PacketDecoding decoding;
    private IntConsumer follow = index -> { };
    /** True when the TCP numbers are to be shown absolute (View > Absolute TCP Sequence Numbers). */
    private BooleanSupplier absolute = () -> false;

    public PacketDetailsViewModel() {
        details.addListener((o, was, now) -> selectedNode.set(null));
        selectedNode.addListener((o, was, now) -> updateBytes());
        details.addListener((o, was, now) -> updateBytes());
    }

    /** Shows packet {@code index} of {@code trace}; a null trace or negative index clears the panes. */
    @SuppressWarnings("ReferenceEquality") // identity: a new load, even of equal content, decodes afresh
    public void show(LoadedTrace newTrace, int index) {
        if (newTrace != trace) {
            trace = newTrace;
            decoding = newTrace == null ? null : new PacketDecoding(newTrace);
        }
        if (decoding == null || index < 0 || !decoding.load(index)) {
            details.set(null);
            return;
        }
        ShownDetails shown = ShownDetails.of(trace, index, decoding, absolute.getAsBoolean());
        details.set(new PacketDetails(decoding.frame().packetNumber(), shown.nodes(), decoding.frame().copyBytes(),
                shown.links()));
    }

    /** Where the choice of absolute TCP numbers is read; the main view model sets it. */
    void setAbsoluteSequence(BooleanSupplier choice) {
        this.absolute = choice;
    }

    /** Where following a link goes; the main view model sets it. */
    void setFollowHandler(IntConsumer handler) {
        this.follow = handler;
    }

    /** True when {@code node} of the shown packet names another packet. */
    public boolean isLink(DetailNode node) {
        PacketDetails shown = details.get();
        return shown != null && node != null && shown.links().containsKey(node);
    }

    /** Jumps to the packet {@code node} names; false when it is no link. */
    public boolean follow(DetailNode node) {
        if (!isLink(node)) {
            return false;
        }
        follow.accept(details.get().links().get(node));
        return true;
    }

    private void updateBytes() {
        PacketDetails shown = details.get();
        DetailNode node = selectedNode.get();
        bytes.set(shown == null ? List.of()
                : HexDump.segments(shown.bytes(), node == null ? 0 : node.offset(), node == null ? 0 : node.length()));
    }

    public ReadOnlyObjectProperty<PacketDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    /** The tree node whose bytes are highlighted; set by the tree's selection. */
    public ObjectProperty<DetailNode> selectedNodeProperty() { return selectedNode; }
    /** The bytes pane's text, cut where the highlight starts and ends. */
    public ReadOnlyObjectProperty<List<HexDump.Segment>> bytesProperty() { return bytes.getReadOnlyProperty(); }
}
