package org.braid.ui.packets;

import org.braid.filter.AnalysisFields;
import org.braid.filter.FieldResolver;
import org.braid.filter.FindingFields;
import org.braid.filter.PacketFields;

/** The display-filter fields of a loaded trace: the analysis's, the expert findings', then the decoder's. */
public final class TraceFields {
    private TraceFields() {}

    public static FieldResolver of(LoadedTrace trace) {
        return new AnalysisFields(trace.analysis().columns(), trace.analysis()::subflowOfFlow)
                .or(new FindingFields(trace.analysis().result().findings())).or(PacketFields.instance());
    }
}
