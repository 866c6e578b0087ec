package org.braid.ui.controller;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.braid.ui.viewmodel.FilterBarViewModel;
import org.controlsfx.control.textfield.TextFields;

/** The display filter field: green when valid, red with the reason when not; Enter applies. */
@SuppressWarnings("UnusedMethod") // the @FXML handlers and initialize() are called by the FXMLLoader
public final class FilterBarController {
    private static final String VALID = "filter-valid";
    private static final String INVALID = "filter-invalid";

    private final FilterBarViewModel viewModel;
    private final Runnable apply;
    @FXML private TextField field;
    @FXML private Label message;

    public FilterBarController(FilterBarViewModel viewModel, Runnable apply) {
        this.viewModel = viewModel;
        this.apply = apply;
    }

    @FXML
    private void initialize() {
        field.textProperty().bindBidirectional(viewModel.textProperty());
        message.textProperty().bind(viewModel.messageProperty());
        Tooltip help = new Tooltip();
        help.textProperty().bind(Bindings.createStringBinding(() -> "Fields: "
                + String.join(", ", viewModel.fieldsProperty().get().fieldNames())
                + "\nOperators: == != < <= > >=  && (and)  || (or)  ! (not)  ( )", viewModel.fieldsProperty()));
        help.setWrapText(true);
        help.setMaxWidth(600);
        field.setTooltip(help);
        // ControlsFX's completion popup: field names for the word being typed, and earlier filters.
        TextFields.bindAutoCompletion(field, request -> viewModel.suggestions(request.getUserText()));
        viewModel.stateProperty().addListener((o, was, now) -> showState(now));
        showState(viewModel.stateProperty().get());
    }

    private void showState(FilterBarViewModel.State state) {
        field.getStyleClass().removeAll(VALID, INVALID);
        if (state == FilterBarViewModel.State.VALID) {
            field.getStyleClass().add(VALID);
        } else if (state == FilterBarViewModel.State.INVALID) {
            field.getStyleClass().add(INVALID);
        }
    }

    @FXML
    private void apply() {
        apply.run();
    }

    @FXML
    private void clear() {
        viewModel.textProperty().set("");
        apply.run();
    }

    /** Puts the cursor in the filter field (Ctrl+/ and Ctrl+F). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
