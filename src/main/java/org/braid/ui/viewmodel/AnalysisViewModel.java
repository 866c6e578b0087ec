package org.braid.ui.viewmodel;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.Reinjection;
import org.braid.ui.analysis.ChecksumRow;
import org.braid.ui.analysis.ConnectionRow;
import org.braid.ui.analysis.ConnectionRows;
import org.braid.ui.analysis.Scope;
import org.braid.ui.analysis.TraceAnalysis;
import org.braid.ui.charts.ChartDataBuilder;
import org.braid.ui.charts.ChartDataTask;
import org.braid.ui.charts.ChartDirection;
import org.braid.ui.charts.ConnectionChartData;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.tasks.BackgroundTask;
import org.braid.ui.tasks.TaskExecutor;

/**
 * The analysis panes: the connections panel's lines, what is selected there, and the charted
 * connection with its chart data (gathered in the background) and its reinjection and event
 * tables. Selecting a line writes its filter into the filter bar and applies it.
 */
public final class AnalysisViewModel {
    private final TaskExecutor tasks;
    private final Consumer<String> applyFilter;
    private final IntConsumer reveal;
    private final ObservableList<ConnectionRow> connections = FXCollections.observableArrayList();
    private final ObservableList<Reinjection> reinjections = FXCollections.observableArrayList();
    private final ObservableList<MptcpEvent> events = FXCollections.observableArrayList();
    private final ObservableList<ChecksumRow> checksums = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checksumsNegotiated = new ReadOnlyBooleanWrapper(this, "checksumsNegotiated");
    private final ReadOnlyObjectWrapper<Scope> scope = new ReadOnlyObjectWrapper<>(this, "scope");
    private final ReadOnlyIntegerWrapper chartConnection = new ReadOnlyIntegerWrapper(this, "chartConnection", -1);
    private final ReadOnlyObjectWrapper<ConnectionChartData> chartData = new ReadOnlyObjectWrapper<>(this, "chartData");
    private final ReadOnlyBooleanWrapper charting = new ReadOnlyBooleanWrapper(this, "charting");
    /** The direction the charts show: each newly charted connection starts in its main one; the user may pick another. */
    private final ObjectProperty<ChartDirection> chartDirection = new SimpleObjectProperty<>(this, "chartDirection");
    /** True while the view model itself sets {@link #chartDirection} to a connection's main direction. */
    private boolean followingMainDirection;
    private final ExpertViewModel expert = new ExpertViewModel(this::jumpTo, this::chart);
    private LoadedTrace trace;
    private BackgroundTask<ConnectionChartData> running;
    /** During a live capture, rebuilds the charted connection's data at most once a second. */
    private final ChartRefreshThrottle liveCharts;

    /**
     * @param applyFilter writes a filter text into the bar and applies it
     * @param reveal      selects a packet (0-based), widening the filter when it hides it
     */
    AnalysisViewModel(TaskExecutor tasks, Consumer<String> applyFilter, IntConsumer reveal) {
        this.tasks = tasks;
        this.liveCharts = new ChartRefreshThrottle(TimeUnit.SECONDS.toNanos(1), System::nanoTime, tasks::schedule,
                this::rebuildLive);
        this.applyFilter = applyFilter;
        this.reveal = reveal;
        chartDirection.addListener((o, was, now) -> {
            int index = chartConnection.get();
            if (!followingMainDirection && trace != null && index >= 0 && now != null) {
                chartData.set(null);
                if (running != null) {
                    running.cancel();
                    running = null;
                }
                charting.set(true);
                build(index);
            }
        });
    }

    /** Shows a newly loaded trace's connections, charting its first MPTCP connection. */
    void show(LoadedTrace loaded) {
        trace = loaded;
        liveCharts.clear();
        scope.set(null);
        connections.setAll(ConnectionRows.of(loaded.analysis()));
        expert.show(loaded.analysis().result());
        // A trace without MPTCP charts nothing: the previous trace's tables must not stay.
        chartConnection.set(-1);
        chartData.set(null);
        clearTables();
        chart(loaded.analysis().result().connections().isEmpty() ? -1 : 0);
    }

    private void clearTables() {
        reinjections.clear();
        events.clear();
        checksums.clear();
        checksumsNegotiated.set(false);
        charting.set(false);
        liveCharts.finished();
    }

    /**
     * Shows a newer snapshot of the live trace on show: the connections panel follows it at once;
     * the charted connection's data is rebuilt from the latest snapshot in the background, at most
     * once a second and never while a build is still running (gathering chart data walks every
     * packet, too much a few times a second).
     */
    void refresh(LoadedTrace snapshot) {
        trace = snapshot;
        connections.setAll(ConnectionRows.of(snapshot.analysis()));
        expert.show(snapshot.analysis().result());
        if (chartConnection.get() >= 0) {
            liveCharts.request();
        }
    }

