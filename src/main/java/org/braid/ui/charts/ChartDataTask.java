package org.braid.ui.charts;

import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.tasks.BackgroundWork;
import org.braid.ui.tasks.TaskProgress;

/** Gathers a connection's chart data off the UI thread; cancellable. */
public final class ChartDataTask implements BackgroundWork<ConnectionChartData> {
    private final LoadedTrace trace;
    private final int connection;
    private final ChartDirection direction;

    /** @param direction the direction to chart, or null for the connection's main one */
    public ChartDataTask(LoadedTrace trace, int connection, ChartDirection direction) {
        this.trace = trace;
        this.connection = connection;
        this.direction = direction;
    }

    @Override
    public ConnectionChartData call(TaskProgress progress) {
        return ChartDataBuilder.build(trace, connection, direction, done -> {
            progress.checkCancelled();
            progress.update(done, trace.index().size());
        });
    }
}
