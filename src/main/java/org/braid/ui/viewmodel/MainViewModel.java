package org.braid.ui.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.braid.filter.AnalysisFields;
import org.braid.filter.FindingFields;
import org.braid.filter.FilterResult;
import org.braid.filter.PacketFields;
import org.braid.io.TraceFormatException;
import org.braid.io.TraceWarning;
import org.braid.ui.packets.AnalysisColumn;
import org.braid.ui.packets.FilterTask;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRows;
import org.braid.ui.packets.PacketSummaries;
import org.braid.ui.packets.StandardColumn;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.prefs.UiPreferences;

/**
 * The window's state: the loaded trace, the rows the list shows, the selected packet, the
 * background task (load or filter) with its progress, and the status line. Controllers bind to
 * it and call its actions; it never touches a control. Everything runs on the UI thread except
 * the tasks, which it starts on {@code background}.
 */
public final class MainViewModel {
    private static final int MAX_WARNINGS_LISTED = 20;

    private final Executor background;
    private final UiPreferences preferences;
    private final FilterBarViewModel filterBar = new FilterBarViewModel();
    private final PacketDetailsViewModel details = new PacketDetailsViewModel();
    private final ObservableList<PacketColumn> columns = FXCollections.observableArrayList(
            StandardColumn.NUMBER, StandardColumn.TIME, StandardColumn.SOURCE, StandardColumn.DESTINATION,
            StandardColumn.PROTOCOL, StandardColumn.LENGTH, AnalysisColumn.CONNECTION, AnalysisColumn.SUBFLOW,
            AnalysisColumn.DSN, AnalysisColumn.DATA_ACK, StandardColumn.INFO);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<LoadedTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<PacketColumn.RowContext> rowContext =
            new ReadOnlyObjectWrapper<>(this, "rowContext");
    private final ReadOnlyObjectWrapper<PacketRows> rows = new ReadOnlyObjectWrapper<>(this, "rows", PacketRows.empty());
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper taskText = new ReadOnlyStringWrapper(this, "taskText", "");
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper(this, "fileText", "No file");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper(this, "warningText", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Braid");

    private final AnalysisViewModel analysis;
    private final ExportViewModel export;
    private final CaptureViewModel capture;

    private Consumer<UserMessage> messages = message -> { };
    private Task<?> running;
    /** A packet to select once the filter being applied shows it, or -1. */
    private int pendingReveal = -1;

    public MainViewModel(Executor background, UiPreferences preferences) {
        this.background = background;
        this.preferences = preferences;
        recentFiles.setAll(preferences.recentFiles());
        this.analysis = new AnalysisViewModel(background, this::filterBy, this::reveal);
        this.export = new ExportViewModel(background, trace::get, rows::get, () -> filterBar.appliedProperty().get(),
                () -> analysis.chartDataProperty().get(), message -> messages.accept(message));
        this.capture = new CaptureViewModel(this, background, Platform::runLater);
        details.setFollowHandler(this::reveal);
        selected.addListener((o, was, now) -> details.show(trace.get(), now.intValue()));
        rows.addListener((o, was, now) -> updateCounts());
    }

    /** Where dialogs go; the window sets it, tests may too. */
    public void setMessageHandler(Consumer<UserMessage> handler) {
        this.messages = handler;
    }

    /** Tells the user something through the window's dialogs. */
    public void report(UserMessage message) {
        messages.accept(message);
    }

    // ---- Actions ----

    /** Loads {@code path} in the background, remembering it among the recent files once loaded. */
    public void open(Path path) {
        open(path, path.getFileName().toString(), true);
    }

    /**
     * Loads {@code path} in the background; the current trace stays shown until the new one is
     * loaded, and stays if the load fails or is cancelled.
     */
    public void open(Path path, String displayName, boolean remember) {
        TraceLoadTask task = new TraceLoadTask(path, displayName);
        task.setOnSucceeded(e -> {
            finished(task);
            show(task.getValue());
            if (remember) {
                preferences.addRecentFile(path);
                recentFiles.setAll(preferences.recentFiles());
            }
        });
        task.setOnFailed(e -> {
            finished(task);
            messages.accept(loadError(path, displayName, task.getException()));
        });
        task.setOnCancelled(e -> {
            if (finished(task)) {
                taskText.set("Load of " + displayName + " cancelled");
            }
        });
        start(task);
    }

    /** Cancels the running load or filter. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Applies the filter bar's text: all packets when it is empty, nothing when it is invalid. */
    public void applyFilter() {
        FilterResult result = filterBar.result();
        if (result.isValid()) {
            apply(result, filterBar.textProperty().get().trim());
        }
    }

    private void apply(FilterResult result, String text) {
        LoadedTrace shown = trace.get();
        if (shown == null || running instanceof TraceLoadTask) {
            filterBar.markApplied(text); // applied by show() once a trace is loaded
            return;
        }
        if (text.isEmpty()) {
            cancel();
            filterBar.markApplied("");
            setRows(PacketRows.all(shown.index().size()));
            return;
        }
        FilterTask task = new FilterTask(shown, result.filter(), text);
        task.setOnSucceeded(e -> {
            finished(task);
            // A live capture's newer snapshot still holds every packet the filter matched.
            if (trace.get() == shown || shown.index().sameCapture(trace.get().index())) {
                filterBar.markApplied(text);
                setRows(PacketRows.of(task.getValue()));
            }
        });
        task.setOnFailed(e -> {
            finished(task);
            messages.accept(new UserMessage(UserMessage.Kind.ERROR, "Filter failed",
                    "The filter \"" + text + "\" could not be applied to " + shown.displayName(),
                    String.valueOf(task.getException())));
        });
        task.setOnCancelled(e -> finished(task));
        start(task);
    }

    /** Writes {@code text} into the filter bar and applies it. */
    public void filterBy(String text) {
        filterBar.textProperty().set(text);
        applyFilter();
    }

    /**
     * Selects packet {@code index} (0-based), as links and tables ask: when the applied filter hides
     * it, the list is filtered to the packet's connection (or TCP stream) instead, then it is selected.
     */
    public void reveal(int index) {
        LoadedTrace shown = trace.get();
        if (shown == null || index < 0 || index >= shown.index().size()) {
            return;
        }
        if (rows.get().rowOf(index) >= 0) {
            select(index);
            return;
        }
        int connection = shown.analysis().columns().connectionOfPacket(index);
        int flow = shown.analysis().columns().flowOfPacket(index);
        pendingReveal = index;
        filterBy(connection >= 0 ? "mptcp.connection == " + connection : flow >= 0 ? "tcp.stream == " + flow : "");
    }

    /** Selects packet {@code index} (0-based); -1 clears the selection. */
    public void select(int index) {
        selected.set(index);
    }

    /**
     * Selects the packet with number {@code number} (1-based), telling the user when there is no
     * such packet or the filter hides it.
     */
    public boolean goToPacket(long number) {
        LoadedTrace shown = trace.get();
        if (shown == null || number < 1 || number > shown.index().size()) {
            messages.accept(new UserMessage(UserMessage.Kind.INFO, "Go to packet", "No packet " + number,
                    shown == null ? "No trace is open." : "Packets are numbered 1 to " + shown.index().size() + "."));
            return false;
        }
        int index = (int) (number - 1);
        if (rows.get().rowOf(index) < 0) {
            messages.accept(new UserMessage(UserMessage.Kind.INFO, "Go to packet", "Packet " + number + " is hidden",
                    "The display filter \"" + filterBar.appliedProperty().get() + "\" hides it."));
            return false;
        }
        select(index);
        return true;
    }

    /** Moves the selection one shown row down ({@code +1}) or up ({@code -1}), stopping at the ends. */
    public void step(int direction) {
        PacketRows shown = rows.get();
        if (shown.isEmpty()) {
            return;
        }
        int row = selected.get() < 0 ? -1 : shown.rowOf(selected.get());
        int next = row < 0 ? (direction > 0 ? 0 : shown.size() - 1)
                : Math.max(0, Math.min(shown.size() - 1, row + direction));
        select(shown.packetIndex(next));
    }

    /**
     * Shows a live capture's latest snapshot. The first one replaces the trace shown, like a newly
     * opened file; later ones only move the rows, counts and connections forward, keeping the
     * selection and the applied filter (re-applied to the new packets). {@code last} marks the
     * snapshot taken after the capture ended, which also redraws the charts.
     */
    public void showLive(LoadedTrace snapshot, boolean first, boolean last) {
        if (first) {
            show(snapshot);
        } else {
            trace.set(snapshot);
            rowContext.set(new PacketColumn.RowContext(snapshot, new PacketSummaries(snapshot)));
            if (last) {
                analysis.show(snapshot);
            } else {
                analysis.refresh(snapshot);
            }
            String applied = filterBar.appliedProperty().get();
            FilterResult again = filterBar.appliedResult();
            if (applied.isEmpty() || !again.isValid()) {
                setRows(PacketRows.all(snapshot.index().size()));
            } else if (running == null || last) {
                // A filter still running on the previous snapshot finishes first (its rows stay
                // valid); cancelling it at every refresh would never let a slow filter show anything.
                apply(again, applied);
            }
        }
        fileText.set(snapshot.displayName() + " (" + snapshot.formatDetail() + ")");
        title.set(snapshot.displayName() + " - Braid");
    }

    /** Closes the open trace's files; call when the window closes. */
    public void dispose() {
        capture.dispose();
        cancel();
        analysis.dispose();
        closeQuietly(trace.get());
    }

    // ---- State ----

    private void show(LoadedTrace loaded) {
        LoadedTrace old = trace.get();
        selected.set(-1);
        // No row may point past the new trace's packets, even for a moment.
        rows.set(PacketRows.empty());
        pendingReveal = -1;
        filterBar.fieldsProperty().set(new AnalysisFields(loaded.analysis().columns(), loaded.analysis()::subflowOfFlow)
                .or(new FindingFields(loaded.analysis().result().findings())).or(PacketFields.instance()));
        trace.set(loaded);
        analysis.show(loaded);
        rowContext.set(new PacketColumn.RowContext(loaded, new PacketSummaries(loaded)));
        setRows(PacketRows.all(loaded.index().size()));
        closeQuietly(old);
        fileText.set(loaded.displayName() + " (" + loaded.formatDetail() + ")");
        title.set(loaded.displayName() + " - Braid");
        taskText.set(String.format(Locale.ROOT, "Loaded %d packets", loaded.index().size()));
        warningText.set(warningSummary(loaded.warnings()));
        if (loaded.index().size() > 0) {
            select(0);
        }
        if (!loaded.warnings().isEmpty()) {
            messages.accept(new UserMessage(UserMessage.Kind.WARNING, "Problems in " + loaded.displayName(),
                    loaded.displayName() + ": " + loaded.index().size() + " packets read; the file has problems",
                    loaded.warnings().stream().limit(MAX_WARNINGS_LISTED).map(TraceWarning::toString)
                            .collect(Collectors.joining("\n"))));
        }
        String applied = filterBar.appliedProperty().get();
        FilterResult again = filterBar.appliedResult();
        if (!applied.isEmpty() && again.isValid()) {
            apply(again, applied);
        }
    }

    private void setRows(PacketRows newRows) {
        int keep = pendingReveal >= 0 && newRows.rowOf(pendingReveal) >= 0 ? pendingReveal : selected.get();
        pendingReveal = -1;
        rows.set(newRows);
        // The selection survives a filter that still shows it.
        if (keep >= 0 && newRows.rowOf(keep) < 0) {
            selected.set(-1);
        } else if (keep >= 0) {
            selected.set(keep);
        }
    }

    /** Starts {@code task}, cancelling the one running: a new load or filter makes the old one moot. */
    private void start(Task<?> task) {
        cancel();
        running = task;
        busy.set(true);
        progress.bind(task.progressProperty());
        taskText.bind(task.titleProperty());
        background.execute(task);
    }

    /** Ends {@code task}'s hold on the status; false when a newer task owns it (it cancelled this one). */
    private boolean finished(Task<?> task) {
        if (running != task) {
            return false;
        }
        running = null;
        progress.unbind();
        taskText.unbind();
        progress.set(0);
        taskText.set("");
        busy.set(false);
        return true;
    }

    private void updateCounts() {
        LoadedTrace shown = trace.get();
        if (shown == null) {
            countText.set("");
            return;
        }
        int total = shown.index().size();
        int displayed = rows.get().size();
        countText.set(displayed == total ? String.format(Locale.ROOT, "Packets: %d", total)
                : String.format(Locale.ROOT, "Packets: %d · Displayed: %d (%.1f%%)", total, displayed,
                        total == 0 ? 0.0 : 100.0 * displayed / total));
    }

    static String warningSummary(List<TraceWarning> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        String first = warnings.get(0).toString();
        return warnings.size() == 1 ? first : first + " (and " + (warnings.size() - 1) + " more)";
    }

    private static UserMessage loadError(Path path, String displayName, Throwable error) {
        String header = error instanceof TraceFormatException format
                ? "Cannot open " + format.file() + ": it is not a readable trace (at offset " + format.offset() + ")"
                : "Cannot open " + displayName;
        String details = (error instanceof IOException && error.getMessage() != null ? error.getMessage()
                : String.valueOf(error)) + "\n\nFile: " + path.toAbsolutePath();
        return new UserMessage(UserMessage.Kind.ERROR, "Cannot open trace", header, details);
    }

    private static void closeQuietly(LoadedTrace old) {
        if (old == null) {
            return;
        }
        try {
            old.close();
        } catch (IOException e) {
            // Nothing left to do with a trace that is no longer shown.
        }
    }

    public FilterBarViewModel filterBar() { return filterBar; }
    public AnalysisViewModel analysis() { return analysis; }
    public ExportViewModel export() { return export; }
    public CaptureViewModel capture() { return capture; }
    public PacketDetailsViewModel details() { return details; }
    /** The packet list's columns, in order; the analysis appends its own. */
    public ObservableList<PacketColumn> columns() { return columns; }
    public ObservableList<Path> recentFiles() { return recentFiles; }

    public void clearRecentFiles() {
        preferences.clearRecentFiles();
        recentFiles.clear();
    }

    public ReadOnlyObjectProperty<LoadedTrace> traceProperty() { return trace.getReadOnlyProperty(); }
    /** What the list's columns read from; changes with the trace. */
    public ReadOnlyObjectProperty<PacketColumn.RowContext> rowContextProperty() {
        return rowContext.getReadOnlyProperty();
    }
    public ReadOnlyObjectProperty<PacketRows> rowsProperty() { return rows.getReadOnlyProperty(); }
    /** Index of the selected packet, -1 for none. */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** What the running task does, or what the last one did. */
    public ReadOnlyStringProperty taskTextProperty() { return taskText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileTextProperty() { return fileText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty countTextProperty() { return countText.getReadOnlyProperty(); }
    /** The first warning of the trace's reader, for the banner; empty when it read cleanly. */
    public ReadOnlyStringProperty warningTextProperty() { return warningText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
}
