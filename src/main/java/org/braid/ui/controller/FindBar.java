package org.braid.ui.controller;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.braid.ui.find.FindQuery;
import org.braid.ui.viewmodel.FindPacketViewModel;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * Wireshark's find bar (Edit > Find Packet): where and what to look for, the text (a ControlsFX
 * field with a clear button), Find and Previous, and what the last search found. Enter finds the
 * next match, Shift+Enter the previous one, Escape closes the bar.
 */
public final class FindBar extends HBox {
    private final FindPacketViewModel viewModel;
    private final CustomTextField field = new CustomTextField();

    public FindBar(FindPacketViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("find-bar");
        setId("findBar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<FindQuery.Where> where = new ChoiceBox<>();
        where.getItems().setAll(FindQuery.Where.values());
        where.valueProperty().bindBidirectional(viewModel.whereProperty());
        where.setId("findWhere");
        CheckBox caseSensitive = new CheckBox("Case sensitive");
        caseSensitive.selectedProperty().bindBidirectional(viewModel.caseSensitiveProperty());
        ChoiceBox<FindQuery.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(FindQuery.Kind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        kind.setId("findKind");
        // Only a string is looked for in one place, with or without case.
        where.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(FindQuery.Kind.STRING));
        caseSensitive.disableProperty().bind(where.disableProperty());

        field.setId("findField");
        field.setPromptText("Find: a display filter, hex bytes (00:1e) or a string   Enter next, Shift+Enter previous");
        field.textProperty().bindBidirectional(viewModel.textProperty());
        field.setRight(clearButton());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    viewModel.findPrevious();
                } else {
                    viewModel.findNext();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.shownProperty().set(false);
                event.consume();
            }
        });
        viewModel.invalidProperty().addListener((o, was, now) -> showValidity(now));

        Button next = new Button("Find");
        next.setId("findNext");
        next.setDefaultButton(false);
        next.setOnAction(event -> viewModel.findNext());
        Button previous = new Button("Previous");
        previous.setOnAction(event -> viewModel.findPrevious());
        Label status = new Label();
        status.setId("findStatus");
        status.getStyleClass().add("find-status");
        status.textProperty().bind(viewModel.statusProperty());
        Button close = new Button("Cancel");
        close.setOnAction(event -> viewModel.shownProperty().set(false));
        getChildren().setAll(new Label("Find"), where, caseSensitive, kind, field, next, previous, status, close);

        visibleProperty().bind(viewModel.shownProperty());
        managedProperty().bind(visibleProperty());
    }

    private Button clearButton() {
        Button clear = new Button("\u2715");
        clear.getStyleClass().add("find-clear");
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnAction(event -> field.clear());
        return clear;
    }

    private void showValidity(boolean invalid) {
        field.getStyleClass().remove("filter-invalid");
        if (invalid) {
            field.getStyleClass().add("filter-invalid");
        }
    }

    /** Opens the bar and puts the cursor in its field (Edit > Find Packet). */
    public void open() {
        viewModel.shownProperty().set(true);
        field.requestFocus();
        field.selectAll();
    }
}
