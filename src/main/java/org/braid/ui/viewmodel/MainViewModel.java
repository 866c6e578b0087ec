package org.braid.ui.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.braid.filter.FilterResult;
import org.braid.io.TraceFormatException;
import org.braid.io.TraceWarning;
import org.braid.ui.packets.FilterTask;
import org.braid.ui.packets.HeapTrim;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRows;
import org.braid.ui.packets.PacketSort;
import org.braid.ui.packets.PacketSummaries;
import org.braid.ui.packets.TimeFormat;
import org.braid.ui.packets.TraceFields;
import org.braid.ui.packets.TraceLoadTask;
import org.braid.ui.prefs.UiPreferences;
import org.braid.ui.tasks.BackgroundTask;
import org.braid.ui.tasks.TaskExecutor;

/**
 * The window's state: the loaded trace, the rows the list shows, the selected packet, the
 * background task (load or filter) with its progress, and the status line. Controllers bind to
 * it and call its actions; it never touches a control. Everything runs on the UI thread except
 * the tasks, which it hands to a {@link TaskExecutor}; tests pass one that runs them at once.
 */
public final class MainViewModel implements LiveDisplay {
    private static final int MAX_WARNINGS_LISTED = 20;

    private final TaskExecutor tasks;
    private final UiPreferences preferences;
    private final FilterBarViewModel filterBar = new FilterBarViewModel();
    private final PacketDetailsViewModel details = new PacketDetailsViewModel();
    private final PacketColumnsViewModel columns;
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
    private final BooleanProperty absoluteSequence = new SimpleBooleanProperty(this, "absoluteSequence");
    private final ObjectProperty<TimeFormat> timeFormat =
            new SimpleObjectProperty<>(this, "timeFormat", TimeFormat.SINCE_START);

    private final AnalysisViewModel analysis;
    private final ExportViewModel export;
    private final CaptureViewModel capture;
    private final FindPacketViewModel find;
    private final ConversationsViewModel conversations;
    private final ConversationColoring conversationColoring = new ConversationColoring(() -> filterBar.fieldsProperty().get());

    private Consumer<UserMessage> messages = message -> { };
    private BackgroundTask<?> running;
    /** True while {@link #running} loads a trace, whose end applies the filter itself. */
    private boolean loading;
    /** The packet list's order, or null for capture order. */
    private PacketSort sort;
    /** The marked packets' indexes (Ctrl+M), for the trace shown. */
    private final java.util.BitSet marked = new java.util.BitSet();
    private final ReadOnlyIntegerWrapper markedCount = new ReadOnlyIntegerWrapper(this, "markedCount");
    /** The rows shown, in capture order (before the sort). */
    private PacketRows captureOrder = PacketRows.empty();
    /** A packet to select once the filter being applied shows it, or -1. */
    private int pendingReveal = -1;

    public MainViewModel(TaskExecutor tasks, UiPreferences preferences) {
        this.tasks = tasks;
        this.preferences = preferences;
        recentFiles.setAll(preferences.recentFiles());
        this.columns = new PacketColumnsViewModel(preferences);
        this.analysis = new AnalysisViewModel(tasks, this::filterBy, this::reveal);
        this.export = new ExportViewModel(tasks, trace::get, () -> captureOrder, () -> filterBar.appliedProperty().get(),
                () -> analysis.chartDataProperty().get(), message -> messages.accept(message));
        this.capture = new CaptureViewModel(this, tasks);
        this.find = new FindPacketViewModel(tasks, this);
        this.conversations = new ConversationsViewModel(tasks, this);
        details.setFollowHandler(this::reveal);
        details.setAbsoluteSequence(absoluteSequence::get);
        selected.addListener((o, was, now) -> details.show(trace.get(), now.intValue()));
        rows.addListener((o, was, now) -> updateCounts());
        absoluteSequence.set(preferences.absoluteSequence());
        timeFormat.set(savedTimeFormat(preferences));
        timeFormat.addListener((o, was, now) -> {
            preferences.setTimeFormat(now.name());
            refreshRowContext();
        });
        // The time since the previous displayed packet depends on the rows shown.
        rows.addListener((o, was, now) -> {
            if (timeFormat.get() == TimeFormat.SINCE_PREVIOUS_DISPLAYED) {
                refreshRowContext();
            }
        });
        absoluteSequence.addListener((o, was, now) -> {
            preferences.setAbsoluteSequence(now);
            if (trace.get() != null) {
                rowContext.set(rowContextOf(trace.get()));
                details.show(trace.get(), selected.get());
            }
        });
    }

