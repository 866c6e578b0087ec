package org.braid.ui.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.braid.ui.find.FindQuery;
import org.braid.ui.find.PacketSearch;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.packets.PacketColumn;
import org.braid.ui.packets.PacketRows;
import org.braid.ui.packets.PacketSummaries;
import org.braid.ui.tasks.BackgroundTask;
import org.braid.ui.tasks.TaskExecutor;

/**
 * Edit > Find Packet: what to find (display filter, hex value or string; in the list, details or
 * bytes), and Find Next / Find Previous, which search the shown rows off the UI thread from the
 * selected one and select the packet found. The status says what happened, as Wireshark's does.
 */
public final class FindPacketViewModel {
    private final TaskExecutor tasks;
    private final MainViewModel main;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<FindQuery.Kind> kind = new SimpleObjectProperty<>(this, "kind", FindQuery.Kind.DISPLAY_FILTER);
    private final ObjectProperty<FindQuery.Where> where = new SimpleObjectProperty<>(this, "where", FindQuery.Where.PACKET_LIST);
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(this, "caseSensitive");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private BackgroundTask<PacketSearch.Hit> running;

    FindPacketViewModel(TaskExecutor tasks, MainViewModel main) {
        this.tasks = tasks;
        this.main = main;
        text.addListener((o, was, now) -> check());
        kind.addListener((o, was, now) -> check());
    }

    /** The query as typed now, checked. */
    public FindQuery query() {
        return FindQuery.of(kind.get(), where.get(), caseSensitive.get(), text.get(),
                main.filterBar().fieldsProperty().get());
    }

    private void check() {
        FindQuery query = query();
        boolean bad = !query.isValid() && !text.get().isBlank();
        invalid.set(bad);
        status.set(bad ? query.error() : "");
    }

    /** Finds the next shown packet after the selected one that matches (Find Next). */
    public void findNext() {
        find(1);
    }

    /** Finds the previous one (Find Previous). */
    public void findPrevious() {
        find(-1);
    }

    private void find(int direction) {
        LoadedTrace trace = main.traceProperty().get();
        PacketColumn.RowContext shownContext = main.rowContextProperty().get();
        if (trace == null || shownContext == null) {
            status.set("No trace is open");
            return;
        }
        FindQuery query = query();
        if (!query.isValid()) {
            status.set(query.error());
            return;
        }
        PacketRows rows = main.rowsProperty().get();
        int fromRow = rows.rowOf(main.selectedProperty().get());
        boolean absolute = main.absoluteSequenceProperty().get();
        PacketColumn.RowContext context = new PacketColumn.RowContext(trace, new PacketSummaries(trace, absolute),
                shownContext.timeFormat(), rows);
        PacketSearch search = new PacketSearch(trace, rows,
                main.columns().stream().filter(main.packetColumns()::isVisible).toList(), context, query, absolute);
        if (running != null) {
            running.cancel();
        }
        BackgroundTask<PacketSearch.Hit> task = BackgroundTask.of("Finding " + query.kind().toString().toLowerCase(
                java.util.Locale.ROOT), progress -> search.find(fromRow, direction, done -> {
                    progress.checkCancelled();
                    progress.update(done, rows.size());
                }));
        running = task;
        searching.set(true);
        status.set("Searching...");
        task.onSuccess(hit -> {
            if (done(task)) {
                found(hit, direction, trace);
            }
        }).onFailure(error -> {
            if (done(task)) {
                status.set("Find failed: " + error);
            }
        }).onCancelled(() -> done(task));
        tasks.execute(task);
    }

    @SuppressWarnings("ReferenceEquality") // identity: is this still the trace searched
    private void found(PacketSearch.Hit hit, int direction, LoadedTrace searched) {
        if (main.traceProperty().get() != searched) {
            status.set("");
            return;
        }
        if (hit == null) {
            status.set("No packet matched");
            return;
        }
        main.select(hit.packetIndex());
        long number = hit.packetIndex() + 1L;
        status.set(hit.wrapped()
                ? "Packet " + number + " (search went past the " + (direction > 0 ? "end" : "beginning") + ")"
                : "Packet " + number);
    }

    private boolean done(BackgroundTask<?> task) {
        if (running != task) {
            return false;
        }
        running = null;
        searching.set(false);
        return true;
    }

    /** True while the find bar is open. */
    public BooleanProperty shownProperty() { return shown; }
    public StringProperty textProperty() { return text; }
    public ObjectProperty<FindQuery.Kind> kindProperty() { return kind; }
    public ObjectProperty<FindQuery.Where> whereProperty() { return where; }
    public BooleanProperty caseSensitiveProperty() { return caseSensitive; }
    /** What the last search found, or why the text cannot be searched for. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** True when the text is not a valid query of its kind. */
    public ReadOnlyBooleanProperty invalidProperty() { return invalid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty searchingProperty() { return searching.getReadOnlyProperty(); }
}
