package org.braid.ui.viewmodel;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.braid.model.AnalysisResult;
import org.braid.model.Finding;
import org.braid.ui.analysis.ExpertRows;

/**
 * The Expert Info tab: the findings of the whole trace, grouped by severity and group. Choosing a
 * line charts its connection and selects its packet.
 */
public final class ExpertViewModel {
    private final ObservableList<ExpertRows> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Expert Info");
    private final LongConsumer jump;
    private final IntConsumer chart;
    private List<Finding> shown = List.of();

    /**
     * @param jump  selects a packet by its 1-based number
     * @param chart charts an MPTCP connection
     */
    ExpertViewModel(LongConsumer jump, IntConsumer chart) {
        this.jump = jump;
        this.chart = chart;
    }

    /** Shows the findings of {@code result}; the same findings again change nothing (a live snapshot). */
    void show(AnalysisResult result) {
        if (result.findings().equals(shown)) {
            return;
        }
        shown = result.findings();
        rows.setAll(ExpertRows.of(result));
        title.set(ExpertRows.title(shown));
    }

    /** The line was chosen: its connection is charted and its packet selected. */
    public void choose(ExpertRows row) {
        if (row == null || row.packet() <= 0) {
            return;
        }
        if (row.finding() != null && row.finding().connection() != null) {
            chart.accept(row.finding().connection());
        }
        jump.accept(row.packet());
    }

    public ObservableList<ExpertRows> rows() { return rows; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
}