    /**
     * Shows the connections found so far in a trace still loading, and nothing else: its charts
     * wait for the whole trace (gathering them walks every packet, which the load is still doing).
     */
    void showConnections(LoadedTrace partial) {
        trace = partial;
        connections.setAll(ConnectionRows.of(partial.analysis()));
    }

    /** Selects a connections-panel line: filters the packet list to it and charts its connection. */
    public void select(Scope selected) {
        if (selected == null || selected.equals(scope.get())) {
            return;
        }
        scope.set(selected);
        applyFilter.accept(selected.filter());
        if (selected.connection() != TraceAnalysis.NONE) {
            chart(selected.connection());
        }
    }

    /** Jumps to packet number {@code packet} (1-based), as a table row or chart point asks. */
    public void jumpTo(long packet) {
        if (trace != null && packet >= 1 && packet <= trace.index().size()) {
            reveal.accept((int) (packet - 1));
        }
    }

    /** Charts connection {@code index} (-1 for none) and fills its tables. */
    public void chart(int index) {
        if (trace == null || index == chartConnection.get()) {
            return;
        }
        if (running != null) {
            running.cancel();
            running = null;
        }
        chartConnection.set(index);
        chartData.set(null);
        if (index < 0) {
            clearTables();
            return;
        }
        MptcpConnection connection = trace.analysis().connection(index);
        followingMainDirection = true;
        chartDirection.set(ChartDataBuilder.mainDirection(connection));
        followingMainDirection = false;
        reinjections.setAll(connection.data().reinjections());
        events.setAll(connection.events());
        checksums.setAll(ChecksumRow.of(connection.mappings()));
        checksumsNegotiated.set(Boolean.TRUE.equals(connection.checksum()) || !checksums.isEmpty());
        charting.set(true);
        build(index);
    }

    /** Rebuilds the charted connection's data from the latest snapshot, keeping the old data shown meanwhile. */
    private boolean rebuildLive() {
        int index = chartConnection.get();
        if (trace == null || index < 0 || running != null
                || index >= trace.analysis().result().connections().size()) {
            return false;
        }
        MptcpConnection connection = trace.analysis().connection(index);
        // Only a grown table is replaced, so a row selected in it stays selected meanwhile.
        if (connection.data().reinjections().size() != reinjections.size()) {
            reinjections.setAll(connection.data().reinjections());
        }
        if (connection.events().size() != events.size()) {
            events.setAll(connection.events());
        }
        List<ChecksumRow> verdicts = ChecksumRow.of(connection.mappings());
        if (verdicts.size() != checksums.size()) {
            checksums.setAll(verdicts);
            checksumsNegotiated.set(Boolean.TRUE.equals(connection.checksum()) || !checksums.isEmpty());
        }
        build(index);
        return true;
    }

    private void build(int index) {
        BackgroundTask<ConnectionChartData> task =
                BackgroundTask.of("Charting connection " + index, new ChartDataTask(trace, index, chartDirection.get()));
        task.onSuccess(data -> {
            if (running == task) {
                running = null;
                charting.set(false);
                chartData.set(data);
                liveCharts.finished();
            }
        }).onFailure(error -> {
            if (running == task) {
                running = null;
                charting.set(false);
                liveCharts.finished();
            }
        });
        running = task;
        liveCharts.started();
        tasks.execute(task);
    }

    void dispose() {
        if (running != null) {
            running.cancel();
        }
    }

    public LoadedTrace trace() { return trace; }
    /** The Expert Info tab's findings. */
    public ExpertViewModel expert() { return expert; }
    public ObservableList<ConnectionRow> connections() { return connections; }
    /** The charted connection's reinjections, in packet order. */
    public ObservableList<Reinjection> reinjections() { return reinjections; }
    /** The charted connection's events, in time order. */
    public ObservableList<MptcpEvent> events() { return events; }
    /** The charted connection's DSS mappings that carry a checksum verdict. */
    public ObservableList<ChecksumRow> checksums() { return checksums; }
    /** True when the charted connection uses DSS checksums, so its verdicts are worth a table. */
    public ReadOnlyBooleanProperty checksumsNegotiatedProperty() { return checksumsNegotiated.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Scope> scopeProperty() { return scope.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty chartConnectionProperty() { return chartConnection.getReadOnlyProperty(); }
    /** The charted connection's chart data; null while it is gathered or when none is charted. */
    public ReadOnlyObjectProperty<ConnectionChartData> chartDataProperty() { return chartData.getReadOnlyProperty(); }
    /** The direction the charts show: the charted connection's main one, or the one the user chose. */
    public ObjectProperty<ChartDirection> chartDirectionProperty() { return chartDirection; }
    public ReadOnlyBooleanProperty chartingProperty() { return charting.getReadOnlyProperty(); }
}
