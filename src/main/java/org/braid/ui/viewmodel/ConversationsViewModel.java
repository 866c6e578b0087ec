package org.braid.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.braid.ui.analysis.Conversations;
import org.braid.ui.packets.LoadedTrace;
import org.braid.ui.tasks.BackgroundTask;
import org.braid.ui.tasks.TaskExecutor;

/**
 * The Statistics > Conversations window's state: the conversations of the trace shown, counted in
 * the background while the window is open (again when another trace is shown), and the filter a
 * chosen conversation applies to the main window.
 */
public final class ConversationsViewModel {
    private final TaskExecutor tasks;
    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<Conversations> conversations = new ReadOnlyObjectWrapper<>(this, "conversations");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private BackgroundTask<Conversations> running;
    private boolean active;

    ConversationsViewModel(TaskExecutor tasks, MainViewModel main) {
        this.tasks = tasks;
        this.main = main;
        main.traceProperty().addListener((o, was, now) -> {
            if (active) {
                count(now);
            }
        });
    }

    /** The window opened: counts the shown trace's conversations, and again whenever the trace changes. */
    public void open() {
        active = true;
        count(main.traceProperty().get());
    }

    /** The window closed: stops counting. */
    public void close() {
        active = false;
        if (running != null) {
            running.cancel();
        }
    }

    private void count(LoadedTrace trace) {
        if (running != null) {
            running.cancel();
        }
        if (trace == null) {
            conversations.set(null);
            return;
        }
        BackgroundTask<Conversations> task = BackgroundTask.of("Counting conversations", progress -> {
            int total = trace.index().size();
            return Conversations.of(trace, done -> {
                progress.checkCancelled();
                progress.update(done, total);
            });
        });
        running = task;
        busy.set(true);
        this.progress.bind(task.progressProperty());
        task.onSuccess(found -> {
            if (finished(task)) {
                conversations.set(found);
            }
        }).onFailure(error -> {
            if (finished(task)) {
                main.report(new UserMessage(UserMessage.Kind.ERROR, "Conversations",
                        "The conversations of " + trace.displayName() + " could not be counted", String.valueOf(error)));
            }
        }).onCancelled(() -> finished(task));
        tasks.execute(task);
    }

    private boolean finished(BackgroundTask<Conversations> task) {
        if (running != task) {
            return false;
        }
        running = null;
        progress.unbind();
        progress.set(0);
        busy.set(false);
        return true;
    }

    /** Selects {@code conversation}'s packets in the main window: its filter joined with the bar's as {@code how} says. */
    public void applyAsFilter(Conversations.Conversation conversation, FilterCombination how, boolean apply) {
        main.useAsFilter(conversation.filter(), how, apply);
    }

    /** The conversations of the trace shown, or null while none are counted. */
    public ReadOnlyObjectProperty<Conversations> conversationsProperty() { return conversations.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
}
