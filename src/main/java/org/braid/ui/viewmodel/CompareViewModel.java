package org.braid.ui.viewmodel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.braid.compare.ClockEstimate;
import org.braid.compare.Comparer;
import org.braid.compare.Comparison;
import org.braid.ui.compare.CompareCharts;

/**
 * The comparison beside the main window: the second capture compared with the first in the
 * background, its charts, and the selected packet in each capture, kept on each other's twins.
 */
public final class CompareViewModel {
    private record Loaded(Comparison comparison, CompareCharts charts) {}

    private final Executor background;
    private final Path first;
    private final Path second;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<CompareCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper selectedA = new ReadOnlyIntegerWrapper(this, "selectedA", -1);
    private final ReadOnlyIntegerWrapper selectedB = new ReadOnlyIntegerWrapper(this, "selectedB", -1);

    public CompareViewModel(Executor background, Path first, Path second) {
        this.background = background;
        this.first = first;
        this.second = second;
    }

    /** Compares the two captures in the background; {@link #comparisonProperty()} is set when done. */
    public void load() {
        status.set("Comparing " + first.getFileName() + " with " + second.getFileName() + "...");
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                Comparison c = Comparer.compare(first, second);
                return new Loaded(c, CompareCharts.of(c));
            }
        };
        task.setOnSucceeded(e -> {
            comparison.set(task.getValue().comparison());
            charts.set(task.getValue().charts());
            status.set(summary(task.getValue().comparison()));
        });
        task.setOnFailed(e -> status.set("Cannot compare: " + task.getException().getMessage()));
        background.execute(task);
    }

    static String summary(Comparison c) {
        ClockEstimate clock = c.clock();
        String clockText = clock.known()
                ? String.format(Locale.ROOT, "clock B = A %+.6f s \u00b1 %.6f s", clock.offsetNanos() / 1e9,
                        clock.uncertaintyNanos() / 1e9)
                : "clock offset unknown";
        return String.format(Locale.ROOT, "A: %s   B: %s   %d connection(s), %,d packets matched, %,d in A only, "
                        + "%,d in B only; %s; %d network loss(es)", c.a().name(), c.b().name(), c.connections().size(),
                c.matched(), c.onlyInA(), c.onlyInB(), clockText,
                c.losses().stream().filter(l -> l.kind() == org.braid.compare.Loss.Kind.NETWORK).count());
    }

    /** Selects packet {@code i} (0-based) of the first capture, and its twin in the second. */
    public void selectA(int i) {
        Comparison c = comparison.get();
        selectedA.set(i);
        if (c != null && i >= 0 && i < c.a().packets()) {
            selectedB.set(c.twins().twinOfA(i));
        }
    }

    /** Selects packet {@code j} (0-based) of the second capture, and its twin in the first. */
    public void selectB(int j) {
        Comparison c = comparison.get();
        selectedB.set(j);
        if (c != null && j >= 0 && j < c.b().packets()) {
            selectedA.set(c.twins().twinOfB(j));
        }
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<CompareCharts> chartsProperty() { return charts.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty selectedAProperty() { return selectedA.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty selectedBProperty() { return selectedB.getReadOnlyProperty(); }
}
