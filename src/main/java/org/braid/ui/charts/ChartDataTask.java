package org.braid.ui.charts;

import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import org.braid.ui.packets.LoadedTrace;

/** Gathers a connection's chart data off the UI thread; cancellable. */
public final class ChartDataTask extends Task<ConnectionChartData> {
    private final LoadedTrace trace;
    private final int connection;

    public ChartDataTask(LoadedTrace trace, int connection) {
        this.trace = trace;
        this.connection = connection;
        updateTitle("Charting connection " + connection);
    }

    @Override
    protected ConnectionChartData call() {
        return ChartDataBuilder.build(trace, connection, done -> {
            if (isCancelled()) {
                throw new CancellationException();
            }
            updateProgress(done, trace.index().size());
        });
    }
}
