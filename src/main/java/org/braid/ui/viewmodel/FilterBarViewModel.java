package org.braid.ui.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.braid.filter.FieldResolver;
import org.braid.filter.FilterParser;
import org.braid.filter.FilterResult;
import org.braid.filter.PacketFields;

/**
 * The display filter bar: the text as typed, checked on every change, and the text last applied.
 * The fields come from {@link #fieldsProperty()}: the decoder's now, chained with the analysis's
 * resolver once a trace has been analysed.
 */
public final class FilterBarViewModel {
    /** EMPTY shows all packets; INVALID has a {@link #messageProperty() message}. */
    public enum State { EMPTY, VALID, INVALID }

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<FieldResolver> fields =
            new SimpleObjectProperty<>(this, "fields", PacketFields.instance());
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper(this, "applied", "");
    private FilterResult result = FilterParser.parse("");
    /** Filters applied before, the latest first. */
    private final javafx.collections.ObservableList<String> history = javafx.collections.FXCollections.observableArrayList();
    private static final int MAX_HISTORY = 30;

    public FilterBarViewModel() {
        text.addListener((o, was, now) -> check());
        fields.addListener((o, was, now) -> check());
    }

    private void check() {
        String typed = text.get() == null ? "" : text.get();
        result = FilterParser.parse(typed, fields.get());
        if (typed.isBlank()) {
            state.set(State.EMPTY);
            message.set("");
        } else if (result.isValid()) {
            state.set(State.VALID);
            message.set("");
        } else {
            state.set(State.INVALID);
            String error = result.error().toString();
            message.set(FilterSuggestions.didYouMean(error, fields.get().fieldNames())
                    .map(guess -> error + "; did you mean '" + guess + "'?").orElse(error));
        }
    }

    public StringProperty textProperty() { return text; }
    public ObjectProperty<FieldResolver> fieldsProperty() { return fields; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** Empty, or where and why the text is not a valid filter. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The filter text the packet list currently shows ("" for all packets). */
    public ReadOnlyStringProperty appliedProperty() { return applied.getReadOnlyProperty(); }

    /** The parse of the current text. */
    public FilterResult result() { return result; }

    /** The parse of the applied text, to filter a newly loaded trace the way the last one was. */
    public FilterResult appliedResult() {
        return FilterParser.parse(applied.get(), fields.get());
    }

    void markApplied(String filterText) {
        applied.set(filterText);
        if (!filterText.isBlank()) {
            history.remove(filterText);
            history.add(0, filterText);
            if (history.size() > MAX_HISTORY) {
                history.remove(MAX_HISTORY, history.size());
            }
        }
    }

    /** Filters applied before, the latest first (the bar's history). */
    public javafx.collections.ObservableList<String> history() { return history; }

    /** Whole filter texts to offer for {@code typed}: its last word completed to a field name, then history. */
    public java.util.List<String> suggestions(String typed) {
        return FilterSuggestions.completions(typed, fields.get().fieldNames(), history);
    }
}
