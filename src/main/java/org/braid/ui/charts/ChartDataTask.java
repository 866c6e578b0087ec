package org.braid.ui.charts;

import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/** Gathers a connection's chart data off the UI thread; cancellable. */
public final class ChartDataTask implements BackgroundWork<ConnectionChartData> {
    private final LoadedTrace trace;
    private final int connection;

    public ChartDataTask(LoadedTrace trace, int connection) {
        this.trace = trace;
        this.connection = connection;
    }

    @Override
    public ConnectionChartData call(TaskProgress progress) {
        return ChartDataBuilder.build(trace, connection, done -> {
            progress.checkCancelled();
            progress.update(done, trace.index().size());
        });
    }
}