    private PacketColumn.RowContext rowContextOf(LoadedTrace shown) {
        return new PacketColumn.RowContext(shown, new PacketSummaries(shown, absoluteSequence.get()),
                timeFormat.get() == null ? TimeFormat.SINCE_START : timeFormat.get(), rows.get());
    }

    private void refreshRowContext() {
        if (trace.get() != null) {
            rowContext.set(rowContextOf(trace.get()));
        }
    }

    private static TimeFormat savedTimeFormat(UiPreferences preferences) {
        try {
            return preferences.timeFormat() == null ? TimeFormat.SINCE_START : TimeFormat.valueOf(preferences.timeFormat());
        } catch (IllegalArgumentException e) {
            return TimeFormat.SINCE_START; // a name from another version
        }
    }

    /** Where dialogs go; the window sets it, tests may too. */
    public void setMessageHandler(Consumer<UserMessage> handler) {
        this.messages = handler;
    }

    /** Tells the user something through the window's dialogs. */
    @Override
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
        List<BackgroundTask<LoadedTrace>> self = new java.util.ArrayList<>(1);
        TraceLoadTask load = new TraceLoadTask(path, displayName,
                partial -> tasks.runOnUi(() -> showPartial(self.get(0), partial)));
        BackgroundTask<LoadedTrace> task = BackgroundTask.of(load.title(), load);
        self.add(task);
        task.onSuccess(loaded -> {
            boolean partialShown = isPartialOf(loaded);
            int keep = selected.get();
            finished(task);
            show(loaded);
            if (partialShown && keep >= 0) {
                select(keep); // where the user went while it loaded
            }
            if (remember) {
                preferences.addRecentFile(path);
                recentFiles.setAll(preferences.recentFiles());
            }
        }).onFailure(error -> {
            finished(task);
            messages.accept(loadError(path, displayName, error));
        }).onCancelled(() -> {
            if (finished(task)) {
                LoadedTrace shown = trace.get();
                taskText.set("Load of " + displayName + " cancelled"
                        + (shown != null && shown.path() == path ? " after " + shown.index().size() + " packets" : ""));
            }
        });
        start(task, true);
    }

    /**
     * Shows the packets a running load has read so far: the first time like a newly opened trace,
     * then growing the list and the connections, keeping the selection. The filter applies once the
     * load ends; meanwhile every packet read is listed.
     */
    private void showPartial(BackgroundTask<LoadedTrace> task, LoadedTrace partial) {
        if (running != task) {
            if (trace.get() == null || trace.get().reader() != partial.reader()) {
                closeQuietly(partial); // a load cancelled meanwhile: nobody shows its reader
            }
            return;
        }
        if (!isPartialOf(partial)) {
            show(partial, true);
        } else {
            trace.set(partial);
            rowContext.set(rowContextOf(partial));
            analysis.showConnections(partial);
            showRows(PacketRows.all(partial.index().size()));
        }
        taskText.set(task.title() + ": " + partial.index().size() + " packets so far");
    }

    /** True when the trace shown is an earlier part of {@code loaded} (the same reader). */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: the same object, not an equal one
    private boolean isPartialOf(LoadedTrace loaded) {
        LoadedTrace shown = trace.get();
        return shown != null && shown != loaded && shown.reader() != null && shown.reader() == loaded.reader();
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

    @SuppressWarnings("ReferenceEquality") // identity: is this still the trace the filter ran on
    private void apply(FilterResult result, String text) {
        LoadedTrace shown = trace.get();
        if (shown == null || loading) {
            filterBar.markApplied(text); // applied by show() once a trace is loaded
            return;
        }
        if (text.isEmpty()) {
            cancel();
            filterBar.markApplied("");
            showRows(PacketRows.all(shown.index().size()));
            return;
        }
        BackgroundTask<int[]> task = BackgroundTask.of("Filtering: " + text, new FilterTask(shown, result.filter()));
        task.onSuccess(kept -> {
            finished(task);
            // A live capture's newer snapshot still holds every packet the filter matched.
            if (trace.get() == shown || shown.index().sameCapture(trace.get().index())) {
                filterBar.markApplied(text);
                showRows(PacketRows.of(kept));
            }
        }).onFailure(error -> {
            finished(task);
            messages.accept(new UserMessage(UserMessage.Kind.ERROR, "Filter failed",
                    "The filter \"" + text + "\" could not be applied to " + shown.displayName(),
                    String.valueOf(error)));
        }).onCancelled(() -> finished(task));
        start(task, false);
    }

    /**
     * Joins {@code picked} with the bar's filter as {@code how} says and writes it into the bar,
     * applying it when {@code apply} (Apply as Filter) or only preparing it (Prepare as Filter).
     */
    public void useAsFilter(String picked, FilterCombination how, boolean apply) {
        String combined = how.combine(filterBar.textProperty().get(), picked);
        if (apply) {
            filterBy(combined);
        } else {
            filterBar.textProperty().set(combined);
        }
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

    /** Marks the selected packet, or unmarks it when marked (Ctrl+M). */
    public void toggleMark() {
        int packet = selected.get();
        if (packet >= 0) {
            marked.flip(packet);
            markedCount.set(marked.cardinality());
        }
    }

    public boolean isMarked(int packet) {
        return packet >= 0 && marked.get(packet);
    }

    /** The marked packets' indexes, ascending. */
    public int[] markedPackets() {
        return marked.stream().toArray();
    }

    /**
     * Selects the next ({@code +1}) or previous ({@code -1}) marked packet among the rows shown,
     * in their order; false when there is none that way.
     */
    public boolean stepMarked(int direction) {
        PacketRows shown = rows.get();
        int row = selected.get() < 0 ? (direction > 0 ? -1 : shown.size()) : shown.rowOf(selected.get());
        for (int r = row + direction; r >= 0 && r < shown.size(); r += direction) {
            if (marked.get(shown.packetIndex(r))) {
                select(shown.packetIndex(r));
                return true;
            }
        }
        return false;
    }

    /** Writes the marked packets to {@code target} as pcapng, in capture order. */
    public void exportMarked(Path target) {
        export.exportRows(target, PacketRows.of(markedPackets()), "marked packets");
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
    @Override
    public void showLive(LoadedTrace snapshot, boolean first, boolean last) {
        if (first) {
            show(snapshot);
        } else {
            trace.set(snapshot);
            rowContext.set(rowContextOf(snapshot));
            if (last) {
                analysis.show(snapshot);
            } else {
                analysis.refresh(snapshot);
            }
            String applied = filterBar.appliedProperty().get();
            FilterResult again = filterBar.appliedResult();
            if (applied.isEmpty() || !again.isValid()) {
                showRows(PacketRows.all(snapshot.index().size()));
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
        show(loaded, false);
    }

    /** @param partial true for the first part of a trace still loading: its connections, not yet its charts */
    private void show(LoadedTrace loaded, boolean partial) {
        LoadedTrace old = trace.get();
        if (old == null || old.reader() == null || old.reader() != loaded.reader()) {
            marked.clear(); // marks belong to a trace; the rest of a trace still loading keeps them
            markedCount.set(0);
        }
        selected.set(-1);
        // No row may point past the new trace's packets, even for a moment.
        rows.set(PacketRows.empty());
        pendingReveal = -1;
        filterBar.fieldsProperty().set(TraceFields.of(loaded));
        trace.set(loaded);
        if (partial) {
            analysis.showConnections(loaded);
        } else {
            analysis.show(loaded);
        }
        rowContext.set(rowContextOf(loaded));
        showRows(PacketRows.all(loaded.index().size()));
        if (old != null && old.reader() != loaded.reader()) {
            closeQuietly(old);
        }
        if (!partial) {
            HeapTrim.afterLoad(loaded.index().size()); // the load pass's heap back to the system
        }
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

    /**
     * Sorts the list by {@code order} (null: capture order), in the background; the rows show in
     * their old order meanwhile. Every later filter or snapshot is sorted the same way.
     */
    public void sortBy(PacketSort order) {
        if (java.util.Objects.equals(order, sort)) {
            return;
        }
        sort = order;
        showRows(captureOrder);
    }

    /** Shows rows in capture order, then sorted when a sort is chosen. */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: still the same trace, rows and sort
    private void showRows(PacketRows inCaptureOrder) {
        captureOrder = inCaptureOrder;
        setRows(inCaptureOrder);
        LoadedTrace shown = trace.get();
        PacketSort order = sort;
        if (order == null || shown == null || inCaptureOrder.size() < 2 || loading) {
            return;
        }
        BackgroundTask<int[]> task = BackgroundTask.of("Sorting by " + order.column().title(),
                order.of(shown, inCaptureOrder, absoluteSequence.get()));
        task.onSuccess(sorted -> {
            finished(task);
            if (trace.get() == shown && captureOrder == inCaptureOrder && sort == order) {
                setRows(PacketRows.sorted(sorted, shown.index().size()));
            }
        }).onFailure(error -> finished(task)).onCancelled(() -> finished(task));
        start(task, false);
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
    private void start(BackgroundTask<?> task, boolean load) {
        cancel();
        running = task;
        loading = load;
        busy.set(true);
        progress.bind(task.progressProperty());
        taskText.set(task.title());
        tasks.execute(task);
    }

    /** Ends {@code task}'s hold on the status; false when a newer task owns it (it cancelled this one). */
    private boolean finished(BackgroundTask<?> task) {
        if (running != task) {
            return false;
        }
        running = null;
        loading = false;
        progress.unbind();
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
    /** Where background tasks run; dialogs with their own tasks use it too. */
    public java.util.concurrent.Executor background() { return tasks::runInBackground; }
    public AnalysisViewModel analysis() { return analysis; }
    public ExportViewModel export() { return export; }
    public CaptureViewModel capture() { return capture; }
    public FindPacketViewModel find() { return find; }
    /** Colorize Conversation's temporary rules. */
    public ConversationColoring conversationColoring() { return conversationColoring; }
    /** Statistics > Conversations. */
    public ConversationsViewModel conversations() { return conversations; }
    public PacketDetailsViewModel details() { return details; }
    /** The packet list's columns, in order, hidden ones included. */
    public ObservableList<PacketColumn> columns() { return columns.columns(); }
    /** The packet list's column choice: shown, hidden, added, widths. */
    public PacketColumnsViewModel packetColumns() { return columns; }
    public ObservableList<Path> recentFiles() { return recentFiles; }

    public void clearRecentFiles() {
        preferences.clearRecentFiles();
        recentFiles.clear();
    }

    public ReadOnlyObjectProperty<LoadedTrace> traceProperty() { return trace.getReadOnlyProperty(); }

    @Override
    public LoadedTrace shownTrace() { return trace.get(); }
    /** What the list's columns read from; changes with the trace. */
    public ReadOnlyObjectProperty<PacketColumn.RowContext> rowContextProperty() {
        return rowContext.getReadOnlyProperty();
    }
    /** The packet list's order, or null for capture order. */
    public PacketSort sort() { return sort; }
    /** How many packets are marked; changes whenever a mark does. */
    public ReadOnlyIntegerProperty markedCountProperty() { return markedCount.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PacketRows> rowsProperty() { return rows.getReadOnlyProperty(); }
    /** Index of the selected packet, -1 for none. */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    /** True to show TCP sequence numbers as sent in Info; remembered across runs. */
    public BooleanProperty absoluteSequenceProperty() { return absoluteSequence; }
    /** How the Time column shows; remembered across runs. */
    public ObjectProperty<TimeFormat> timeFormatProperty() { return timeFormat; }
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
