package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.braid.render.DetailNode;
import org.braid.render.DetailTree;
import org.braid.render.TcpNumbering;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketDecoding;

/**
 * The details tree of one packet as the details pane shows it: the decoded layers, with TCP numbers
 * relative unless absolute ones are asked for, then the MPTCP analysis and the Expert Info of the
 * packet. One place, so that Find Packet in the details searches what the pane shows.
 *
 * @param nodes the tree's top-level nodes
 * @param links analysis nodes that name another packet, by identity, with its index (a click there goes to it)
 */
public record ShownDetails(List<DetailNode> nodes, Map<DetailNode, Integer> links) {
    public ShownDetails {
        nodes = List.copyOf(nodes); // the links stay the identity map they are: equal nodes may link apart
    }

    /** Packet {@code index} of {@code trace}, which {@code decoding} has just loaded. */
    public static ShownDetails of(LoadedTrace trace, int index, PacketDecoding decoding, boolean absoluteSequence) {
        TcpNumbering numbering = absoluteSequence ? null : trace.index().sequenceBases()
                .numbering(trace.analysis().columns().flowOfPacket(index), decoding.packet());
        List<DetailNode> tree = new ArrayList<>(DetailTree.build(decoding.frame(), decoding.packet(), numbering));
        AnalysisDetails analysis = AnalysisDetails.of(trace.analysis(), index, decoding.packet());
        Map<DetailNode, Integer> links = Map.of();
        if (analysis != null) {
            tree.add(analysis.section());
            links = analysis.links();
        }
        DetailNode expert = ExpertDetails.of(trace.analysis().result(), decoding.frame().packetNumber());
        if (expert != null) {
            tree.add(expert);
        }
        return new ShownDetails(tree, links);
    }
}
