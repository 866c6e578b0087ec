package org.braid.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.render.DetailNode;

/** The details tree's "Expert Info" section: the findings the selected packet is evidence of, as in Wireshark. */
public final class ExpertDetails {
    private ExpertDetails() {}

    /** The section for packet {@code packetNumber} (1-based), or null when it shows no finding. */
    public static DetailNode of(AnalysisResult result, long packetNumber) {
        List<DetailNode> lines = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.evidence().contains(packetNumber)) {
                lines.add(DetailNode.leaf("[" + f.severity().label() + "/" + f.group().label() + "] " + f.summary(), 0, 0));
            }
        }
        return lines.isEmpty() ? null
                : new DetailNode("Expert Info (" + lines.size() + ")", 0, 0, lines);
    }
}
