package org.braid.ui.viewmodel;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.braid.decode.DetailNode;
import org.braid.decode.DetailTree;
import org.braid.ui.bytes.HexDump;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketDecoding;

/**
 * The details tree and bytes pane of the selected packet, decoded on demand. Selecting a tree
 * node highlights its bytes. The analysis's annotations will be appended to the tree here.
 */
public final class PacketDetailsViewModel {
    /** One decoded packet: its number, details tree and captured bytes. */
    public record PacketDetails(long packetNumber, List<DetailNode> tree, byte[] bytes) {}

    private final ReadOnlyObjectWrapper<PacketDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObjectProperty<DetailNode> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<List<HexDump.Segment>> bytes =
            new ReadOnlyObjectWrapper<>(this, "bytes", List.of());
    private LoadedTrace trace;
    private PacketDecoding decoding;

    public PacketDetailsViewModel() {
        details.addListener((o, was, now) -> selectedNode.set(null));
        selectedNode.addListener((o, was, now) -> updateBytes());
        details.addListener((o, was, now) -> updateBytes());
    }

    /** Shows packet {@code index} of {@code trace}; a null trace or negative index clears the panes. */
    public void show(LoadedTrace newTrace, int index) {
        if (newTrace != trace) {
            trace = newTrace;
            decoding = newTrace == null ? null : new PacketDecoding(newTrace);
        }
        if (decoding == null || index < 0 || !decoding.load(index)) {
            details.set(null);
            return;
        }
        details.set(new PacketDetails(decoding.frame().packetNumber(),
                DetailTree.build(decoding.frame(), decoding.packet()), decoding.frame().copyBytes()));
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
